import { MikroORM, type Options } from '@mikro-orm/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knex } from '@mikro-orm/knex';
import { inventoryOrmOptions } from '../persistence/orm-options';

export type TestDialect = 'postgresql' | 'sqlite';

export const TEST_POSTGRES_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  orm: MikroORM;
  /** Another ORM on the same database: a second pool, as a second process would have. */
  connect(extra?: Partial<Options>): Promise<MikroORM>;
  drop(): Promise<void>;
}

/**
 * A throwaway database with the ledger schema: its own PostgreSQL database, or its own SQLite file.
 * Tests use the machine's real PostgreSQL; nothing about the database is mocked.
 */
export async function createTestDatabase(dialect: TestDialect, extra: Partial<Options> = {}): Promise<TestDatabase> {
  const opened: MikroORM[] = [];
  let url: string;
  let cleanup: () => Promise<void>;
  if (dialect === 'postgresql') {
    const name = `urikiri_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await withAdmin((admin) => admin.raw(`CREATE DATABASE ${name}`));
    url = TEST_POSTGRES_URL.replace(/\/[^/]*$/, `/${name}`);
    cleanup = async () => {
      await withAdmin((admin) => admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'urikiri-test-'));
    url = join(dir, 'ledger.sqlite');
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const connect = async (more: Partial<Options> = {}) => {
    const orm = await MikroORM.init(inventoryOrmOptions({ url }, { ...extra, ...more }));
    opened.push(orm);
    return orm;
  };
  const orm = await connect();
  await orm.schema.createSchema();
  return {
    url,
    orm,
    connect,
    drop: async () => {
      for (const o of opened) await o.close(true);
      await cleanup();
    },
  };
}

async function withAdmin(work: (admin: ReturnType<typeof knex>) => Promise<unknown>): Promise<void> {
  const admin = knex({ client: 'pg', connection: TEST_POSTGRES_URL, pool: { min: 0, max: 1 } });
  try {
    await work(admin);
  } finally {
    await admin.destroy();
  }
}
