import type { MikroORM, Transaction } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';

export type Dialect = 'postgresql' | 'sqlite';

type Row = Record<string, unknown>;

/**
 * Thin access to raw SQL inside one transaction. Stock changes are conditional updates
 * (`... WHERE on_hand - reserved >= n`) that the ORM's unit of work cannot express atomically,
 * so the ledger writes them as SQL through the ORM's own connection and transaction.
 */
export class SqlSession {
  constructor(
    private readonly connection: AbstractSqlConnection,
    readonly dialect: Dialect,
    private readonly trx?: Transaction,
  ) {}

  async all<T extends Row = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.connection.execute<T[]>(sql, params as never[], 'all', this.trx);
  }

  async first<T extends Row = Row>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    const rows = await this.all<T>(sql, params);
    return rows[0];
  }

  /** Runs a statement and answers how many rows it changed. */
  async run(sql: string, params: unknown[] = []): Promise<number> {
    const res = await this.connection.execute<{ affectedRows: number }>(sql, params as never[], 'run', this.trx);
    return res.affectedRows;
  }

  /** A date as the dialect stores it (SQLite keeps epoch milliseconds, PostgreSQL a timestamptz). */
  date(value: Date): unknown {
    return this.dialect === 'sqlite' ? value.getTime() : value;
  }

  /** A date column as read back: a Date from PostgreSQL, epoch milliseconds (number or digits) from SQLite. */
  readDate(value: unknown): Date {
    if (value instanceof Date) return value;
    return new Date(typeof value === 'string' && !/^\d+$/.test(value) ? value : Number(value));
  }

  /** `FOR UPDATE` where the database has row locks; SQLite's write transaction is already exclusive. */
  get forUpdate(): string {
    return this.dialect === 'postgresql' ? ' FOR UPDATE' : '';
  }

  get isPostgres(): boolean {
    return this.dialect === 'postgresql';
  }
}

export function dialectOf(orm: MikroORM): Dialect {
  const platform = orm.config.getPlatform().constructor.name.toLowerCase();
  return platform.includes('postgre') ? 'postgresql' : 'sqlite';
}

export function sqlConnection(orm: MikroORM): AbstractSqlConnection {
  return orm.em.getConnection() as AbstractSqlConnection;
}
