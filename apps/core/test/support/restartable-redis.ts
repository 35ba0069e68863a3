import { Redis } from 'ioredis';
import { findOnPath, type PrivateRedisServer, startPrivateRedisServer } from '../../src/redis/private-redis-server';
import { probeRedisUrl } from '../../src/redis/redis-probe';
import { eventually } from './eventually';

/**
 * A redis-server of the test's own (never the machine's shared one), on a fixed port, that can crash
 * and come back empty on the same address, as a Redis without persistence does when it restarts.
 */
export interface RestartableRedis {
  readonly url: string;
  /** SHUTDOWN NOSAVE: every key is gone, clients see their connections drop. */
  crash(): Promise<void>;
  /** A fresh, empty redis-server on the same port. */
  restart(): Promise<void>;
  stop(): void;
}

export async function startRestartableRedis(): Promise<RestartableRedis> {
  const binary = findOnPath('redis-server');
  if (!binary) throw new Error('redis-server is not on the PATH: the Redis restart scenario needs one of its own');
  let server: PrivateRedisServer | undefined = await startPrivateRedisServer(binary);
  const url = server.url;
  const port = Number(new URL(url).port);
  return {
    url,
    async crash() {
      const client = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined);
      // The server closes the connection instead of answering.
      await client.call('SHUTDOWN', 'NOSAVE').catch(() => undefined);
      client.disconnect();
      const down = await eventually(async () => (await probeRedisUrl(url, 200)).ok, (ok) => !ok, 5000, 50);
      if (down) throw new Error(`redis-server on port ${port} did not stop`);
      server = undefined;
    },
    async restart() {
      server = await startPrivateRedisServer(binary, { port });
    },
    stop() {
      server?.stop();
      server = undefined;
    },
  };
}
