import { randomBytes } from 'node:crypto';
import { knex } from '@mikro-orm/knex';
import { ServiceApi } from '../service-api/service-api';
import { createServiceStorage, startCoreServiceProcess, type ServiceStorage } from '../demo/testing/core-service-process';
import type { LoadScenario } from './load-scenario';

const POSTGRES_URL = process.env['LOAD_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface LoadService {
  /** Where the service's HTTP API is reached (its root, without /api/v1): channels' webhooks go there too. */
  readonly url: string;
  readonly api: ServiceApi;
  /** The installation's QUEUE_PREFIX on the machine's Redis. */
  readonly queuePrefix: string;
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

/** One installation for a load run: its storage (on the scenario's database), an admin key, the settings every process runs with. */
export interface LoadInstallation {
  readonly storage: ServiceStorage;
  readonly adminKey: string;
  /** The environment of every process of the installation (ROLE aside). */
  readonly env: Record<string, string>;
  /** Removes the database and the queues; call once every process has stopped. */
  remove(): Promise<void>;
}

/**
 * Storage on the scenario's database and the machine's Redis; orders polled as often as each channel
 * allows, the API's own request limit lifted (the run reads every listing's history at the end), an
 * admin key of its own.
 */
export async function createLoadInstallation(scenario: LoadScenario, extraEnv: Record<string, string> = {}): Promise<LoadInstallation> {
  const database = scenario.database === 'postgresql' ? await createPostgresDatabase() : null;
  const base = createServiceStorage();
  const storage: ServiceStorage = database ? { ...base, env: { ...base.env, DATABASE_URL: database.url } } : base;
  const adminKey = `uk_${randomBytes(24).toString('hex')}`;
  return {
    storage,
    adminKey,
    env: { URIKIRI_ADMIN_KEY: adminKey, ORDER_POLL_INTERVAL_MS: '1000', RATE_LIMIT_PER_KEY: '0', RATE_LIMIT_PER_IP: '0', ...extraEnv },
    remove: async () => {
      await base.remove();
      await database?.drop();
    },
  };
}

/** The core service as deployed in its simplest form: every role in one process of its own. */
export async function startLoadService(scenario: LoadScenario, extraEnv: Record<string, string> = {}): Promise<LoadService> {
  const installation = await createLoadInstallation(scenario, extraEnv);
  try {
    const service = await startCoreServiceProcess(installation.env, { logFile: process.env['LOAD_SERVICE_LOG'], storage: installation.storage });
    return {
      url: service.url,
      api: new ServiceApi(service.url, installation.adminKey),
      queuePrefix: installation.storage.queuePrefix,
      close: async () => {
        await service.close();
        await installation.remove();
      },
    };
  } catch (error) {
    await installation.remove();
    throw error;
  }
}
