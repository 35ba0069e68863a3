import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { nextWindowBoundary } from '@urikiri/allocation';
import { AllocationPlanner } from '@urikiri/sync';
import type { Job } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { GracefulWorkerHost } from '../../queue/graceful-worker-host';
import { QueueName } from '../../queue/queue-names';
import { AlertService } from '../alerts/alert.service';
import { RuleSetStore } from '../rules/rule-set-store';
import { SyncDispatcher } from './sync-dispatcher.service';
import { SyncJob, type AllocateProductData } from './sync-jobs';

/**
 * Runs the rules for one product's allocation unit and owes a push to every account whose listing
 * got a new target. `allocate-all` does it for every listed product (rules changed, a rule window
 * opened or closed) and then schedules itself at the next window boundary.
 */
@Processor(QueueName.SyncAllocation, { concurrency: 8 })
export class AllocationProcessor extends GracefulWorkerHost {
  private readonly logger = new Logger(AllocationProcessor.name);

  constructor(
    private readonly planner: AllocationPlanner,
    private readonly dispatcher: SyncDispatcher,
    private readonly rules: RuleSetStore,
    private readonly alerts: AlertService,
    private readonly config: AppConfig,
    readonly orm: MikroORM,
  ) {
    super();
  }

  @CreateRequestContext()
  async process(job: Job): Promise<unknown> {
    if (job.name === SyncJob.AllocateAll) return this.allocateAll();
    const data = job.data as AllocateProductData;
    const report = await this.planner.plan(data.productId, {
      changedAt: new Date(data.changedAt),
      originAt: data.originAt ? new Date(data.originAt) : null,
    });
    this.logger.debug({ productId: data.productId, changed: report.changed, accounts: report.accounts }, 'Allocated');
    await Promise.all(report.accounts.map((accountId) => this.dispatcher.push(accountId)));
    for (const { sku, available } of report.stock) {
      if (available <= this.config.sync.lowStockThreshold) {
        await this.alerts.raise('low-stock', sku, `Low stock: ${sku} has ${available} sellable unit(s) left`, { sku, available, threshold: this.config.sync.lowStockThreshold });
      }
    }
    return { changed: report.changed, accounts: report.accounts };
  }

  private async allocateAll(): Promise<{ products: number; nextBoundary: string | null }> {
    const products = await this.planner.listedProducts();
    await this.dispatcher.allocate(products);
    const { compiled } = await this.rules.active();
    const next = nextWindowBoundary(compiled, Date.now());
    // The fixed job id makes every replica (and every re-run) schedule this boundary only once.
    if (next !== null) await this.dispatcher.allocateAll('window-boundary', next - Date.now(), `window-${next}`);
    return { products: products.length, nextBoundary: next === null ? null : new Date(next).toISOString() };
  }
}
