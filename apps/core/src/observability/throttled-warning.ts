import type { Logger } from '@nestjs/common';

/**
 * One warning per interval however often the same thing goes wrong, with how many times it did:
 * when Redis is away, every push would otherwise write a log line of its own.
 */
export class ThrottledWarning {
  private suppressed = 0;
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly logger: Logger,
    private readonly message: string,
    private readonly intervalMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  warn(reason: unknown): void {
    const at = this.now();
    if (at - this.lastAt < this.intervalMs) {
      this.suppressed += 1;
      return;
    }
    const occurrences = this.suppressed + 1;
    this.suppressed = 0;
    this.lastAt = at;
    this.logger.warn({ reason: reason instanceof Error ? reason.message : String(reason), occurrences }, this.message);
  }
}
