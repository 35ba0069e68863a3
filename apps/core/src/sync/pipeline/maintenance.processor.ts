import { Processor } from '@nestjs/bullmq';
import { MikroORM } from '@mikro-orm/core';
import { TransactionRunner } from '@urikiri/inventory';
import { AppConfig } from '../../config/app-config';
import { GracefulWorkerHost } from '../../queue/graceful-worker-host';
import { QueueName } from '../../queue/queue-names';

/**
 * Retention: settled order lines (every unit shipped or cancelled) and received event ids older than
 * ORDER_RETENTION_DAYS are deleted. Open lines are kept however old: the ledger still holds them.
 */
@Processor(QueueName.SyncMaintenance, { concurrency: 1 })
export class MaintenanceProcessor extends GracefulWorkerHost {
  private readonly tx: TransactionRunner;

  constructor(
    orm: MikroORM,
    private readonly config: AppConfig,
  ) {
    super();
    this.tx = new TransactionRunner(orm);
  }

  async process(): Promise<{ orderLines: number; events: number }> {
    const cutoff = new Date(Date.now() - this.config.sync.orderRetentionDays * 86_400_000);
    return this.tx.run(async (sql) => ({
      orderLines: await sql.run('DELETE FROM order_line WHERE quantity = cancelled + shipped AND first_seen_at < ?', [sql.date(cutoff)]),
      events: await sql.run('DELETE FROM ingested_event WHERE at < ?', [sql.date(cutoff)]),
    }));
  }
}
