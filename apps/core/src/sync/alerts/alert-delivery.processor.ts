import { Processor } from '@nestjs/bullmq';
import axios from 'axios';
import type { Job } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { GracefulWorkerHost } from '../../queue/graceful-worker-host';
import { QueueName } from '../../queue/queue-names';
import type { Alert } from './alert.types';

/** POSTs each alert as JSON to ALERT_WEBHOOK_URL; a failed delivery is retried with backoff by the queue. */
@Processor(QueueName.SyncAlerts, { concurrency: 4 })
export class AlertDeliveryProcessor extends GracefulWorkerHost {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async process(job: Job<Alert>): Promise<{ delivered: boolean }> {
    const url = this.config.sync.alertWebhookUrl;
    if (!url) return { delivered: false };
    await axios.post(url, job.data, { timeout: 10_000, headers: { 'content-type': 'application/json', 'user-agent': 'urikiri-alerts' } });
    return { delivered: true };
  }
}
