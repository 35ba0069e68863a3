import type { RedisConfig } from '../config/app-config';
import { findOnPath, type PrivateRedisServer, startPrivateRedisServer } from './private-redis-server';
import { describeRedis, redactedRedisUrl } from './redis-connection-options';
import { probeRedis } from './redis-probe';

/** Start-up stops on this; the message says what is wrong and how to fix it. */
export class RedisUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

export interface RedisAtStartup {
  /** The Redis to use: as configured, or the private redis-server started in its place. */
  readonly redis: RedisConfig;
  /** Present when this process started its own redis-server because none was running. */
  readonly privateServer?: PrivateRedisServer;
}

const FIX: Record<RedisConfig['mode'], string> = {
  single: 'Start Redis there, or set REDIS_URL to a Redis that is running.',
  cluster: 'Check that the nodes run with cluster-enabled and the cluster is formed, or correct REDIS_CLUSTER_NODES.',
  sentinel: 'Check that the Sentinels run and watch a master of that name (REDIS_SENTINEL_NAME), or correct REDIS_SENTINELS.',
};

/**
 * The Redis the service will use. A configured Redis (REDIS_URL, a cluster, Sentinels) is used as given
 * or start-up stops; without any, a missing Redis on the default address is replaced by a private
 * redis-server when one is installed, so `npm start` works on a machine that has Redis installed but
 * not running.
 */
export async function redisAtStartup(config: RedisConfig, onPrivateStart: (url: string) => void): Promise<RedisAtStartup> {
  const probe = await probeRedis(config);
  if (probe.ok) return { redis: config };
  if (config.mode !== 'single' || config.explicit) {
    throw new RedisUnavailableError(`${describeRedis(config)} does not answer (${probe.reason}). ${FIX[config.mode]}`);
  }
  const binary = findOnPath('redis-server');
  if (!binary) {
    throw new RedisUnavailableError(
      `Redis does not answer at ${redactedRedisUrl(config.url)}, the default used when REDIS_URL is not set (${probe.reason}), ` +
        'and no redis-server is on the PATH to start a private one. ' +
        'Install Redis (apt install redis-server, brew install redis) or set REDIS_URL to a Redis that is running.',
    );
  }
  const privateServer = await startPrivateRedisServer(binary);
  onPrivateStart(privateServer.url);
  return { redis: { ...config, url: privateServer.url }, privateServer };
}
