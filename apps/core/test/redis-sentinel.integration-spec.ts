import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { loadConfig } from '../src/config/load-config';
import { QueueName } from '../src/queue/queue-names';
import { RedisUnavailableError, redisAtStartup } from '../src/redis/redis-startup';
import { SyncJob } from '../src/sync/pipeline/sync-jobs';
import { eventually } from './support/eventually';
import { type LocalRedisSentinel, startRedisSentinel } from './support/redis-sentinel';
import { startTestApp, type TestApp } from './support/test-app';

/** The service reaching its Redis through a real Sentinel, as REDIS_SENTINELS and REDIS_SENTINEL_NAME say. */
describe('through Redis Sentinel', () => {
  let sentinel: LocalRedisSentinel;
  let api: TestApp;

  beforeAll(async () => {
    sentinel = await startRedisSentinel('urikiri-test');
    api = await startTestApp('sqlite', { REDIS_URL: '', REDIS_SENTINELS: sentinel.sentinel, REDIS_SENTINEL_NAME: sentinel.name });
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    sentinel?.stop();
  });

  it('runs a job, counts requests and reports Redis healthy on the master the Sentinel names', async () => {
    expect(api.config.redis.mode).toBe('sentinel');
    const maintenance = api.app.get<Queue>(getQueueToken(QueueName.SyncMaintenance));
    const job = await maintenance.add(SyncJob.Retention, {});
    expect(await eventually(() => job.getState(), (state) => state === 'completed')).toBe('completed');
    const health = await api.call('GET', '/health', { key: null });
    expect(health.body).toMatchObject({ info: { redis: { status: 'up' } } });
    expect(health.headers.get('ratelimit-remaining')).toBeNull();
    const answer = await api.call('GET', '/api/v1/products');
    expect(answer.headers.get('ratelimit-remaining')).toBe('5999');
  });

  it('stops start-up, naming the variable, when the Sentinel watches no master of that name', async () => {
    const config = loadConfig({ REDIS_SENTINELS: sentinel.sentinel, REDIS_SENTINEL_NAME: 'no-such-master' });
    const refused = redisAtStartup(config.redis, () => undefined);
    await expect(refused).rejects.toThrow(RedisUnavailableError);
    await expect(refused).rejects.toThrow(
      `the Redis master "no-such-master" of the Sentinels at ${new URL(sentinel.sentinel).host} (REDIS_SENTINELS) does not answer`,
    );
  });
});
