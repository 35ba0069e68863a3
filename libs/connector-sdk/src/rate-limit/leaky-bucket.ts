import type { Clock } from './token-bucket';

export interface LeakyBucketOptions {
  /** Points the bucket holds (Shopify: maximumAvailable). */
  capacity: number;
  /** Points that drain per second (Shopify: restoreRate). */
  leakPerSecond: number;
  clock?: Clock;
}

/**
 * A cost-based leaky bucket (Shopify's GraphQL throttle): each call pours its cost in, the bucket
 * drains at a fixed rate, a call that would overflow must wait. Unlike the token bucket, calls have
 * different weights.
 */
export class LeakyBucket {
  private readonly capacity: number;
  private readonly leakPerMs: number;
  private readonly clock: Clock;
  private level = 0;
  private drainedAt: number;

  constructor(options: LeakyBucketOptions) {
    if (!(options.capacity > 0)) {
      throw new RangeError(`LeakyBucket capacity must be above 0, got ${options.capacity}`);
    }
    if (!(options.leakPerSecond > 0)) {
      throw new RangeError(`LeakyBucket leakPerSecond must be above 0, got ${options.leakPerSecond}`);
    }
    this.capacity = options.capacity;
    this.leakPerMs = options.leakPerSecond / 1000;
    this.clock = options.clock ?? Date.now;
    this.drainedAt = this.clock();
  }

  private drain(): void {
    const now = this.clock();
    this.level = Math.max(0, this.level - Math.max(0, now - this.drainedAt) * this.leakPerMs);
    this.drainedAt = now;
  }

  /** Pours `cost` in if it fits; otherwise leaves the bucket as it was. */
  tryAdd(cost = 1): boolean {
    if (cost > this.capacity) {
      throw new RangeError(`A call costing ${cost} can never fit a bucket of ${this.capacity}`);
    }
    this.drain();
    if (this.level + cost <= this.capacity + 1e-9) {
      this.level += cost;
      return true;
    }
    return false;
  }

  /** Milliseconds until a call costing `cost` fits (0 when it fits now). */
  msUntilAvailable(cost = 1): number {
    this.drain();
    const overflow = this.level + cost - this.capacity;
    return overflow <= 1e-9 ? 0 : Math.ceil(overflow / this.leakPerMs);
  }

  /** Points still free, as Shopify reports in `throttleStatus.currentlyAvailable`. */
  available(): number {
    this.drain();
    return this.capacity - this.level;
  }
}
