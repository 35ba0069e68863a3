import { resolve } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import type { DatabaseConfig } from '../config/app-config';
import { writeMigrationIndex } from '../database/migration-index';
import { createOrmOptions, MIGRATIONS_SOURCE_DIR } from '../database/orm-options';
import { createScratchDatabase } from '../database/scratch-database';

/**
 * `node tools/scripts/create-migrations.js [name]`: for PostgreSQL and SQLite alike, migrates a scratch
 * database with the checked-in migrations, writes the difference to the entities as a new migration,
 * and relists the migrations. Needs the local PostgreSQL (TEST_POSTGRES_URL to point elsewhere).
 */
const DIALECTS: Array<{ dialect: DatabaseConfig['dialect']; constant: string }> = [
  { dialect: 'postgresql', constant: 'POSTGRESQL_MIGRATIONS' },
  { dialect: 'sqlite', constant: 'SQLITE_MIGRATIONS' },
];

async function createFor(dialect: DatabaseConfig['dialect'], name: string): Promise<string | undefined> {
  const scratch = await createScratchDatabase(dialect, 'migrations');
  const orm = await MikroORM.init(createOrmOptions(scratch.config));
  try {
    await orm.getMigrator().up();
    const directory = resolve(MIGRATIONS_SOURCE_DIR, dialect);
    const result = await orm.getMigrator().createMigration(directory, false, false, name);
    return result.diff.up.length > 0 ? result.fileName : undefined;
  } finally {
    await orm.close(true);
    await scratch.drop();
  }
}

async function main(): Promise<void> {
  const name = (process.argv[2] ?? 'change').replace(/[^A-Za-z0-9_]/g, '_');
  for (const { dialect, constant } of DIALECTS) {
    const file = await createFor(dialect, name);
    writeMigrationIndex(resolve(MIGRATIONS_SOURCE_DIR, dialect), constant);
    process.stdout.write(file ? `${dialect}: wrote ${file}\n` : `${dialect}: the schema already matches the entities\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
