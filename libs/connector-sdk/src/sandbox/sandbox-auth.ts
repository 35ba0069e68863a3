import type { Clock } from '../rate-limit/token-bucket';
import type { SeededRandom } from './seeded-random';

export type TokenCheck = 'valid' | 'expired' | 'unknown';

/**
 * Access tokens as an OAuth2 channel issues them: short-lived, refreshable, and expirable on demand
 * so a test can make the next call meet an expired token.
 */
export class SandboxAuth {
  private readonly tokens = new Map<string, number>();
  private issued = 0;

  constructor(
    private readonly random: SeededRandom,
    private readonly clock: Clock,
    private readonly lifetimeMs = 3_600_000,
  ) {}

  issue(): { accessToken: string; expiresInSeconds: number } {
    this.issued += 1;
    const accessToken = `at-${this.random.hex(24)}`;
    this.tokens.set(accessToken, this.clock() + this.lifetimeMs);
    return { accessToken, expiresInSeconds: Math.floor(this.lifetimeMs / 1000) };
  }

  check(accessToken: string | undefined): TokenCheck {
    const expiresAt = accessToken === undefined ? undefined : this.tokens.get(accessToken);
    if (expiresAt === undefined) {
      return 'unknown';
    }
    return this.clock() < expiresAt ? 'valid' : 'expired';
  }

  /** Every token issued so far expires now. */
  expireAll(): void {
    const now = this.clock();
    for (const token of this.tokens.keys()) {
      this.tokens.set(token, now);
    }
  }

  issuedCount(): number {
    return this.issued;
  }
}
