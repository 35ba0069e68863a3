import type { RedisConfig } from '../config/app-config';
import { findOnPath, type PrivateRedisServer, startPrivateRedisServer } from './private-redis-server';
import { redactedRedisUrl } from './redis-connection-options';
import { probeRedis } from './redis-probe';

/** Start-up stops on this; the message says what is wrong and how to fix it. */
export class RedisUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

export interface RedisAtStartup {
  readonly url: string;
  /** Present when this process started its own redis-server because none was running. */
  readonly privateServer?: PrivateRedisServer;
}

/**
 * The Redis the service will use. An explicit REDIS_URL is used as given or start-up stops; without
 * one, a missing Redis on the default address is replaced by a private redis-server when one is
 * installed, so `npm start` works on a machine that has Redis installed but not running.
 */
export async function redisAtStartup(config: RedisConfig, onPrivateStart: (url: string) => void): Promise<RedisAtStartup> {
  const probe = await probeRedis(config.url);
  if (probe.ok) return { url: config.url };
  const shown = redactedRedisUrl(config.url);
  if (config.explicit) {
    throw new RedisUnavailableError(
      `Redis at ${shown} (REDIS_URL) does not answer (${probe.reason}). ` +
        'Start Redis there, or set REDIS_URL to a Redis that is running.',
    );
  }
  const binary = findOnPath('redis-server');
  if (!binary) {
    throw new RedisUnavailableError(
      `Redis does not answer at ${shown}, the default used when REDIS_URL is not set (${probe.reason}), ` +
        'and no redis-server is on the PATH to start a private one. ' +
        'Install Redis (apt install redis-server, brew install redis) or set REDIS_URL to a Redis that is running.',
    );
  }
  const privateServer = await startPrivateRedisServer(binary);
  onPrivateStart(privateServer.url);
  return { url: privateServer.url, privateServer };
}
