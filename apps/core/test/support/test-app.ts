import type { NestExpressApplication } from '@nestjs/platform-express';
import { Redis } from 'ioredis';
import { createHttpApp } from '../../src/app/create-app';
import { listenUrl } from '../../src/app/listen-url';
import { generateApiKey } from '../../src/auth/api-key-secret';
import type { AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { createScratchDatabase, type ScratchDatabase } from '../../src/database/scratch-database';
import { redisKeyspace } from '../../src/redis/redis-keyspace';

export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export type Dialect = AppConfig['database']['dialect'];

export interface CallOptions {
  body?: unknown;
  /** Sent as text/csv instead of JSON. */
  csv?: string;
  /** The API key to send; null sends none. Defaults to the admin key. */
  key?: string | null;
  headers?: Record<string, string>;
}

export interface CallResult<T> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface TestApp {
  readonly baseUrl: string;
  readonly databaseUrl: string;
  readonly queuePrefix: string;
  readonly adminKey: string;
  readonly config: AppConfig;
  readonly app: NestExpressApplication;
  call<T = Record<string, unknown>>(method: string, path: string, options?: CallOptions): Promise<CallResult<T>>;
  /** Stops the process's service but keeps its database and queues (another process may go on with them). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

async function deleteQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', redisKeyspace(prefix).key('*'), 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * The real service on a throwaway database (its own PostgreSQL database or SQLite file), the machine's
 * Redis under a BullMQ prefix of its own, listening on a free port. Nothing is mocked.
 */
export async function startTestApp(dialect: Dialect, env: Record<string, string> = {}, options: { replicaOf?: TestApp } = {}): Promise<TestApp> {
  // A replica is another process of the same installation: same database, same Redis prefix and key.
  const replicaOf = options.replicaOf;
  const database: ScratchDatabase = replicaOf
    ? { url: replicaOf.databaseUrl, config: replicaOf.config.database, drop: async () => undefined }
    : await createScratchDatabase(dialect, 'core_test');
  const adminKey = replicaOf?.adminKey ?? generateApiKey();
  const queuePrefix = replicaOf?.queuePrefix ?? `urikiri_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const config = loadConfig({
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    URIKIRI_ADMIN_KEY: adminKey,
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    ...env,
  });
  const app = await createHttpApp(config);
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    // A start-up refused on purpose (the test expects it) must not leave connections or a database behind.
    await app.close().catch(() => undefined);
    if (!replicaOf) await database.drop();
    throw error;
  }
  const baseUrl = listenUrl(app.getHttpServer(), '127.0.0.1');

  async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
    const key = options.key === undefined ? adminKey : options.key;
    const headers: Record<string, string> = { ...(key ? { authorization: `Bearer ${key}` } : {}), ...options.headers };
    let payload: string | undefined;
    if (options.csv !== undefined) {
      headers['content-type'] = 'text/csv';
      payload = options.csv;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(options.body);
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
    return { status: response.status, body: (isJson ? JSON.parse(text) : text) as T, text, headers: response.headers };
  }

  let stopped = false;
  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    await app.close();
  }

  return {
    baseUrl,
    databaseUrl: database.url,
    queuePrefix,
    adminKey,
    config,
    app,
    call,
    stop,
    async close() {
      await stop();
      if (replicaOf) return;
      await deleteQueueKeys(queuePrefix);
      await database.drop();
    },
  };
}
