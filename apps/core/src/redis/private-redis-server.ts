import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { probeRedisUrl } from './redis-probe';

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

export function freePort(): Promise<number> {
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
    if ((await probeRedisUrl(url, 500)).ok) return;
    if (Date.now() > deadline) throw new Error('redis-server did not answer within 10 seconds');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What a test's server needs beyond the defaults: a cluster node, a Sentinel, or a fixed port. */
export interface PrivateRedisServerOptions {
  /** A configuration file, which redis-server takes only as its first argument (a Sentinel needs one it can rewrite). */
  readonly configFile?: string;
  /** Further options, e.g. `--cluster-enabled yes`, `--sentinel`. */
  readonly extraArgs?: readonly string[];
  /** This port instead of a free one: a Redis brought back where a client expects it, as after a restart. */
  readonly port?: number;
}

/** Starts redis-server in memory only (no RDB, no AOF), for this process alone, on a free local port or `port`. */
export async function startPrivateRedisServer(binary: string, options: PrivateRedisServerOptions = {}): Promise<PrivateRedisServer> {
  const port = options.port ?? (await freePort());
  const args = [
    ...(options.configFile ? [options.configFile] : []),
    ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
    ...(options.extraArgs ?? []),
  ];
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
