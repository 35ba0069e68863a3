import { TokenBucket, type Clock, type Sleep } from '@urikiri/connector-sdk';
import type { AmazonOperation, AmazonUsagePlan } from '../amazon-operations';

const realSleep: Sleep = (ms) =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Client-side token buckets, one per SP-API operation, sized from the account's usage plans. Amazon
 * throttles each operation on its own, so we wait for that operation's token rather than learning
 * the limit from 429s, and after a 429 we empty the bucket so the next call waits a full refill.
 */
export class OperationPacer {
  private readonly buckets = new Map<AmazonOperation, TokenBucket>();

  constructor(
    private readonly plans: Record<AmazonOperation, AmazonUsagePlan>,
    private readonly clock: Clock,
    private readonly sleep: Sleep = realSleep,
  ) {}

  async acquire(operation: AmazonOperation): Promise<void> {
    const bucket = this.bucket(operation);
    while (!bucket.tryTake()) {
      await this.sleep(Math.max(1, bucket.msUntilAvailable()));
    }
  }

  /**
   * Amazon's 429 carries no Retry-After: the wait is one token's refill time of that operation.
   * The bucket is emptied so calls already queued here wait for it too.
   */
  throttled(operation: AmazonOperation): number {
    const bucket = this.bucket(operation);
    while (bucket.tryTake()) {
      // Drain: the channel says the bucket is empty, whatever our estimate was.
    }
    return bucket.msUntilAvailable();
  }

  private bucket(operation: AmazonOperation): TokenBucket {
    let bucket = this.buckets.get(operation);
    if (!bucket) {
      bucket = new TokenBucket({ ...this.plans[operation], clock: this.clock });
      this.buckets.set(operation, bucket);
    }
    return bucket;
  }
}
