import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import type { Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { INVENTORY_ENTITIES } from '../entities';

export interface DatabaseTarget {
  /** `postgres://…` / `postgresql://…` for PostgreSQL; otherwise a SQLite file path (or `:memory:`). */
  url: string;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** SQLite settings that let several processes write one file safely and wait for each other. */
const SQLITE_PRAGMAS = ['journal_mode = WAL', 'busy_timeout = 10000', 'synchronous = NORMAL', 'foreign_keys = ON'];

/**
 * MikroORM options for the ledger on either database. Entities are listed explicitly (a bundled
 * build cannot discover them by path); callers append their own entities and migrations.
 */
export function inventoryOrmOptions(
  target: DatabaseTarget,
  extra: Partial<Options> = {},
): Options {
  const entities = [...INVENTORY_ENTITIES, ...((extra.entities as never[]) ?? [])];
  const common = {
    entities,
    discovery: { warnWhenNoEntities: true },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
  } satisfies Partial<Options>;
  if (isPostgresUrl(target.url)) {
    return {
      ...extra,
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: target.url,
      pool: { min: 0, max: 10, ...(extra.pool ?? {}) },
    } as Options;
  }
  return {
    ...extra,
    ...common,
    driver: BetterSqliteDriver,
    dbName: target.url,
    pool: {
      ...(extra.pool ?? {}),
      afterCreate: (conn: { pragma(sql: string): unknown }, done: (err: Error | null, conn: unknown) => void) => {
        try {
          for (const pragma of SQLITE_PRAGMAS) conn.pragma(pragma);
          done(null, conn);
        } catch (err) {
          done(err as Error, conn);
        }
      },
    },
  } as Options;
}
