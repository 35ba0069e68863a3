import { Redis } from 'ioredis';
import { redisConnectionOptions } from './redis-connection-options';

/** One PING with no retries: answers whether Redis at `url` is usable right now, and if not, why. */
export async function probeRedis(url: string, timeoutMs = 2000): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new Redis({
    ...redisConnectionOptions(url),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // The event carries the cause (ECONNREFUSED, ENOTFOUND, auth); the rejected call only says "closed".
  let cause: Error | undefined;
  client.on('error', (error: Error) => (cause ??= error));
  try {
    await client.connect();
    await client.ping();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (cause ?? (error as Error)).message };
  } finally {
    client.disconnect();
  }
}
