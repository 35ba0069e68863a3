import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { probeRedis } from './redis-probe';

export interface PrivateRedisServer {
  readonly url: string;
  stop(): void;
}

/**
 * Runs between this process and redis-server and stops redis-server when its stdin closes. The pipe
 * closes however this process ends (signal, crash, kill -9), so the private Redis never outlives it.
 */
const WATCHDOG = `
const { spawn } = require('node:child_process');
const redis = spawn(process.argv[1], process.argv.slice(2), { stdio: ['ignore', 'ignore', 'inherit'] });
process.stdin.on('end', () => redis.kill('SIGTERM'));
process.stdin.on('error', () => redis.kill('SIGTERM'));
process.stdin.resume();
redis.on('exit', (code) => process.exit(code ?? 0));
`;

export function findOnPath(binary: string, path = process.env['PATH'] ?? ''): string | undefined {
  for (const directory of path.split(delimiter).filter(Boolean)) {
    const candidate = join(directory, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilAnswering(url: string, exited: () => string | undefined): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const exitReason = exited();
    if (exitReason) throw new Error(`redis-server stopped at once (${exitReason})`);
    if ((await probeRedis(url, 500)).ok) return;
    if (Date.now() > deadline) throw new Error('redis-server did not answer within 10 seconds');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts redis-server in memory only (no RDB, no AOF), for this process alone: on a free local port,
 * or on `port` (a Redis brought back where a client expects it, as after a restart).
 */
export async function startPrivateRedisServer(binary: string, port?: number): Promise<PrivateRedisServer> {
  port ??= await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'];
  const watchdog = spawn(process.execPath, ['-e', WATCHDOG, binary, ...args], { stdio: ['pipe', 'ignore', 'inherit'] });
  let exitReason: string | undefined;
  watchdog.on('exit', (code, signal) => (exitReason = `exit code ${code ?? signal}`));
  watchdog.on('error', (error) => (exitReason = error.message));

  const url = `redis://127.0.0.1:${port}`;
  const stop = () => watchdog.stdin?.end();
  try {
    await waitUntilAnswering(url, () => exitReason);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}
