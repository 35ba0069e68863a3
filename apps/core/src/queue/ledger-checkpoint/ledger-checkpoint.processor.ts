import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { LedgerReplayVerifier } from '@urikiri/inventory';
import type { Job } from 'bullmq';
import { GracefulWorkerHost } from '../graceful-worker-host';
import { QueueName } from '../queue-names';
import type { LedgerCheckpointJobData, LedgerCheckpointJobResult } from './ledger-checkpoint.job';

@Processor(QueueName.LedgerCheckpoint, { concurrency: 1 })
export class LedgerCheckpointProcessor extends GracefulWorkerHost {
  private readonly logger = new Logger(LedgerCheckpointProcessor.name);

  constructor(
    private readonly verifier: LedgerReplayVerifier,
    // Read by @CreateRequestContext, which gives each job its own forked EntityManager.
    readonly orm: MikroORM,
  ) {
    super();
  }

  @CreateRequestContext()
  async process(job: Job<LedgerCheckpointJobData>): Promise<LedgerCheckpointJobResult> {
    const checkpoint = await this.verifier.checkpoint(new Date());
    this.logger.log({ jobId: job.id, ...checkpoint }, 'Wrote a ledger checkpoint');
    return checkpoint;
  }
}
