import { Redis } from 'ioredis';
import { loadConfig } from '../../config/load-config';
import { redisKeyspace } from '../../redis/redis-keyspace';
import { RateLimiter } from './rate-limiter';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('RateLimiter (Redis)', () => {
  const prefix = `urikiri_test_rl_${process.pid}`;
  const limiter = new RateLimiter(loadConfig({ REDIS_URL, QUEUE_PREFIX: prefix }));
  const other = new RateLimiter(loadConfig({ REDIS_URL, QUEUE_PREFIX: prefix }));

  beforeAll(async () => {
    await limiter.onModuleInit();
    await other.onModuleInit();
  });

  afterAll(async () => {
    limiter.onApplicationShutdown();
    other.onApplicationShutdown();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(redisKeyspace(prefix).key('*'));
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('allows a burst of the whole minute, then one request per 1/limit of a minute, shared by every process', async () => {
    const decisions = [];
    for (let i = 0; i < 120; i++) decisions.push(await (i % 2 === 0 ? limiter : other).take('key:burst', 120));
    expect(decisions.every((d) => d.allowed)).toBe(true);
    expect(decisions[0].remaining).toBe(119);
    expect(decisions[119].remaining).toBe(0);
    const refused = await other.take('key:burst', 120);
    expect(refused).toMatchObject({ allowed: false, limit: 120, remaining: 0 });
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(500);
    await new Promise((resolve) => setTimeout(resolve, refused.retryAfterMs + 50));
    expect((await limiter.take('key:burst', 120)).allowed).toBe(true);
    expect((await limiter.take('key:burst', 120)).allowed).toBe(false);
  });

  it('keeps buckets apart, and lets requests through when Redis does not answer', async () => {
    expect((await limiter.take('ip:203.0.113.9', 1)).allowed).toBe(true);
    expect((await limiter.take('ip:203.0.113.9', 1)).allowed).toBe(false);
    expect((await limiter.take('ip:203.0.113.10', 1)).allowed).toBe(true);
    // Never connected: every command fails at once, as while Redis is away.
    const unreachable = new RateLimiter(loadConfig({ REDIS_URL: 'redis://127.0.0.1:1', QUEUE_PREFIX: prefix }));
    try {
      expect(await unreachable.take('ip:203.0.113.9', 1)).toMatchObject({ allowed: true });
    } finally {
      unreachable.onApplicationShutdown();
    }
  });
});
