import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PrivateRedisServer, startPrivateRedisServer } from '../../src/redis/private-redis-server';
import { requiredOnPath } from './redis-binaries';

export interface LocalRedisSentinel {
  /** `redis://127.0.0.1:<port>` of the Sentinel, as REDIS_SENTINELS takes it. */
  readonly sentinel: string;
  /** The master group the Sentinel watches. */
  readonly name: string;
  stop(): void;
}

/**
 * A master and one Sentinel watching it, on free local ports, in memory. The Sentinel's configuration
 * file lives in a temporary directory, since a Sentinel rewrites it; both servers run behind the
 * private server's watchdog, so neither outlives the test process.
 */
export async function startRedisSentinel(name: string): Promise<LocalRedisSentinel> {
  const binary = requiredOnPath('redis-server');
  const directory = mkdtempSync(join(tmpdir(), 'urikiri-redis-sentinel-'));
  const servers: PrivateRedisServer[] = [];
  const stop = () => {
    for (const server of servers) server.stop();
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    const master = await startPrivateRedisServer(binary);
    servers.push(master);
    const configFile = join(directory, 'sentinel.conf');
    writeFileSync(configFile, `sentinel monitor ${name} 127.0.0.1 ${new URL(master.url).port} 1\n`);
    const sentinel = await startPrivateRedisServer(binary, { configFile, extraArgs: ['--sentinel'] });
    servers.push(sentinel);
    return { sentinel: sentinel.url, name, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
