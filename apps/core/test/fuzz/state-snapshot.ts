import { createHash } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import type { TestApp } from '../support/test-app';

/**
 * Tables and columns that background jobs write on their own schedule, whatever requests arrive:
 * order polling moves an account's cursor, reconciliation and checkpoints add runs.
 */
const MOVED_BY_SCHEDULES: Record<string, string[] | 'all'> = {
  channel_account: ['orders_cursor', 'orders_caught_up_at'],
  reconciliation_run: 'all',
  ledger_checkpoint: 'all',
  mikro_orm_migrations: 'all',
};

export interface TableState {
  rows: number;
  /** SHA-256 over every row in key order, so any changed value shows. */
  digest: string;
  /** The rows themselves while the table is small, so a failure shows which value changed. */
  content?: string[];
}

const SHOWN_ROWS = 50;

/** Every table of the service (stock levels, movements, listings, accounts, rule sets, keys, audit, …). */
export async function snapshot(app: TestApp): Promise<Record<string, TableState>> {
  const orm = app.app.get(MikroORM);
  const connection = orm.em.fork().getConnection();
  const state: Record<string, TableState> = {};
  for (const meta of Object.values(orm.getMetadata().getAll())) {
    if (meta.abstract || meta.virtual || !meta.tableName) continue;
    const skip = MOVED_BY_SCHEDULES[meta.tableName];
    if (skip === 'all') continue;
    const keys = meta.primaryKeys.map((key) => meta.properties[key].fieldNames[0]);
    const rows = await connection.execute<Record<string, unknown>[]>(`SELECT * FROM ${meta.tableName} ORDER BY ${keys.join(', ')}`);
    const hash = createHash('sha256');
    const content: string[] = [];
    for (const row of rows) {
      const kept = Object.entries(row).filter(([column]) => !(skip ?? []).includes(column));
      const text = JSON.stringify(kept, (_, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
      hash.update(text);
      if (rows.length <= SHOWN_ROWS) content.push(text);
    }
    state[meta.tableName] = { rows: rows.length, digest: hash.digest('hex'), ...(rows.length <= SHOWN_ROWS ? { content } : {}) };
  }
  return state;
}
