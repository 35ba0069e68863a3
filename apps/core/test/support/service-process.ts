import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(__dirname, '../../../..');
const MAIN = join(ROOT, 'apps/core/src/main.ts');
const SWC_REGISTER = require.resolve('@swc-node/register', { paths: [ROOT] });

export interface ServiceProcess {
  readonly child: ChildProcess;
  /** Every JSON log line so far. */
  readonly records: Array<Record<string, unknown>>;
  readonly stderr: () => string;
  /** Resolves with the first log record that matches, or rejects when the process exits first. */
  waitFor(match: (record: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The service's real entry point in a process of its own, as `npm start` runs it. */
export function startServiceProcess(env: Record<string, string>, cwd = ROOT): ServiceProcess {
  const child = spawn(process.execPath, ['-r', SWC_REGISTER, MAIN], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const records: Array<Record<string, unknown>> = [];
  const waiters: Array<{ match: (record: Record<string, unknown>) => boolean; resolve: (record: Record<string, unknown>) => void }> = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    records.push(record);
    for (const waiter of [...waiters]) {
      if (waiter.match(record)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(record);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return {
    child,
    records,
    stderr: () => stderr,
    exited,
    waitFor(match, timeoutMs = 60_000) {
      const seen = records.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolveRecord, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching log line within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        waiters.push({
          match,
          resolve: (record) => {
            clearTimeout(timer);
            resolveRecord(record);
          },
        });
        void exited.then(({ code }) => {
          clearTimeout(timer);
          reject(new Error(`the service exited (code ${code}) first; stderr: ${stderr}`));
        });
      });
    },
  };
}
