import type { ConnectorOperation, RateLimit } from '../manifest/manifest.schema';
import { LeakyBucket } from './leaky-bucket';
import { TokenBucket, type Clock } from './token-bucket';

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

interface Limiter {
  tryTake(): boolean;
  msUntilAvailable(): number;
}

function limiterFor(limit: RateLimit, clock: Clock): Limiter {
  if (limit.kind === 'token-bucket') {
    const bucket = new TokenBucket({ ratePerSecond: limit.ratePerSecond, burst: limit.burst, clock });
    return { tryTake: () => bucket.tryTake(1), msUntilAvailable: () => bucket.msUntilAvailable(1) };
  }
  const bucket = new LeakyBucket({ capacity: limit.capacity, leakPerSecond: limit.leakPerSecond, clock });
  return {
    tryTake: () => bucket.tryAdd(limit.costPerCall),
    msUntilAvailable: () => bucket.msUntilAvailable(limit.costPerCall),
  };
}

/**
 * Client-side pacing for one channel account: waits for the operation's bucket (so we stay under the
 * channel's documented limit instead of learning it from 429s) and holds every call of an operation
 * back after the channel answered 429 until its Retry-After has passed.
 */
export class RequestGate {
  private readonly limiters: Map<ConnectorOperation, Limiter>;
  private readonly pausedUntil = new Map<ConnectorOperation, number>();
  private readonly clock: Clock;
  private readonly sleep: Sleep;

  constructor(limits: Record<ConnectorOperation, RateLimit>, clock: Clock = Date.now, sleep: Sleep = realSleep) {
    this.clock = clock;
    this.sleep = sleep;
    this.limiters = new Map(
      (Object.entries(limits) as [ConnectorOperation, RateLimit][]).map(([op, limit]) => [op, limiterFor(limit, clock)]),
    );
  }

  async acquire(operation: ConnectorOperation): Promise<void> {
    const limiter = this.limiters.get(operation);
    for (;;) {
      const pause = (this.pausedUntil.get(operation) ?? 0) - this.clock();
      if (pause > 0) {
        await this.sleep(pause);
        continue;
      }
      if (!limiter || limiter.tryTake()) {
        return;
      }
      await this.sleep(Math.max(1, limiter.msUntilAvailable()));
    }
  }

  /** After a 429: no call of `operation` leaves before `retryAfterMs` from now. */
  pause(operation: ConnectorOperation, retryAfterMs: number): void {
    const until = this.clock() + retryAfterMs;
    this.pausedUntil.set(operation, Math.max(until, this.pausedUntil.get(operation) ?? 0));
  }
}
