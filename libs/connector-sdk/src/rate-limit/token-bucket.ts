export type Clock = () => number;

export interface TokenBucketOptions {
  /** Tokens added per second (the channel's sustained request rate). */
  ratePerSecond: number;
  /** Bucket size: how many calls may go out at once after a quiet period. */
  burst: number;
  clock?: Clock;
}

/**
 * The token bucket the channels document (Amazon SP-API: rate + burst). Used on both sides: a
 * connector waits for a token before calling, a sandbox refuses a call with no token left. Time comes
 * from an injected clock so tests and the replay can run it deterministically.
 */
export class TokenBucket {
  private readonly ratePerMs: number;
  private readonly burst: number;
  private readonly clock: Clock;
  private tokens: number;
  private refilledAt: number;

  constructor(options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0)) {
      throw new RangeError(`TokenBucket ratePerSecond must be above 0, got ${options.ratePerSecond}`);
    }
    if (!Number.isInteger(options.burst) || options.burst < 1) {
      throw new RangeError(`TokenBucket burst must be an integer of at least 1, got ${options.burst}`);
    }
    this.ratePerMs = options.ratePerSecond / 1000;
    this.burst = options.burst;
    this.clock = options.clock ?? Date.now;
    this.tokens = options.burst;
    this.refilledAt = this.clock();
  }

  private refill(): void {
    const now = this.clock();
    const elapsed = Math.max(0, now - this.refilledAt);
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.ratePerMs);
    this.refilledAt = now;
  }

  /** Takes `count` tokens if they are there; otherwise takes nothing. */
  tryTake(count = 1): boolean {
    this.refill();
    if (this.tokens + 1e-9 >= count) {
      this.tokens -= count;
      return true;
    }
    return false;
  }

  /** Milliseconds until `count` tokens will be available (0 when they are there now). */
  msUntilAvailable(count = 1): number {
    this.refill();
    const missing = count - this.tokens;
    return missing <= 1e-9 ? 0 : Math.ceil(missing / this.ratePerMs);
  }

  available(): number {
    this.refill();
    return this.tokens;
  }
}
