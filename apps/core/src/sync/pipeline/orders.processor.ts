import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { GracefulWorkerHost } from '../../queue/graceful-worker-host';
import { QueueName } from '../../queue/queue-names';
import { OrderPolling, type PollReport } from './order-polling.service';
import { SyncJob, type AccountJobData } from './sync-jobs';
import { WebhookPulse } from './webhook-pulse';

/** A scheduled poll left out because the account's webhooks bring its orders. */
const SKIPPED: PollReport = { pages: 0, applied: 0, duplicates: 0, unmapped: 0, caughtUp: false };

/** Order polling (scheduled per account, or asked for after a refused push) and cut-over imports. */
@Processor(QueueName.SyncOrders, { concurrency: 4 })
export class OrdersProcessor extends GracefulWorkerHost {
  constructor(
    private readonly polling: OrderPolling,
    private readonly pulse: WebhookPulse,
    readonly orm: MikroORM,
  ) {
    super();
  }

  @CreateRequestContext()
  async process(job: Job<AccountJobData>): Promise<PollReport> {
    if (job.name === SyncJob.Cutover) return this.polling.cutover(job.data.accountId);
    if (job.data.scheduled && !(await this.pulse.scheduledPollDue(job.data.accountId))) return SKIPPED;
    return this.polling.poll(job.data.accountId);
  }
}
