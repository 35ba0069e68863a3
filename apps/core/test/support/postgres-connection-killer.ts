import { knex, type Knex } from '@mikro-orm/knex';
import { ADMIN_POSTGRES_URL } from '../../src/database/scratch-database';

/** Drops every connection to one database but its own, as a PostgreSQL restart or failover does. */
export interface PostgresConnectionKiller {
  /** Terminates every other backend of the database; returns how many there were. */
  killAll(): Promise<number>;
  /** A transaction of its own on the database, holding row locks until the backends are killed. */
  holdLocks(statement: string): Promise<void>;
  /** How many backends of the database wait for a lock right now. */
  waitingForLocks(): Promise<number>;
  close(): Promise<void>;
}

export function postgresConnectionKiller(databaseUrl: string): PostgresConnectionKiller {
  const database = new URL(databaseUrl).pathname.slice(1);
  const admin = knex({ client: 'pg', connection: ADMIN_POSTGRES_URL, pool: { min: 0, max: 1 } });
  const own: Knex = knex({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 1 } });
  const held: Knex.Transaction[] = [];
  return {
    async killAll() {
      const result = await admin.raw<{ rows: unknown[] }>(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()',
        [database],
      );
      return result.rows.length;
    },
    async holdLocks(statement) {
      const transaction = await own.transaction();
      // The connection is killed with the others; its transaction then fails, as it should.
      transaction.executionPromise.catch(() => undefined);
      await transaction.raw(statement);
      held.push(transaction);
    },
    async waitingForLocks() {
      const result = await admin.raw<{ rows: Array<{ waiting: string }> }>(
        "SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'",
        [database],
      );
      return Number(result.rows[0]?.waiting ?? 0);
    },
    async close() {
      for (const transaction of held) await transaction.rollback().catch(() => undefined);
      await own.destroy();
      await admin.destroy();
    },
  };
}
