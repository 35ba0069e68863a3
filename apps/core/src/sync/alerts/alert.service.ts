import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { jobOptions } from '../../queue/job-options';
import { QueueName } from '../../queue/queue-names';
import { SyncJob } from '../pipeline/sync-jobs';
import type { Alert, AlertKind } from './alert.types';

/** The same alert about the same subject is sent at most once in this window. */
const REPEAT_WINDOW_MS = 15 * 60_000;

/**
 * Raises alerts: logged at once, and delivered to ALERT_WEBHOOK_URL through a queue so a receiver
 * that is down gets them later instead of never.
 */
@Injectable()
export class AlertService {
  private readonly logger = new Logger(AlertService.name);

  constructor(@InjectQueue(QueueName.SyncAlerts) private readonly queue: Queue<Alert>) {}

  async raise(kind: AlertKind, subject: string, message: string, details: Record<string, unknown> = {}): Promise<void> {
    const alert: Alert = { kind, subject, message, details, at: new Date().toISOString() };
    this.logger.warn({ alert }, message);
    await this.queue.add(SyncJob.Alert, alert, {
      ...jobOptions(QueueName.SyncAlerts),
      deduplication: { id: `${kind}:${subject}`, ttl: REPEAT_WINDOW_MS },
    });
  }
}
