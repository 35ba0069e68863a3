import { MikroORM } from '@mikro-orm/core';
import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { TransactionRunner } from '@urikiri/inventory';
import { AppConfig } from '../../config/app-config';
import { SyncDispatcher } from './sync-dispatcher.service';

/** Rows taken per pass; a burst larger than this drains over consecutive passes without waiting. */
const BATCH = 500;

/**
 * Turns committed ledger changes (outbox rows, written in the same transaction as the change) into
 * allocation jobs. A row is marked published only after its job is enqueued, so a crash between
 * commit and enqueue leaves the row to the next pass: at least once, and allocation is idempotent.
 * On PostgreSQL, replicas take disjoint rows (SKIP LOCKED); SQLite is a single writer anyway.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly tx: TransactionRunner;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(
    orm: MikroORM,
    private readonly dispatcher: SyncDispatcher,
    private readonly config: AppConfig,
  ) {
    this.tx = new TransactionRunner(orm);
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => 0);
  }

  /** One pass; returns how many rows it published. */
  async relayOnce(): Promise<number> {
    return this.tx.run(async (sql) => {
      const rows = await sql.all<{ id: number; product_id: number; created_at: unknown }>(
        `SELECT id, product_id, created_at FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT ?${sql.isPostgres ? ' FOR UPDATE SKIP LOCKED' : ''}`,
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const earliest = new Map<number, Date>();
      for (const row of rows) {
        const at = sql.readDate(row.created_at);
        const productId = Number(row.product_id);
        const known = earliest.get(productId);
        if (!known || at < known) earliest.set(productId, at);
      }
      for (const [productId, changedAt] of earliest) await this.dispatcher.allocate([productId], { changedAt });
      const ids = rows.map((r) => Number(r.id));
      await sql.run(`UPDATE outbox_event SET published_at = ? WHERE id IN (${ids.map(() => '?').join(', ')})`, [sql.date(new Date()), ...ids]);
      this.logger.debug({ rows: rows.length, products: earliest.size }, 'Relayed ledger changes');
      return rows.length;
    });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.relayOnce();
      this.running
        .then((published) => this.schedule(published === BATCH ? 0 : this.config.sync.outboxRelayIntervalMs))
        .catch((error: unknown) => {
          this.logger.error({ err: error }, 'Outbox relay pass failed; retrying');
          this.schedule(this.config.sync.outboxRelayIntervalMs * 4);
        });
    }, delayMs);
  }
}
