import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import type { MigrationObject, Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { DatabaseConfig } from '../config/app-config';
import { CORE_ENTITIES } from './core-entities';
import { POSTGRESQL_MIGRATIONS } from './migrations/postgresql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

/** Where new migrations are written by tools/scripts/create-migrations.ts (source tree, not dist). */
export const MIGRATIONS_SOURCE_DIR = join('apps', 'core', 'src', 'database', 'migrations');

interface SqlitePragmaConnection {
  pragma(source: string): unknown;
}

/**
 * WAL lets readers run beside the one writer; busy_timeout makes a second process wait for the write
 * lock instead of failing at once with SQLITE_BUSY, which is what several workers on one file need.
 */
function applySqlitePragmas(connection: SqlitePragmaConnection, done: (error: Error | null, connection: unknown) => void) {
  try {
    connection.pragma('journal_mode = WAL');
    connection.pragma('busy_timeout = 5000');
    connection.pragma('synchronous = NORMAL');
    done(null, connection);
  } catch (error) {
    done(error as Error, connection);
  }
}

function migrationOptions(dialect: DatabaseConfig['dialect'], list: MigrationObject[]): Options['migrations'] {
  return {
    tableName: 'mikro_orm_migrations',
    path: join(MIGRATIONS_SOURCE_DIR, dialect),
    emit: 'ts',
    migrationsList: list,
    snapshot: false,
    transactional: true,
    allOrNothing: true,
    fileName: (timestamp, name) => `${timestamp}-${name ?? 'change'}.migration`,
  };
}

const common = {
  entities: CORE_ENTITIES,
  extensions: [Migrator],
  forceUtcTimezone: true,
  // The global EntityManager is shared by every request; using it by accident is a bug we want loud.
  allowGlobalContext: false,
  discovery: { disableDynamicFileAccess: true },
} satisfies Options;

export function createOrmOptions(database: DatabaseConfig): Options {
  if (database.dialect === 'postgresql') {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: database.url,
      migrations: migrationOptions('postgresql', POSTGRESQL_MIGRATIONS),
    };
  }
  mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    driver: BetterSqliteDriver,
    dbName: database.path,
    pool: { afterCreate: applySqlitePragmas },
    migrations: migrationOptions('sqlite', SQLITE_MIGRATIONS),
  };
}
