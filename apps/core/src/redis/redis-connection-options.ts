import type { ClusterNode, RedisOptions } from 'ioredis';
import type { RedisConfig } from '../config/app-config';

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

function addressOf(url: string): { host: string; port: number } {
  const { host, port } = redisConnectionOptions(url);
  return { host: host as string, port: port as number };
}

/** What every connection needs beyond an address: user, password, database, TLS (the same for every URL). */
function credentialsOf(urls: readonly string[]): RedisOptions {
  const { host: _host, port: _port, ...rest } = redisConnectionOptions(urls[0]);
  return rest;
}

/** ioredis options for one server (REDIS_URL) or for the master the Sentinels name (REDIS_SENTINELS). */
export function standaloneOptions(redis: Exclude<RedisConfig, { mode: 'cluster' }>): RedisOptions {
  if (redis.mode === 'single') return redisConnectionOptions(redis.url);
  const { tls, ...credentials } = credentialsOf(redis.sentinels);
  return {
    ...credentials,
    sentinels: redis.sentinels.map(addressOf),
    name: redis.name,
    ...(redis.sentinelPassword !== undefined && { sentinelPassword: redis.sentinelPassword }),
    // rediss:// means TLS everywhere: to the Sentinels and to the master they name.
    ...(tls && { tls, sentinelTLS: tls, enableTLSForSentinelMode: true }),
  };
}

/** The seed nodes of REDIS_CLUSTER_NODES, and the options of every node connection. */
export function clusterOptions(nodes: readonly string[]): { nodes: ClusterNode[]; redisOptions: RedisOptions } {
  return { nodes: nodes.map(addressOf), redisOptions: credentialsOf(nodes) };
}

/** Where Redis is, for messages: which servers, and the variable that named them. No credentials. */
export function describeRedis(redis: RedisConfig): string {
  const hosts = (urls: readonly string[]) => urls.map((url) => new URL(url).host).join(', ');
  switch (redis.mode) {
    case 'single':
      return `Redis at ${redactedRedisUrl(redis.url)} (REDIS_URL)`;
    case 'cluster':
      return `the Redis Cluster at ${hosts(redis.nodes)} (REDIS_CLUSTER_NODES)`;
    case 'sentinel':
      return `the Redis master "${redis.name}" of the Sentinels at ${hosts(redis.sentinels)} (REDIS_SENTINELS)`;
  }
}
