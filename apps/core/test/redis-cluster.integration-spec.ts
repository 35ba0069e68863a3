import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Cluster } from 'ioredis';
import { SessionStore } from '../src/auth/session.store';
import { SyncMetrics } from '../src/observability/sync-metrics';
import { QueueName } from '../src/queue/queue-names';
import { redisKeyspace } from '../src/redis/redis-keyspace';
import { RateLimiter } from '../src/security/rate-limit/rate-limiter';
import { AccountIngestionLock } from '../src/sync/pipeline/account-ingestion-lock';
import { PushQueues } from '../src/sync/pipeline/push-queues';
import { SyncJob } from '../src/sync/pipeline/sync-jobs';
import { eventually } from './support/eventually';
import { type LocalRedisCluster, startRedisCluster } from './support/redis-cluster';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The whole service (API, workers and schedulers in one process) on a real three-master Redis
 * Cluster. A cluster refuses any script, transaction or pipeline whose keys lie in different slots
 * (CROSSSLOT), and BullMQ's scripts touch many keys at once: every step below would fail if one key
 * of the installation fell outside its hash tag.
 */
describe('on a Redis Cluster', () => {
  let cluster: LocalRedisCluster;
  let api: TestApp;
  let redis: Cluster;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    api = await startTestApp('sqlite', { REDIS_URL: '', REDIS_CLUSTER_NODES: cluster.nodes.join(',') });
    redis = new Cluster(cluster.nodes.map((url) => ({ host: '127.0.0.1', port: Number(new URL(url).port) })));
  }, 60_000);

  afterAll(async () => {
    redis?.disconnect();
    await api?.close();
    cluster?.stop();
  });

  const keyspace = () => redisKeyspace(api.config.queuePrefix);

  /** Every key on every master that names this installation. */
  async function installationKeys(): Promise<string[]> {
    const found: string[] = [];
    for (const node of redis.nodes('master')) {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', `*${api.config.queuePrefix}*`, 'COUNT', 1000);
        found.push(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
    return found;
  }

  it('is configured as a cluster and reported healthy', async () => {
    expect(api.config.redis.mode).toBe('cluster');
    const health = await api.call('GET', '/health', { key: null });
    expect(health.body).toMatchObject({ info: { redis: { status: 'up' } } });
  });

  it('runs a job through a queue of the queue module, with the installation prefix', async () => {
    const maintenance = api.app.get<Queue>(getQueueToken(QueueName.SyncMaintenance));
    expect(maintenance.opts.prefix).toBe(keyspace().bullPrefix);
    const job = await maintenance.add(SyncJob.Retention, {});
    expect(await eventually(() => job.getState(), (state) => state === 'completed')).toBe('completed');
    expect((await maintenance.getJob(job.id as string))?.returnvalue).toEqual({ orderLines: 0, events: 0 });
  });

  it('opens a per-account push queue at run time and lists it for every process', async () => {
    const pushQueue = api.app.get(PushQueues, { strict: false }).get('cluster-account');
    await pushQueue.add(SyncJob.Push, { accountId: 'cluster-account' }, { delay: 60_000 });
    expect(await pushQueue.getJobCounts('delayed')).toEqual({ delayed: 1 });
    const recorded = await eventually(() => redis.smembers(keyspace().key('metrics', 'queues')), (names) => names.includes('sync-push-cluster-account'));
    expect(recorded).toContain('sync-push-cluster-account');
  });

  it('counts requests in the rate limiter, directly and through the HTTP guard', async () => {
    const limiter = api.app.get(RateLimiter, { strict: false });
    const decisions = [];
    for (let i = 0; i < 3; i++) decisions.push(await limiter.take('ip:198.51.100.7', 2));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
    expect(await redis.exists(keyspace().key('rate-limit', 'ip:198.51.100.7'))).toBe(1);
    // Through the guard: one request taken from its key's bucket. Without Redis the limiter lets the
    // request through uncounted and reports the whole bucket left.
    const answer = await api.call('GET', '/api/v1/products');
    expect([answer.headers.get('ratelimit-limit'), answer.headers.get('ratelimit-remaining')]).toEqual(['6000', '5999']);
  });

  it('adds up sync metrics and reads them back', async () => {
    const metrics = api.app.get(SyncMetrics);
    const labels = { account: 'cluster-account', channel: 'testshop' };
    await metrics.observe('push', labels, 120);
    await metrics.increment('pushes', labels, 3);
    const snapshot = await metrics.snapshot();
    expect(snapshot.counters).toContainEqual({ metric: 'pushes', ...labels, value: 3 });
    expect(snapshot.latency.find((series) => series.metric === 'push' && series.account === 'cluster-account')).toMatchObject({ count: 1, sumMs: 120 });
  });

  it('holds the ingestion lease of an account for one holder at a time, and releases it', async () => {
    const lock = api.app.get(AccountIngestionLock, { strict: false });
    const key = keyspace().key('ingestion-lock', 'cluster-account');
    const order: string[] = [];
    const hold = (name: string) =>
      lock.run('cluster-account', async () => {
        order.push(`${name} in`);
        expect(await redis.exists(key)).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 100));
        order.push(`${name} out`);
      });
    await Promise.all([hold('a'), hold('b')]);
    expect([
      ['a in', 'a out', 'b in', 'b out'],
      ['b in', 'b out', 'a in', 'a out'],
    ]).toContainEqual(order);
    expect(await redis.exists(key)).toBe(0);
  });

  it('keeps dashboard sessions', async () => {
    const sessions = api.app.get(SessionStore, { strict: false });
    const token = await sessions.open(42);
    expect(await sessions.apiKeyIdOf(token)).toBe(42);
    await sessions.close(token);
    expect(await sessions.apiKeyIdOf(token)).toBeNull();
  });

  it('keeps every key of the installation in the one slot of its hash tag', async () => {
    const keys = await installationKeys();
    const families = new Set(keys.map((key) => key.split(':')[1]));
    for (const family of ['sync-maintenance', 'sync-push-cluster-account', 'sync-allocation', 'metrics', 'rate-limit']) expect(families).toContain(family);
    const tagSlot = await redis.cluster('KEYSLOT', keyspace().bullPrefix);
    for (const key of keys) {
      expect(key.startsWith(`${keyspace().bullPrefix}:`)).toBe(true);
      expect(await redis.cluster('KEYSLOT', key)).toBe(tagSlot);
    }
  });
});
