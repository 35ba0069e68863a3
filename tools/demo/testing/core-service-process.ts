import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';

export const WORKSPACE_ROOT = resolve(__dirname, '../../..');
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export interface CoreServiceProcess {
  /** Where the service listens now (a restart picks another free port). */
  readonly url: string;
  /** The environment the service runs with: give it to the key command so both open one database. */
  readonly env: NodeJS.ProcessEnv;
  readonly directory: string;
  /** Stops the service and starts it again on the same database and queues, `meanwhile` run in between. */
  restart(meanwhile?: () => Promise<void>): Promise<void>;
  /** Stops the service, then removes its database and its queues. */
  close(): Promise<void>;
}

async function deleteQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      // Every key of an installation starts with its prefix in braces (docs/operations.md, Redis).
      const [next, keys] = await redis.scan(cursor, 'MATCH', `{${prefix}}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/**
 * The core service's real entry point in a process of its own, as `npm start` runs it: its own
 * SQLite file and credentials key in a temporary directory, the machine's Redis under a queue prefix
 * of its own, a free port. Nothing is mocked; `close` leaves nothing behind.
 */
export interface CoreServiceProcessOptions {
  /** Appends the service's log (stdout and stderr) to this file. */
  logFile?: string;
}

export async function startCoreServiceProcess(extraEnv: Record<string, string> = {}, options: CoreServiceProcessOptions = {}): Promise<CoreServiceProcess> {
  const directory = mkdtempSync(join(tmpdir(), 'urikiri-demo-test-'));
  const queuePrefix = `urikiri_demo_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'] ?? '',
    SWC_NODE_PROJECT: join(WORKSPACE_ROOT, 'tsconfig.base.json'),
    DATABASE_URL: `sqlite:${join(directory, 'urikiri.sqlite')}`,
    CREDENTIALS_KEY: randomBytes(24).toString('hex'),
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    PORT: '0',
    LOG_LEVEL: 'info',
    ...extraEnv,
  };
  let child: ChildProcess | null = null;
  let url = '';
  const close = async () => {
    if (child) await stopped(child);
    await deleteQueueKeys(queuePrefix);
    rmSync(directory, { recursive: true, force: true });
  };
  const start = async () => {
    child = spawn(process.execPath, ['-r', '@swc-node/register', join(WORKSPACE_ROOT, 'apps/core/src/main.ts')], {
      cwd: WORKSPACE_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (options.logFile) {
      const log = createWriteStream(options.logFile, { flags: 'a' });
      child.stdout?.pipe(log);
      child.stderr?.pipe(log);
    }
    url = await listeningUrl(child);
  };
  try {
    await start();
  } catch (error) {
    await close();
    throw error;
  }
  return {
    get url() {
      return url;
    },
    env,
    directory,
    restart: async (meanwhile) => {
      if (child) await stopped(child);
      await meanwhile?.();
      await start();
    },
    close,
  };
}

/** The URL of the service's `listening` log line; fails with its stderr when it exits first. */
function listeningUrl(child: ChildProcess): Promise<string> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<string>((found, failed) => {
    const timer = setTimeout(() => failed(new Error(`the service did not listen within 60 s: ${stderr}`)), 60_000);
    child.once('exit', (code) => failed(new Error(`the service exited (code ${code}) before listening: ${stderr}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (!line.includes('"event":"listening"')) return;
      clearTimeout(timer);
      found((JSON.parse(line) as { url: string }).url);
    });
  });
}
