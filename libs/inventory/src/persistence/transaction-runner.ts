import type { MikroORM } from '@mikro-orm/core';
import { dialectOf, SqlSession, sqlConnection, type Dialect } from './sql-session';

/** Errors after which the whole transaction can simply run again: nothing of it was kept. */
function isTransient(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  // PostgreSQL: serialization failure, deadlock detected.
  if (e.code === '40001' || e.code === '40P01') return true;
  // SQLite: another connection holds the write lock past the busy timeout, or a snapshot went stale.
  if (typeof e.code === 'string' && e.code.startsWith('SQLITE_BUSY')) return true;
  return /SQLITE_BUSY|database is locked/i.test(e.message ?? '');
}

/** Runs short transactions with retries on transient conflicts. */
export class TransactionRunner {
  readonly dialect: Dialect;

  constructor(
    private readonly orm: MikroORM,
    private readonly maxAttempts = 8,
  ) {
    this.dialect = dialectOf(orm);
  }

  /** A session outside any transaction, for reads. */
  session(): SqlSession {
    return new SqlSession(sqlConnection(this.orm), this.dialect);
  }

  async run<T>(work: (sql: SqlSession) => Promise<T>): Promise<T> {
    const connection = sqlConnection(this.orm);
    for (let attempt = 1; ; attempt++) {
      try {
        return await connection.transactional((trx) => work(new SqlSession(connection, this.dialect, trx)));
      } catch (error) {
        if (!isTransient(error) || attempt >= this.maxAttempts) throw error;
        await new Promise((r) => setTimeout(r, Math.min(200, 2 ** attempt) * Math.random()));
      }
    }
  }
}
