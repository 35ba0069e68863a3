import type { RedisOptions } from 'ioredis';

/** The longest wait between two attempts to reconnect. */
const RECONNECT_MAX_DELAY_MS = 2000;

/**
 * Delay before reconnect attempt `attempt` (1, 2, …): short, and never longer than two seconds.
 * BullMQ's own default grows to twenty seconds, which would keep queues and workers idle that long
 * after a Redis outage ended.
 */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(attempt * 200, RECONNECT_MAX_DELAY_MS);
}

/** ioredis options from a `redis://[user:password@]host[:port][/db]` or `rediss://` URL. */
export function redisConnectionOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace(/^\//, '');
  return {
    retryStrategy: reconnectDelayMs,
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username && { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password && { password: decodeURIComponent(parsed.password) }),
    ...(db && { db: Number(db) }),
    ...(parsed.protocol === 'rediss:' && { tls: {} }),
  };
}

/** The URL without its credentials, for messages and logs. */
export function redactedRedisUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
