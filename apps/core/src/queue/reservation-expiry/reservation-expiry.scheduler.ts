import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { jobOptions } from '../job-options';
import type { DeclaresSchedules } from '../declares-schedules';
import { QueueName } from '../queue-names';
import {
  RESERVATION_EXPIRY_JOB,
  RESERVATION_EXPIRY_SCHEDULER_ID,
  type ReservationExpiryJobData,
} from './reservation-expiry.job';

/**
 * Declares the repeating expiry run. Upserting under a fixed id keeps one schedule however many
 * scheduler processes start, and a changed interval replaces the old one. Declared by QueueStateWatch.
 */
@Injectable()
export class ReservationExpiryScheduler implements DeclaresSchedules {
  constructor(
    @InjectQueue(QueueName.ReservationExpiry) private readonly queue: Queue<ReservationExpiryJobData>,
    private readonly config: AppConfig,
  ) {}

  async declareSchedules(): Promise<void> {
    await this.queue.upsertJobScheduler(
      RESERVATION_EXPIRY_SCHEDULER_ID,
      { every: this.config.reservationExpiryIntervalMs },
      { name: RESERVATION_EXPIRY_JOB, data: {}, opts: jobOptions(QueueName.ReservationExpiry) },
    );
  }
}
