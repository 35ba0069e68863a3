import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MigrationObject, Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { inventoryOrmOptions } from '@urikiri/inventory';
import type { DatabaseConfig } from '../config/app-config';
import { SYNC_ENTITIES } from '@urikiri/sync';
import { AuditEntry } from '../audit/audit-entry.entity';
import { ApiKey } from '../auth/api-key.entity';
import { knexLog } from './knex-log';
import { POSTGRESQL_MIGRATIONS } from './migrations/postgresql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

/** Where tools/scripts/create-migrations.ts writes new migrations (the source tree, not dist). */
export const MIGRATIONS_SOURCE_DIR = join('apps', 'core', 'src', 'database', 'migrations');

/** The entities the service adds to the ledger's own (keys, the audit log, sync). */
const CORE_APP_ENTITIES = [ApiKey, AuditEntry, ...SYNC_ENTITIES];

const MIGRATIONS: Record<DatabaseConfig['dialect'], MigrationObject[]> = {
  postgresql: POSTGRESQL_MIGRATIONS,
  sqlite: SQLITE_MIGRATIONS,
};

function migrationOptions(dialect: DatabaseConfig['dialect']): Options['migrations'] {
  return {
    tableName: 'mikro_orm_migrations',
    path: join(MIGRATIONS_SOURCE_DIR, dialect),
    emit: 'ts',
    // Listed, not discovered by glob: the bundled build has no migration files to scan.
    migrationsList: MIGRATIONS[dialect],
    // Diffs are computed against a freshly migrated database by the create script, not a snapshot file.
    snapshot: false,
    // The migration runner logs what it applied, as JSON like every other line.
    silent: true,
    transactional: true,
    allOrNothing: true,
    fileName: (timestamp, name) => `${timestamp}-${name ?? 'change'}.migration`,
  };
}

/**
 * The service's ORM options: the ledger's (entities, SQLite pragmas, UTC) plus the API key entity and
 * the checked-in migrations of the dialect DATABASE_URL picks.
 */
export function createOrmOptions(database: DatabaseConfig): Options {
  const extra: Partial<Options> = {
    entities: CORE_APP_ENTITIES,
    extensions: [Migrator],
    migrations: migrationOptions(database.dialect),
    driverOptions: { log: knexLog },
  };
  if (database.dialect === 'postgresql') return inventoryOrmOptions({ url: database.url }, extra);
  mkdirSync(dirname(database.path), { recursive: true });
  return inventoryOrmOptions({ url: database.path }, extra);
}
