import type { MikroORM } from '@mikro-orm/core';
import type { SqlSession } from '../persistence/sql-session';
import { TransactionRunner } from '../persistence/transaction-runner';

export interface ReplayMismatch {
  sku: string;
  location: string;
  snapshot: { onHand: number; reserved: number };
  replay: { onHand: number; reserved: number };
}

export interface ReplayReport {
  consistent: boolean;
  stockLevels: number;
  /** The checkpoint the replay started from (0: from the first movement). */
  fromMovementId: number;
  movementsReplayed: number;
  mismatches: ReplayMismatch[];
}

type Sums = {
  product_id: number;
  location_id: number;
  on_hand: number | null;
  reserved: number | null;
};

const key = (productId: unknown, locationId: unknown) => `${Number(productId)}:${Number(locationId)}`;

/**
 * Proves that the stock snapshot equals the movements replayed: on_hand and reserved of every
 * stock level are rebuilt from the latest checkpoint plus the movements after it.
 */
export class LedgerReplayVerifier {
  private readonly tx: TransactionRunner;

  constructor(orm: MikroORM) {
    this.tx = new TransactionRunner(orm);
  }

  async verify(): Promise<ReplayReport> {
    return this.tx.run(async (sql) => {
      // One snapshot for the whole comparison: a movement and its stock update commit together.
      if (sql.isPostgres) await sql.run('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const from = await this.latestCheckpoint(sql);
      const base = await this.checkpointRows(sql, from);
      const since = await sql.all<Sums & { n: number }>(
        `SELECT product_id, location_id, SUM(on_hand_delta) AS on_hand, SUM(reserved_delta) AS reserved, COUNT(*) AS n
         FROM movement WHERE id > ? GROUP BY product_id, location_id`,
        [from],
      );
      const replay = new Map(base);
      let replayed = 0;
      for (const row of since) {
        const prior = replay.get(key(row.product_id, row.location_id)) ?? { onHand: 0, reserved: 0 };
        replay.set(key(row.product_id, row.location_id), {
          onHand: prior.onHand + Number(row.on_hand ?? 0),
          reserved: prior.reserved + Number(row.reserved ?? 0),
        });
        replayed += Number(row.n);
      }
      const snapshot = await sql.all<{ product_id: number; location_id: number; on_hand: number; reserved: number; sku: string; location: string }>(
        `SELECT sl.product_id, sl.location_id, sl.on_hand, sl.reserved, p.code AS sku, l.code AS location
         FROM stock_level sl JOIN product p ON p.id = sl.product_id JOIN location l ON l.id = sl.location_id`,
      );
      const mismatches: ReplayMismatch[] = [];
      for (const s of snapshot) {
        const r = replay.get(key(s.product_id, s.location_id)) ?? { onHand: 0, reserved: 0 };
        replay.delete(key(s.product_id, s.location_id));
        if (r.onHand !== Number(s.on_hand) || r.reserved !== Number(s.reserved)) {
          mismatches.push({ sku: s.sku, location: s.location, snapshot: { onHand: Number(s.on_hand), reserved: Number(s.reserved) }, replay: r });
        }
      }
      // Movements for a stock level that has no snapshot row at all.
      for (const [k, r] of replay) {
        if (r.onHand === 0 && r.reserved === 0) continue;
        const [productId, locationId] = k.split(':');
        mismatches.push({ sku: `#${productId}`, location: `#${locationId}`, snapshot: { onHand: 0, reserved: 0 }, replay: r });
      }
      return { consistent: mismatches.length === 0, stockLevels: snapshot.length, fromMovementId: from, movementsReplayed: replayed, mismatches };
    });
  }

  /**
   * Writes a checkpoint: per stock level, the sums of all movements up to the newest one. On
   * PostgreSQL a SHARE lock waits for in-flight writers first, so no movement with a lower id can
   * commit after the checkpoint and be skipped by later replays.
   */
  async checkpoint(now: Date = new Date()): Promise<{ movementId: number; stockLevels: number }> {
    return this.tx.run(async (sql) => {
      if (sql.isPostgres) await sql.run('LOCK TABLE movement IN SHARE MODE');
      const top = await sql.first<{ id: number | null }>('SELECT MAX(id) AS id FROM movement');
      const upTo = Number(top?.id ?? 0);
      const from = await this.latestCheckpoint(sql);
      if (upTo <= from) return { movementId: from, stockLevels: 0 };
      const sums = new Map(await this.checkpointRows(sql, from));
      const since = await sql.all<Sums>(
        `SELECT product_id, location_id, SUM(on_hand_delta) AS on_hand, SUM(reserved_delta) AS reserved
         FROM movement WHERE id > ? AND id <= ? GROUP BY product_id, location_id`,
        [from, upTo],
      );
      for (const row of since) {
        const prior = sums.get(key(row.product_id, row.location_id)) ?? { onHand: 0, reserved: 0 };
        sums.set(key(row.product_id, row.location_id), { onHand: prior.onHand + Number(row.on_hand ?? 0), reserved: prior.reserved + Number(row.reserved ?? 0) });
      }
      const rows = [...sums].map(([k, v]) => [upTo, ...k.split(':').map(Number), v.onHand, v.reserved, sql.date(now)]);
      for (let i = 0; i < rows.length; i += 150) {
        const chunk = rows.slice(i, i + 150);
        await sql.run(
          `INSERT INTO ledger_checkpoint (movement_id, product_id, location_id, on_hand, reserved, created_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
          chunk.flat(),
        );
      }
      // Older checkpoints are superseded: keep only the newest generation.
      await sql.run('DELETE FROM ledger_checkpoint WHERE movement_id < ?', [upTo]);
      return { movementId: upTo, stockLevels: rows.length };
    });
  }

  private async latestCheckpoint(sql: SqlSession): Promise<number> {
    const row = await sql.first<{ id: number | null }>('SELECT MAX(movement_id) AS id FROM ledger_checkpoint');
    return Number(row?.id ?? 0);
  }

  private async checkpointRows(sql: SqlSession, movementId: number): Promise<Array<[string, { onHand: number; reserved: number }]>> {
    if (movementId === 0) return [];
    const rows = await sql.all<{ product_id: number; location_id: number; on_hand: number; reserved: number }>(
      'SELECT product_id, location_id, on_hand, reserved FROM ledger_checkpoint WHERE movement_id = ?',
      [movementId],
    );
    return rows.map((r) => [key(r.product_id, r.location_id), { onHand: Number(r.on_hand), reserved: Number(r.reserved) }]);
  }
}
