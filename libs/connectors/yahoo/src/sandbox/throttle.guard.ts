import { TokenBucket, type Clock } from '@urikiri/connector-sdk';
import type { SandboxResponse } from '@urikiri/connector-sdk/testing';
import { throttled } from './yahoo-sandbox.errors';

export interface ThrottleOptions {
  ratePerSecond: number;
  /** Calls allowed back to back; a little slack for network jitter around 1 per second. */
  burst: number;
  /** How long a URL stays blocked once the limit was exceeded. */
  blockSeconds: number;
}

/**
 * Yahoo!'s limit per URL: about one call per second, and a caller that exceeds it is blocked for a
 * while, not just refused that one call. The SDK's limiter refuses single calls, hence this guard.
 */
export class ThrottleGuard {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly options: ThrottleOptions,
    private readonly clock: Clock,
  ) {}

  /** Null when the call may proceed; else the throttle answer. */
  admit(operation: string): SandboxResponse | null {
    const now = this.clock();
    const until = this.blockedUntil.get(operation) ?? 0;
    if (now < until) {
      return throttled(Math.ceil((until - now) / 1000));
    }
    let bucket = this.buckets.get(operation);
    if (!bucket) {
      bucket = new TokenBucket({
        ratePerSecond: this.options.ratePerSecond,
        burst: this.options.burst,
        clock: this.clock,
      });
      this.buckets.set(operation, bucket);
    }
    if (bucket.tryTake()) {
      return null;
    }
    this.blockedUntil.set(operation, now + this.options.blockSeconds * 1000);
    return throttled(this.options.blockSeconds);
  }
}
