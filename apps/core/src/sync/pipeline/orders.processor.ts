import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { GracefulWorkerHost } from '../../queue/graceful-worker-host';
import { QueueName } from '../../queue/queue-names';
import { OrderPolling, type PollReport } from './order-polling.service';
import { SyncDispatcher } from './sync-dispatcher.service';
import { SyncJob, type AccountJobData } from './sync-jobs';
import { WebhookPulse } from './webhook-pulse';

/** No poll ran in this job (a tick, or a safety-net poll left out because webhooks bring the orders). */
const SKIPPED: PollReport = { pages: 0, applied: 0, duplicates: 0, unmapped: 0, caughtUp: false };

/**
 * Order polling (scheduled per account, or asked for after a refused push) and cut-over imports.
 * A poll spends most of its time waiting for the channel's order-search limit (Amazon allows one
 * search a minute), which costs nothing but a worker slot: with few slots, two slow channels' polls
 * would hold every slot and the fast channels' orders would wait behind them. At most two poll jobs
 * exist per account (one running, one waiting), so this many slots keep eight accounts apart.
 */
@Processor(QueueName.SyncOrders, { concurrency: 16 })
export class OrdersProcessor extends GracefulWorkerHost {
  constructor(
    private readonly polling: OrderPolling,
    private readonly pulse: WebhookPulse,
    private readonly dispatcher: SyncDispatcher,
    readonly orm: MikroORM,
  ) {
    super();
  }

  @CreateRequestContext()
  async process(job: Job<AccountJobData>): Promise<PollReport> {
    if (job.name === SyncJob.Cutover) return this.polling.cutover(job.data.accountId);
    // A schedule fires every interval whether or not the last poll has ended; polls of one account
    // must not pile up (each would fetch the same page on the channel's scarce order budget), so the
    // tick asks for a poll through the dispatcher: one running and one waiting per account at most.
    if (job.name === SyncJob.PollOrdersTick) {
      await this.dispatcher.pollOrders(job.data.accountId, { safetyNet: true });
      return SKIPPED;
    }
    if (job.data.safetyNet && !(await this.pulse.safetyPollDue(job.data.accountId))) return SKIPPED;
    return this.polling.poll(job.data.accountId);
  }
}
