import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ChannelDirectory, PushExecutor, Reconciler, type PushRoundReport, type ReconciliationReport } from '@urikiri/sync';
import { Worker, type Job } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { pushQueueName } from '../../queue/queue-names';
import { workerLockOptions } from '../../queue/worker-lock-options';
import { QueueConnection } from '../../queue/queue-connection';
import { SyncMetrics, type MetricLabels } from '../../observability/sync-metrics';
import { AlertService } from '../alerts/alert.service';
import { SyncConnectors } from '../connectors/sync-connectors.service';
import { pushRateLimit } from './channel-rate-limits';
import { SyncDispatcher } from './sync-dispatcher.service';
import { SyncJob, type AccountJobData, type ReconcileJobData } from './sync-jobs';

/** How often a worker process looks for channel accounts added by another process. */
const ACCOUNT_REFRESH_MS = 2000;

/**
 * A read-back that could not settle its listings (the channel failed, ingestion was behind) is tried
 * again after 2 s, doubling up to a minute, this many times: about ten minutes, longer than a channel's
 * usual outage. After that the scheduled reconciliation is left to find what differs.
 */
const READ_BACK_ATTEMPTS = 12;
const READ_BACK_RETRY_MS = 2000;
const READ_BACK_RETRY_MAX_MS = 60_000;
/**
 * A listing refused as stale is read back this long after: by then the sale behind it has usually
 * arrived (Shopify delivers a webhook again after 5 s), and the read-back finds it in line without
 * catching the orders up. When not — a lost webhook, or an earlier write that landed unanswered and
 * makes every later compare-and-set fail — the read-back catches up and repairs.
 */
const STALE_READ_BACK_DELAY_MS = 5000;

/**
 * One BullMQ worker per channel account's push queue, limited to the channel's published push
 * rate (the limiter is kept in Redis, so it holds across every worker process), one round at a
 * time per process. Accounts added later get their worker within ACCOUNT_REFRESH_MS.
 */
@Injectable()
export class PushWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PushWorkers.name);
  private readonly workers = new Map<string, Worker>();
  /** The connector id of each account with a worker here: the `channel` label of its metrics. */
  private readonly channels = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private closing = false;

  constructor(
    private readonly queueConnection: QueueConnection,
    private readonly directory: ChannelDirectory,
    private readonly connectors: SyncConnectors,
    private readonly pusher: PushExecutor,
    private readonly dispatcher: SyncDispatcher,
    private readonly alerts: AlertService,
    private readonly reconciler: Reconciler,
    private readonly metrics: SyncMetrics,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch((error: unknown) => this.logger.error({ err: error }, 'Account refresh failed')), ACCOUNT_REFRESH_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.all([...this.workers.values()].map((w) => w.close()));
    this.workers.clear();
  }

  /** Starts a worker for every account that has none yet in this process. */
  async refresh(): Promise<void> {
    for (const account of await this.directory.accounts()) {
      if (this.closing || this.workers.has(account.id) || !this.connectors.has(account.connector)) continue;
      const manifest = this.connectors.classOf(account.connector).manifest;
      const worker = new Worker<AccountJobData>(pushQueueName(account.id), (job) => (job.name === SyncJob.Reconcile ? this.reconcile(job as Job<ReconcileJobData>) : this.round(job)), {
        connection: this.queueConnection.connection,
        prefix: this.queueConnection.prefix,
        concurrency: 1,
        limiter: pushRateLimit(manifest),
        ...workerLockOptions(this.config),
      });
      worker.on('error', (error) => this.logger.error({ err: error, account: account.id }, 'Push worker error'));
      this.workers.set(account.id, worker);
      this.channels.set(account.id, account.connector);
    }
  }

  /** Reconciliation on the push queue: it never runs while one of the account's pushes does. */
  private async reconcile(job: Job<ReconcileJobData>): Promise<ReconciliationReport> {
    const { accountId, repair, listingIds, attempt = 0 } = job.data;
    const report = await this.reconciler.reconcile(accountId, { repair, listingIds });
    if (listingIds !== undefined && report.unsettled.length > 0 && attempt + 1 < READ_BACK_ATTEMPTS) {
      await this.dispatcher.readBack(accountId, report.unsettled, attempt + 1, Math.min(READ_BACK_RETRY_MAX_MS, READ_BACK_RETRY_MS * 2 ** attempt));
    }
    const labels = this.labels(accountId);
    await this.metrics.increment('drift_found', labels, report.drift.length);
    await this.metrics.increment('drift_repaired', labels, report.repaired);
    if (report.replan.length > 0) await this.dispatcher.allocate(report.replan);
    if (report.repaired > 0) await this.dispatcher.push(accountId);
    if (report.drift.length > 0) {
      await this.alerts.raise('drift', accountId, `Drift: ${report.drift.length} listing(s) of ${accountId} showed another quantity than expected (${report.repaired} repaired)`, {
        accountId,
        drift: report.drift.slice(0, 50),
        repaired: report.repaired,
        notRepairedReason: report.notRepairedReason,
      });
    }
    return report;
  }

  private labels(accountId: string): MetricLabels {
    return { account: accountId, channel: this.channels.get(accountId) ?? 'unknown' };
  }

  /** Latencies of every value the channel now holds, and the round's outcomes, as cluster-wide metrics. */
  private async record(accountId: string, report: PushRoundReport): Promise<void> {
    const labels = this.labels(accountId);
    for (const value of report.published) {
      if (value.pushLatencyMs !== null) await this.metrics.observe('push', labels, value.pushLatencyMs);
      if (value.endToEndMs !== null) await this.metrics.observe('end_to_end', labels, value.endToEndMs);
    }
    await this.metrics.increment('pushes', labels, report.pushed);
    await this.metrics.increment('push_failures', labels, report.failed);
    // A failure that did not go to the dead letters is retried after its backoff.
    await this.metrics.increment('retries', labels, report.failed - report.deadLettered);
    await this.metrics.increment('dead_letters', labels, report.deadLettered);
    await this.metrics.increment('stale_pushes', labels, report.stale);
    await this.metrics.increment('rate_limited', labels, report.rateLimited);
    await this.metrics.increment('rate_limit_wait_ms', labels, report.rateLimitWaitMs);
  }

  private async round(job: Job<AccountJobData>): Promise<PushRoundReport> {
    const { accountId } = job.data;
    const report = await this.pusher.pushRound(accountId);
    this.logger.debug({ accountId, pushed: report.pushed, failed: report.failed, stale: report.stale, remaining: report.remaining }, 'Push round');
    await this.record(accountId, report);
    const progressed = report.pushed + report.failed + report.deactivated > 0;
    if (progressed && report.remaining > 0) await this.dispatcher.push(accountId);
    if (report.retryAt) await this.dispatcher.push(accountId, report.retryAt);
    // A refused compare-and-set means the channel sold something we have not heard of: fetch it now.
    if (report.stale > 0) await this.dispatcher.pollOrders(accountId, { safetyNet: true });
    if (report.replan.length > 0) await this.dispatcher.allocate(report.replan);
    // A lost answer left these uncertain (a lowering that landed and was sent again, a raise assumed
    // to have landed that did not): the channel may show less than recorded, and no push would notice.
    if (report.readBack.length > 0) await this.dispatcher.readBack(accountId, report.readBack);
    if (report.staleListings.length > 0) await this.dispatcher.readBack(accountId, report.staleListings, 0, STALE_READ_BACK_DELAY_MS);
    if (report.deadLettered > 0) {
      await this.alerts.raise('dead-letter', accountId, `Dead letter: ${report.deadLettered} listing(s) of ${accountId} keep failing and were set aside`, { accountId, count: report.deadLettered });
    }
    return report;
  }
}
