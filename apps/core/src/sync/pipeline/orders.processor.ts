import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { GracefulWorkerHost } from '../../queue/graceful-worker-host';
import { QueueName } from '../../queue/queue-names';
import { OrderPolling, type PollReport } from './order-polling.service';
import { SyncJob, type AccountJobData } from './sync-jobs';

/** Order polling (scheduled per account, or asked for after a refused push) and cut-over imports. */
@Processor(QueueName.SyncOrders, { concurrency: 4 })
export class OrdersProcessor extends GracefulWorkerHost {
  constructor(
    private readonly polling: OrderPolling,
    readonly orm: MikroORM,
  ) {
    super();
  }

  @CreateRequestContext()
  async process(job: Job<AccountJobData>): Promise<PollReport> {
    return job.name === SyncJob.Cutover ? this.polling.cutover(job.data.accountId) : this.polling.poll(job.data.accountId);
  }
}
