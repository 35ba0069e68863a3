import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOnPath } from './private-redis-server';
import { probeRedisUrl } from './redis-probe';
import { RedisUnavailableError, redisAtStartup } from './redis-startup';

const NOTHING_LISTENS = 'redis://127.0.0.1:1';

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('Redis at start-up', () => {
  const originalPath = process.env['PATH'];
  afterEach(() => {
    process.env['PATH'] = originalPath;
  });

  it('uses a Redis that answers', async () => {
    const started: string[] = [];
    const redis = await redisAtStartup({ mode: 'single', url: 'redis://127.0.0.1:6379', explicit: true }, (url) => started.push(url));
    expect(redis).toEqual({ redis: { mode: 'single', url: 'redis://127.0.0.1:6379', explicit: true } });
    expect(started).toEqual([]);
  });

  it('stops when an explicit REDIS_URL does not answer, even with redis-server installed', async () => {
    await expect(redisAtStartup({ mode: 'single', url: NOTHING_LISTENS, explicit: true }, () => undefined)).rejects.toThrow(
      new RedisUnavailableError(
        `Redis at ${NOTHING_LISTENS} (REDIS_URL) does not answer (connect ECONNREFUSED 127.0.0.1:1). ` +
          'Start Redis there, or set REDIS_URL to a Redis that is running.',
      ),
    );
  });

  it('says how to install Redis when none answers and no redis-server is on the PATH', async () => {
    process.env['PATH'] = mkdtempSync(join(tmpdir(), 'urikiri-empty-path-'));
    try {
      await expect(redisAtStartup({ mode: 'single', url: NOTHING_LISTENS, explicit: false }, () => undefined)).rejects.toThrow(
        /no redis-server is on the PATH to start a private one\. Install Redis \(apt install redis-server, brew install redis\)/,
      );
    } finally {
      rmSync(process.env['PATH'], { recursive: true, force: true });
    }
  });

  it('starts a private redis-server when REDIS_URL is not set and nothing answers, and stops it', async () => {
    const installed = findOnPath('redis-server');
    expect(installed).toBeDefined();
    // Only this redis-server on the PATH: proves the lookup, not just the machine's default.
    const directory = mkdtempSync(join(tmpdir(), 'urikiri-path-'));
    symlinkSync(installed as string, join(directory, 'redis-server'));
    process.env['PATH'] = directory;
    const started: string[] = [];
    try {
      const redis = await redisAtStartup({ mode: 'single', url: NOTHING_LISTENS, explicit: false }, (url) => started.push(url));
      const url = redis.redis.mode === 'single' ? redis.redis.url : '';
      expect(started).toEqual([url]);
      expect(url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
      expect(await probeRedisUrl(url)).toEqual({ ok: true });
      redis.privateServer?.stop();
      expect(await until(async () => !(await probeRedisUrl(url, 200)).ok)).toBe(true);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 20_000);
});
