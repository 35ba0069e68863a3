import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ChannelDirectory } from '@urikiri/sync';
import type { Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import type { DeclaresSchedules } from '../../queue/declares-schedules';
import { jobOptions, pushJobOptions } from '../../queue/job-options';
import { QueueName } from '../../queue/queue-names';
import { SyncConnectors } from '../connectors/sync-connectors.service';
import { orderPollIntervalMs } from './channel-rate-limits';
import { PushQueues } from './push-queues';
import { SyncDispatcher } from './sync-dispatcher.service';
import { SyncJob, type AccountJobData, type ReconcileJobData } from './sync-jobs';

const ACCOUNT_REFRESH_MS = 2000;
const RETENTION_SCHEDULER_ID = 'order-retention';
const DAY_MS = 86_400_000;

/**
 * The repeating work per channel account, as BullMQ job schedulers: order polling (for connectors
 * that deliver orders by polling) and reconciliation (on the account's push queue). Upserting under a fixed id per account means
 * any number of scheduler replicas declare one schedule, so an interval runs once, not once per
 * replica. Also declares the daily retention run and the first rule-window boundary. QueueStateWatch
 * declares all of it at start and again when Redis lost it; accounts added later follow within
 * ACCOUNT_REFRESH_MS.
 */
@Injectable()
export class AccountSchedules implements DeclaresSchedules, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AccountSchedules.name);
  private readonly declared = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectQueue(QueueName.SyncOrders) private readonly orders: Queue<AccountJobData>,
    @InjectQueue(QueueName.SyncMaintenance) private readonly maintenance: Queue,
    private readonly directory: ChannelDirectory,
    private readonly connectors: SyncConnectors,
    private readonly dispatcher: SyncDispatcher,
    private readonly pushQueues: PushQueues,
    private readonly config: AppConfig,
  ) {}

  async declareSchedules(): Promise<void> {
    await this.maintenance.upsertJobScheduler(RETENTION_SCHEDULER_ID, { every: DAY_MS }, { name: SyncJob.Retention, data: {}, opts: jobOptions(QueueName.SyncMaintenance) });
    // Re-plans everything once and then follows the rule windows from boundary to boundary.
    await this.dispatcher.allocateAll('window-boundary');
    // What was declared before may be gone with Redis's data: every account is declared again.
    this.declared.clear();
    await this.refresh();
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.refresh().catch((error: unknown) => this.logger.error({ err: error }, 'Schedule refresh failed')), ACCOUNT_REFRESH_MS);
  }

  beforeApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    for (const account of await this.directory.accounts()) {
      if (this.declared.has(account.id) || !this.connectors.has(account.connector)) continue;
      const manifest = this.connectors.classOf(account.connector).manifest;
      if (manifest.orderDelivery.polling) {
        await this.orders.upsertJobScheduler(
          `orders-${account.id}`,
          { every: orderPollIntervalMs(manifest, this.config.sync.orderPollIntervalMs) },
          { name: SyncJob.PollOrdersTick, data: { accountId: account.id }, opts: jobOptions(QueueName.SyncOrders) },
        );
      }
      const reconcile: ReconcileJobData = { accountId: account.id, repair: true };
      await this.pushQueues.get(account.id).upsertJobScheduler(
        `reconcile-${account.id}`,
        { every: this.config.sync.reconcileIntervalMs },
        { name: SyncJob.Reconcile, data: reconcile, opts: pushJobOptions() },
      );
      this.declared.add(account.id);
    }
  }
}
