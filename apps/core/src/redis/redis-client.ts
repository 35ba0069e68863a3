import { Cluster, Redis } from 'ioredis';
import type { RedisConfig } from '../config/app-config';
import { clusterOptions, standaloneOptions } from './redis-connection-options';

/** A connection to the installation's Redis, whatever its topology; both speak the same commands. */
export type RedisClient = Redis | Cluster;

/** How a connection behaves, chosen by its user (fail fast, wait for Redis, connect later). */
export interface RedisClientTuning {
  readonly lazyConnect?: boolean;
  readonly enableOfflineQueue?: boolean;
  readonly maxRetriesPerRequest?: number | null;
  readonly commandTimeout?: number;
  readonly connectTimeout?: number;
  /** Only `false`: give up at the first failed connection instead of reconnecting. */
  readonly reconnect?: false;
}

/**
 * The one place connections are made: a Redis, a Redis Cluster or a Sentinel-managed master, from the
 * configuration, with the caller's tuning applied where that topology expects it.
 */
export function createRedisClient(redis: RedisConfig, tuning: RedisClientTuning = {}): RedisClient {
  const { lazyConnect, enableOfflineQueue, reconnect, ...perConnection } = tuning;
  const noRetry = () => null;
  if (redis.mode === 'cluster') {
    const { nodes, redisOptions } = clusterOptions(redis.nodes);
    return new Cluster(nodes, {
      ...(lazyConnect !== undefined && { lazyConnect }),
      ...(enableOfflineQueue !== undefined && { enableOfflineQueue }),
      ...(reconnect === false && { clusterRetryStrategy: noRetry }),
      redisOptions: { ...redisOptions, ...perConnection },
    });
  }
  return new Redis({
    ...standaloneOptions(redis),
    ...perConnection,
    ...(lazyConnect !== undefined && { lazyConnect }),
    ...(enableOfflineQueue !== undefined && { enableOfflineQueue }),
    ...(reconnect === false && { retryStrategy: noRetry, sentinelRetryStrategy: noRetry }),
  });
}
