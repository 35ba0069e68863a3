import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InventoryLedger } from '@urikiri/inventory';
import type { Job } from 'bullmq';
import { GracefulWorkerHost } from '../graceful-worker-host';
import { QueueName } from '../queue-names';
import type { ReservationExpiryJobData, ReservationExpiryJobResult } from './reservation-expiry.job';

/** One run at a time: two would only compete for the same expired rows. */
@Processor(QueueName.ReservationExpiry, { concurrency: 1 })
export class ReservationExpiryProcessor extends GracefulWorkerHost {
  private readonly logger = new Logger(ReservationExpiryProcessor.name);

  constructor(
    private readonly ledger: InventoryLedger,
    // Read by @CreateRequestContext, which gives each job its own forked EntityManager.
    readonly orm: MikroORM,
  ) {
    super();
  }

  @CreateRequestContext()
  async process(job: Job<ReservationExpiryJobData>): Promise<ReservationExpiryJobResult> {
    const released = await this.ledger.releaseExpired(new Date());
    if (released > 0) this.logger.log({ jobId: job.id, released }, 'Released expired reservations');
    return { released };
  }
}
