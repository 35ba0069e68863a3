import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { jobOptions } from '../job-options';
import type { DeclaresSchedules } from '../declares-schedules';
import { QueueName } from '../queue-names';
import { LEDGER_CHECKPOINT_JOB, LEDGER_CHECKPOINT_SCHEDULER_ID, type LedgerCheckpointJobData } from './ledger-checkpoint.job';

/** One schedule under a fixed id, however many scheduler processes start; declared by QueueStateWatch. */
@Injectable()
export class LedgerCheckpointScheduler implements DeclaresSchedules {
  constructor(
    @InjectQueue(QueueName.LedgerCheckpoint) private readonly queue: Queue<LedgerCheckpointJobData>,
    private readonly config: AppConfig,
  ) {}

  async declareSchedules(): Promise<void> {
    await this.queue.upsertJobScheduler(
      LEDGER_CHECKPOINT_SCHEDULER_ID,
      { every: this.config.ledgerCheckpointIntervalMs },
      { name: LEDGER_CHECKPOINT_JOB, data: {}, opts: jobOptions(QueueName.LedgerCheckpoint) },
    );
  }
}
