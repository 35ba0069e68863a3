import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';

export const WORKSPACE_ROOT = resolve(__dirname, '../../..');
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * What every process of one installation shares: the database (a SQLite file in `directory` unless
 * DATABASE_URL says otherwise), the credentials key, and the queue prefix on the machine's Redis.
 */
export interface ServiceStorage {
  readonly directory: string;
  readonly queuePrefix: string;
  /** DATABASE_URL, CREDENTIALS_KEY, REDIS_URL and QUEUE_PREFIX, as every process of it is started with. */
  readonly env: Readonly<Record<string, string>>;
  /** Removes the queues and the directory; call once every process of the installation has stopped. */
  remove(): Promise<void>;
}

export interface CoreServiceProcess {
  /** Where the service listens now (a restart picks another free port); empty for a role without HTTP. */
  readonly url: string;
  /** The environment the service runs with: give it to the key command so both open one database. */
  readonly env: NodeJS.ProcessEnv;
  readonly directory: string;
  /** The operating system's process id, while it runs. */
  readonly pid: number | undefined;
  /** Stops the service and starts it again on the same database and queues, `meanwhile` run in between. */
  restart(meanwhile?: () => Promise<void>): Promise<void>;
  /** SIGKILL, as a crash or an out-of-memory kill ends a process: no shutdown hook runs. Resolves once it has exited. */
  kill(): Promise<void>;
  /** Stops the service; removes its database and queues too unless they were given (`storage`). */
  close(): Promise<void>;
}

export interface CoreServiceProcessOptions {
  /** Appends the service's log (stdout and stderr) to this file. */
  logFile?: string;
  /** Runs on this installation's database and queues, shared with other processes; a new one of its own otherwise. */
  storage?: ServiceStorage;
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

/** A new installation's storage: a temporary directory, a credentials key, a queue prefix of its own. */
export function createServiceStorage(): ServiceStorage {
  const directory = mkdtempSync(join(tmpdir(), 'urikiri-demo-test-'));
  const queuePrefix = `urikiri_demo_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  return {
    directory,
    queuePrefix,
    env: {
      DATABASE_URL: `sqlite:${join(directory, 'urikiri.sqlite')}`,
      CREDENTIALS_KEY: randomBytes(24).toString('hex'),
      REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
    },
    remove: async () => {
      await deleteQueueKeys(queuePrefix);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

function exited(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill(signal);
  });
}

/**
 * The core service's real entry point in a process of its own, as `npm start` runs it: by default its
 * own SQLite file and credentials key in a temporary directory, the machine's Redis under a queue
 * prefix of its own, a free port. Nothing is mocked; `close` leaves nothing behind. With `storage`,
 * several processes (each with its ROLE) make one installation.
 */
export async function startCoreServiceProcess(extraEnv: Record<string, string> = {}, options: CoreServiceProcessOptions = {}): Promise<CoreServiceProcess> {
  const storage = options.storage ?? createServiceStorage();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'] ?? '',
    SWC_NODE_PROJECT: join(WORKSPACE_ROOT, 'tsconfig.base.json'),
    ...storage.env,
    PORT: '0',
    LOG_LEVEL: 'info',
    ...extraEnv,
  };
  let child: ChildProcess | null = null;
  let url = '';
  const close = async () => {
    if (child) await exited(child, 'SIGTERM');
    if (!options.storage) await storage.remove();
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
    url = await startedUrl(child);
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
    get pid() {
      return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    env,
    directory: storage.directory,
    restart: async (meanwhile) => {
      if (child) await exited(child, 'SIGTERM');
      await meanwhile?.();
      await start();
    },
    kill: async () => {
      if (child) await exited(child, 'SIGKILL');
    },
    close,
  };
}

/**
 * Once the service has started: the URL of its `listening` log line, or '' for a role without HTTP
 * (its "Started without HTTP" line). Fails with its stderr when it exits first.
 */
function startedUrl(child: ChildProcess): Promise<string> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<string>((found, failed) => {
    const timer = setTimeout(() => failed(new Error(`the service did not start within 60 s: ${stderr}`)), 60_000);
    const onExit = (code: number | null) => failed(new Error(`the service exited (code ${code}) before it started: ${stderr}`));
    child.once('exit', onExit);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const listening = line.includes('"event":"listening"');
      if (!listening && !line.includes('Started without HTTP')) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      found(listening ? (JSON.parse(line) as { url: string }).url : '');
    });
  });
}
