import { randomBytes } from 'node:crypto';
import { knex } from '@mikro-orm/knex';
import { ServiceApi } from '../service-api/service-api';
import { startCoreServiceProcess, type CoreServiceProcess } from '../demo/testing/core-service-process';
import type { LoadScenario } from './load-scenario';

const POSTGRES_URL = process.env['LOAD_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface LoadService {
  readonly process: CoreServiceProcess;
  readonly api: ServiceApi;
  /** Stops the service and removes its database and queues. */
  close(): Promise<void>;
}

/** A database of its own on the machine's PostgreSQL, dropped afterwards. */
async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `urikiri_load_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = knex({ client: 'pg', connection: POSTGRES_URL, pool: { min: 0, max: 1 } });
    try {
      await client.raw(sql);
    } finally {
      await client.destroy();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * The core service as deployed, in a process of its own, on the scenario's database and the machine's
 * Redis: every role in one process, orders polled as often as each channel allows, the API's own
 * request limit lifted (the run reads every listing's history at the end), an admin key of its own.
 */
export async function startLoadService(scenario: LoadScenario, extraEnv: Record<string, string> = {}): Promise<LoadService> {
  const database = scenario.database === 'postgresql' ? await createPostgresDatabase() : null;
  const adminKey = `uk_${randomBytes(24).toString('hex')}`;
  let service: CoreServiceProcess;
  try {
    service = await startCoreServiceProcess({
      ...(database ? { DATABASE_URL: database.url } : {}),
      URIKIRI_ADMIN_KEY: adminKey,
      ORDER_POLL_INTERVAL_MS: '1000',
      RATE_LIMIT_PER_KEY: '0',
      RATE_LIMIT_PER_IP: '0',
      ...extraEnv,
    }, { logFile: process.env['LOAD_SERVICE_LOG'] });
  } catch (error) {
    await database?.drop();
    throw error;
  }
  return {
    process: service,
    api: new ServiceApi(service.url, adminKey),
    close: async () => {
      await service.close();
      await database?.drop();
    },
  };
}
