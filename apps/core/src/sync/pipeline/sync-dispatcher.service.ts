import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { jobOptions, pushJobOptions } from '../../queue/job-options';
import { QueueName } from '../../queue/queue-names';
import { PushQueues } from './push-queues';
import { SyncJob, type AccountJobData, type AllocateAllData, type AllocateProductData, type ReconcileJobData } from './sync-jobs';

/**
 * Every enqueue of the sync pipeline, with its coalescing rule, in one place.
 *
 * Coalescing uses BullMQ deduplication with keepLastIfActive: while a job for the same product (or
 * account) waits, another add is absorbed by it (the job reads the latest state when it runs); while
 * one runs, exactly one more is kept to run after it, so a change that lands mid-run is never lost.
 */
@Injectable()
export class SyncDispatcher {
  constructor(
    @InjectQueue(QueueName.SyncAllocation) private readonly allocation: Queue,
    @InjectQueue(QueueName.SyncOrders) private readonly orders: Queue,
    private readonly pushQueues: PushQueues,
  ) {}

  async allocate(productIds: Iterable<number>, cause: { changedAt?: Date; originAt?: Record<number, string> | string | null } = {}): Promise<void> {
    const changedAt = (cause.changedAt ?? new Date()).toISOString();
    const jobs = [...new Set(productIds)].map((productId) => {
      const originAt = typeof cause.originAt === 'object' && cause.originAt !== null ? (cause.originAt[productId] ?? null) : (cause.originAt ?? null);
      const data: AllocateProductData = { productId, changedAt, originAt };
      return {
        name: SyncJob.AllocateProduct,
        data,
        opts: { ...jobOptions(QueueName.SyncAllocation), deduplication: { id: `product-${productId}`, keepLastIfActive: true } },
      };
    });
    // addBulk does not apply deduplication per job in every BullMQ version; single adds do.
    await Promise.all(jobs.map((job) => this.allocation.add(job.name, job.data, job.opts)));
  }

  async allocateAll(reason: AllocateAllData['reason'], delayMs = 0, jobId?: string): Promise<void> {
    const data: AllocateAllData = { reason };
    await this.allocation.add(SyncJob.AllocateAll, data, {
      ...jobOptions(QueueName.SyncAllocation),
      ...(delayMs > 0 ? { delay: delayMs } : {}),
      // A fixed id makes every scheduler replica schedule the same boundary once.
      ...(jobId ? { jobId } : { deduplication: { id: 'allocate-all', keepLastIfActive: true } }),
    });
  }

  /** The account owes pushes: run a push round now, or at `at` for a backed-off listing. */
  async push(accountId: string, at?: Date | null): Promise<void> {
    const data: AccountJobData = { accountId };
    const delay = at ? Math.max(0, at.getTime() - Date.now()) : 0;
    await this.pushQueues.get(accountId).add(SyncJob.Push, data, {
      ...pushJobOptions(),
      ...(delay > 0
        ? { delay, deduplication: { id: `push-later-${accountId}`, ttl: delay } }
        : { deduplication: { id: `push-${accountId}`, keepLastIfActive: true } }),
    });
  }

  /** Fetch the account's new orders now (after a refused compare-and-set, a webhook, or on demand). */
  async pollOrders(accountId: string, options: { safetyNet?: boolean } = {}): Promise<void> {
    const data: AccountJobData = { accountId, ...(options.safetyNet ? { safetyNet: true } : {}) };
    await this.orders.add(SyncJob.PollOrders, data, {
      ...jobOptions(QueueName.SyncOrders),
      deduplication: { id: `orders-${accountId}`, keepLastIfActive: true },
    });
  }

  async cutover(accountId: string): Promise<void> {
    const data: AccountJobData = { accountId };
    await this.orders.add(SyncJob.Cutover, data, { ...jobOptions(QueueName.SyncOrders), jobId: `cutover-${accountId}` });
  }

  /**
   * Read these listings back and repair what differs, after `delayMs`: a write of theirs went
   * unanswered and may have landed. Not coalesced, since each carries its own listings; it runs on the
   * account's push queue like any reconciliation, so never while one of its pushes does.
   */
  async readBack(accountId: string, listingIds: number[], attempt = 0, delayMs = 0): Promise<void> {
    const data: ReconcileJobData = { accountId, repair: true, listingIds, attempt };
    await this.pushQueues.get(accountId).add(SyncJob.Reconcile, data, { ...pushJobOptions(), ...(delayMs > 0 ? { delay: delayMs } : {}) });
  }

  async reconcile(accountId: string, repair: boolean): Promise<string> {
    const data: ReconcileJobData = { accountId, repair };
    const job = await this.pushQueues.get(accountId).add(SyncJob.Reconcile, data, {
      ...pushJobOptions(),
      deduplication: { id: `reconcile-${accountId}` },
    });
    return String(job.id);
  }
}
