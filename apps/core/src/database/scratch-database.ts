import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knex } from '@mikro-orm/knex';
import type { DatabaseConfig } from '../config/app-config';

export const ADMIN_POSTGRES_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  /** The value DATABASE_URL takes to point at this database. */
  readonly url: string;
  readonly config: DatabaseConfig;
  drop(): Promise<void>;
}

async function asAdmin(statement: string): Promise<void> {
  const admin = knex({ client: 'pg', connection: ADMIN_POSTGRES_URL, pool: { min: 0, max: 1 } });
  try {
    await admin.raw(statement);
  } finally {
    await admin.destroy();
  }
}

/**
 * An empty database to migrate and throw away: a PostgreSQL database of its own on the local server,
 * or a SQLite file in a temporary directory. Used by the migration script and the tests.
 */
export async function createScratchDatabase(dialect: DatabaseConfig['dialect'], label: string): Promise<ScratchDatabase> {
  if (dialect === 'postgresql') {
    const name = `urikiri_${label}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await asAdmin(`CREATE DATABASE ${name}`);
    const url = ADMIN_POSTGRES_URL.replace(/\/[^/]*$/, `/${name}`);
    return {
      url,
      config: { dialect, url },
      drop: () => asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const directory = mkdtempSync(join(tmpdir(), `urikiri-${label}-`));
  const path = join(directory, 'urikiri.sqlite');
  return {
    url: `sqlite:${path}`,
    config: { dialect, path, embeddedDefault: false },
    drop: async () => rmSync(directory, { recursive: true, force: true }),
  };
}
