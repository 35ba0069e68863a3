import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { startTestApp, TEST_REDIS_URL, type TestApp } from '../../test/support/test-app';
import { createBackgroundApp } from '../app/create-app';
import { loadConfig } from '../config/load-config';
import { createScratchDatabase, type ScratchDatabase } from '../database/scratch-database';
import { redisConnectionOptions } from '../redis/redis-connection-options';
import { redisKeyspace } from '../redis/redis-keyspace';
import type { SyncMetricsReport } from './metrics-report';
import { MetricsRedis } from './metrics-redis';
import { QueueCatalog } from './queue-catalog';
import { SyncMetrics } from './sync-metrics';

const rakuten = { account: 'rakuten-1', channel: 'rakuten' };
// Operators name accounts; a quote, a backslash or a line feed must not break the exposition.
const oddShop = { account: 'shop "A"\\2\nnew', channel: 'yahoo' };
const oddLabels = 'account="shop \\"A\\"\\\\2\\nnew",channel="yahoo"';

/** Registrations reach other processes through Redis a moment later. */
async function eventually<T>(read: () => Promise<T>, until: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const value = await read();
    if (until(value) || attempt === 50) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function samples(text: string, family: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(family)) continue;
    const cut = line.lastIndexOf(' ');
    found.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return found;
}

describe('observability: metrics across processes, /metrics, /api/v1/sync/metrics and /queues', () => {
  let api: TestApp;
  let workerDatabase: ScratchDatabase;
  let worker: INestApplicationContext;
  let readKey: string;
  let pushQueue: Queue;

  beforeAll(async () => {
    api = await startTestApp('sqlite', { ROLE: 'api' });
    readKey = (await api.call<{ key: string }>('POST', '/api/v1/api-keys', { body: { name: 'prometheus', scopes: ['read'] } })).body.key;
    // A second process of the same installation: a worker with its own database file but the same Redis prefix.
    workerDatabase = await createScratchDatabase('sqlite', 'observability_worker');
    worker = await createBackgroundApp(
      loadConfig({
        ROLE: 'worker',
        DATABASE_URL: workerDatabase.url,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: api.config.queuePrefix,
        LOG_LEVEL: 'silent',
      }),
    );
    await worker.init();
    // A per-account queue opened after start-up by the worker, as the sync module does when it first
    // pushes for an account: the API process never opened it, and must show it all the same.
    pushQueue = new Queue('sync-push-test-account', {
      connection: redisConnectionOptions(TEST_REDIS_URL),
      prefix: redisKeyspace(api.config.queuePrefix).bullPrefix,
    });
    worker.get(QueueCatalog).register(pushQueue);
  });

  afterAll(async () => {
    await pushQueue?.close();
    await worker?.close();
    await workerDatabase?.drop();
    await api?.close();
  });

  describe('SyncMetrics in two processes', () => {
    beforeAll(async () => {
      const inApi = api.app.get(SyncMetrics);
      const inWorker = worker.get(SyncMetrics);
      expect(inApi).not.toBe(inWorker);
      for (const ms of [3, 40, 40, 200, 900]) await inApi.observe('push', rakuten, ms);
      for (const ms of [40, 1200, 70_000]) await inWorker.observe('push', rakuten, ms);
      await inWorker.observe('ingest', oddShop, 12);
      await inApi.increment('pushes', rakuten, 3);
      await inWorker.increment('pushes', rakuten);
      await inWorker.increment('pushes', rakuten);
      await inApi.increment('rate_limit_wait_ms', rakuten, 12.5);
      await inWorker.increment('rate_limit_wait_ms', rakuten, 7.5);
      await inWorker.increment('dead_letters', oddShop);
    });

    it('/metrics shows the sum of both processes as a cumulative histogram', async () => {
      const response = await api.call('GET', '/metrics', { key: readKey });
      expect(response.status).toBe(200);
      const contentType = (response.headers.get('content-type') ?? '').split(';').map((part) => part.trim());
      expect(contentType.sort()).toEqual(['charset=utf-8', 'text/plain', 'version=0.0.4']);
      const latency = samples(response.text, 'urikiri_sync_latency_ms');
      const push = 'metric="push",account="rakuten-1",channel="rakuten"';
      expect(latency.get(`urikiri_sync_latency_ms_count{${push}}`)).toBe(8);
      expect(latency.get(`urikiri_sync_latency_ms_sum{${push}}`)).toBe(3 + 40 + 40 + 200 + 900 + 40 + 1200 + 70_000);
      const buckets = [...latency].filter(([name]) => name.startsWith(`urikiri_sync_latency_ms_bucket{${push}`));
      expect(buckets.map(([name]) => /le="([^"]+)"/.exec(name)?.[1])).toEqual([
        '5', '10', '25', '50', '100', '250', '500', '750', '1000', '1500', '2000', '3000', '5000', '10000', '30000', '60000', '+Inf',
      ]);
      const counts = buckets.map(([, count]) => count);
      expect(counts).toEqual([1, 1, 1, 4, 4, 5, 5, 5, 6, 7, 7, 7, 7, 7, 7, 7, 8]);
      expect(latency.get(`urikiri_sync_latency_ms_count{metric="ingest",${oddLabels}}`)).toBe(1);

      expect(response.text).toContain('urikiri_sync_pushes_total{account="rakuten-1",channel="rakuten"} 5\n');
      expect(response.text).toContain('urikiri_sync_rate_limit_wait_ms_total{account="rakuten-1",channel="rakuten"} 20\n');
      expect(response.text).toContain(`urikiri_sync_dead_letters_total{${oddLabels}} 1\n`);
    });

    it('/api/v1/sync/metrics gives the same totals as JSON, with sane percentiles', async () => {
      const response = await api.call<SyncMetricsReport>('GET', '/api/v1/sync/metrics', { key: readKey });
      expect(response.status).toBe(200);
      const push = response.body.latency.find((series) => series.metric === 'push' && series.account === 'rakuten-1');
      expect(push).toMatchObject({ channel: 'rakuten', count: 8, sumMs: 72_423 });
      const { p50Ms, p95Ms, p99Ms } = push as { p50Ms: number; p95Ms: number; p99Ms: number };
      // Sorted: 3, 40, 40, 40, 200, 900, 1200, 70000. The median lies in (25, 50]; the tail beyond 60 s
      // reads as the highest finite bound.
      expect(p50Ms).toBeGreaterThan(25);
      expect(p50Ms).toBeLessThanOrEqual(50);
      expect(p95Ms).toBeGreaterThanOrEqual(p50Ms);
      expect(p99Ms).toBeGreaterThanOrEqual(p95Ms);
      expect(p99Ms).toBe(60_000);
      expect(response.body.counters).toContainEqual({ metric: 'pushes', ...rakuten, value: 5 });
      expect(response.body.queues.map((queue) => queue.queue)).toEqual(
        expect.arrayContaining(['ledger-checkpoint', 'reservation-expiry', 'sync-push-test-account']),
      );
    });
  });

  it('keeps writes out of the caller’s way when Redis cannot be reached', async () => {
    const unreachable = new MetricsRedis(
      loadConfig({ REDIS_URL: 'redis://127.0.0.1:1', QUEUE_PREFIX: api.config.queuePrefix, LOG_LEVEL: 'silent' }),
    );
    const metrics = new SyncMetrics(unreachable);
    await expect(metrics.observe('push', rakuten, 10)).resolves.toBeUndefined();
    await expect(metrics.increment('pushes', rakuten)).resolves.toBeUndefined();
    await expect(metrics.snapshot()).rejects.toThrow();
    await unreachable.onApplicationShutdown();
  });

  describe('/metrics access', () => {
    it('answers 401 without a key and 200 to a read key sent as Prometheus sends it', async () => {
      expect((await api.call('GET', '/metrics', { key: null })).status).toBe(401);
      const scraped = await fetch(`${api.baseUrl}/metrics`, {
        headers: { authorization: `Bearer ${readKey}`, accept: 'application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1' },
      });
      expect(scraped.status).toBe(200);
      expect(scraped.headers.get('content-type')).toContain('version=0.0.4');
      expect((await api.call('GET', '/api/v1/metrics', { key: readKey })).status).toBe(404);
      expect((await api.call('GET', '/api/v1/sync/metrics', { key: null })).status).toBe(401);
    });

    it('is described in the OpenAPI document', async () => {
      const document = await api.call<{ paths: Record<string, unknown> }>('GET', '/api/docs-json', { key: null });
      expect(document.body.paths).toHaveProperty(['/metrics', 'get']);
      expect(document.body.paths).toHaveProperty(['/api/v1/sync/metrics', 'get']);
    });
  });

  it('queue gauges follow the jobs of a queue another process registered at run time', async () => {
    await pushQueue.add('push', { listing: 1 });
    await pushQueue.add('push', { listing: 2 });
    await pushQueue.add('push', { listing: 3 }, { delay: 60_000 });
    const queues = await eventually(
      async () => samples((await api.call('GET', '/metrics', { key: readKey })).text, 'urikiri_queue_jobs'),
      (found) => found.has('urikiri_queue_jobs{queue="sync-push-test-account",state="waiting"}'),
    );
    expect(queues.get('urikiri_queue_jobs{queue="sync-push-test-account",state="waiting"}')).toBe(2);
    expect(queues.get('urikiri_queue_jobs{queue="sync-push-test-account",state="delayed"}')).toBe(1);
    expect(queues.get('urikiri_queue_jobs{queue="sync-push-test-account",state="failed"}')).toBe(0);
    expect(queues.get('urikiri_queue_jobs{queue="reservation-expiry",state="active"}')).toBe(0);
  });

  describe('/queues', () => {
    it('answers 401 without a key and 403 to a key without the admin scope', async () => {
      const none = await api.call<{ message: string }>('GET', '/queues', { key: null });
      expect(none.status).toBe(401);
      expect(none.body.message).toContain('/queues?key=');
      expect((await api.call('GET', '/queues', { key: readKey })).status).toBe(403);
      expect((await api.call('GET', '/queues/api/queues', { key: readKey })).status).toBe(403);
      expect((await api.call('GET', '/queues/api/queues', { key: 'uk_not-a-key-at-all-not-a-key-at-all-0000' })).status).toBe(401);
    });

    it('serves the board and its UI files to the admin key, and lists every catalogued queue', async () => {
      const page = await api.call('GET', '/queues');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.text).toContain('urikiri queues');
      const script = /src="([^"]*static\/[^"]+\.js)"/.exec(page.text)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(new URL(script as string, `${api.baseUrl}/queues/`), { headers: { authorization: `Bearer ${api.adminKey}` } });
      expect(asset.status).toBe(200);

      const listed = await api.call<{ queues: { name: string }[] }>('GET', '/queues/api/queues');
      expect(listed.status).toBe(200);
      expect(listed.body.queues.map((queue) => queue.name)).toEqual(
        expect.arrayContaining(['reservation-expiry', 'ledger-checkpoint', 'sync-push-test-account']),
      );
    });

    it('follows the catalogue of every process: registered in one, listed; unregistered, gone', async () => {
      const names = async () => (await api.call<{ queues: { name: string }[] }>('GET', '/queues/api/queues')).body.queues.map((q) => q.name);
      const local = new Queue('sync-push-opened-by-api', { connection: redisConnectionOptions(TEST_REDIS_URL), prefix: redisKeyspace(api.config.queuePrefix).bullPrefix });
      const remote = new Queue('sync-push-removed-account', { connection: redisConnectionOptions(TEST_REDIS_URL), prefix: redisKeyspace(api.config.queuePrefix).bullPrefix });
      try {
        api.app.get(QueueCatalog).register(local);
        worker.get(QueueCatalog).register(remote);
        const listed = await eventually(names, (found) => found.includes('sync-push-removed-account'));
        expect(listed).toEqual(expect.arrayContaining(['sync-push-opened-by-api', 'sync-push-removed-account']));
        worker.get(QueueCatalog).unregister('sync-push-removed-account');
        expect(await eventually(names, (found) => !found.includes('sync-push-removed-account'))).not.toContain('sync-push-removed-account');
        expect(api.app.get(QueueCatalog).has('sync-push-removed-account')).toBe(false);
      } finally {
        api.app.get(QueueCatalog).unregister('sync-push-opened-by-api');
        await local.close();
        await remote.close();
      }
    });

    it('lets a browser in with ?key= once: a cookie for /queues only, and the key gone from the address', async () => {
      const first = await fetch(`${api.baseUrl}/queues?key=${api.adminKey}`, { redirect: 'manual' });
      expect(first.status).toBe(303);
      expect(first.headers.get('location')).toBe('/queues');
      const cookie = first.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^urikiri_queues_key=uk_[^;]+; Path=\/queues; HttpOnly; SameSite=Strict$/);
      const pair = cookie.split(';')[0];

      const withCookie = await fetch(`${api.baseUrl}/queues/api/queues`, { headers: { cookie: pair } });
      expect(withCookie.status).toBe(200);
      const page = await fetch(`${api.baseUrl}/queues`, { headers: { cookie: pair } });
      expect(page.status).toBe(200);

      const readOnly = await fetch(`${api.baseUrl}/queues?key=${readKey}`, { redirect: 'manual' });
      expect(readOnly.status).toBe(403);
      expect(readOnly.headers.get('set-cookie')).toBeNull();
      // The cookie is the board's alone: the API does not take it in place of a bearer key.
      expect((await fetch(`${api.baseUrl}/api/v1/products`, { headers: { cookie: pair } })).status).toBe(401);
    });
  });
});
