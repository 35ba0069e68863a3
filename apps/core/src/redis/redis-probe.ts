import type { RedisConfig } from '../config/app-config';
import { createRedisClient } from './redis-client';

/** One PING with no retries: answers whether Redis is usable right now, and if not, why. */
export async function probeRedis(redis: RedisConfig, timeoutMs = 2000): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = createRedisClient(redis, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    reconnect: false,
    enableOfflineQueue: false,
  });
  // The event carries the cause (ECONNREFUSED, ENOTFOUND, auth); the rejected call only says "closed".
  let cause: Error | undefined;
  client.on('error', (error: Error) => (cause ??= error));
  const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref());
  try {
    await Promise.race([
      (async () => {
        await client.connect();
        await client.ping();
      })(),
      deadline,
    ]);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (cause ?? (error as Error)).message };
  } finally {
    client.disconnect();
  }
}

/** The probe of one server by URL (the default address, a private redis-server). */
export function probeRedisUrl(url: string, timeoutMs?: number): ReturnType<typeof probeRedis> {
  return probeRedis({ mode: 'single', url, explicit: true }, timeoutMs);
}
