import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServiceProcess, startServiceProcess } from './support/service-process';
import { TEST_REDIS_URL } from './support/test-app';

const UNUSED_REDIS_URL = 'redis://127.0.0.1:1';
// Each test starts the TypeScript entry point in a fresh process, compiling it on the way.
const PROCESS_TIMEOUT_MS = 150_000;

describe('start-up of the service process', () => {
  const started: ServiceProcess[] = [];
  const start = (env: Record<string, string>, cwd?: string) => {
    const service = startServiceProcess(env, cwd);
    started.push(service);
    return service;
  };

  // A failed expectation must not leave a service running behind the test run.
  afterAll(() => {
    for (const service of started) if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
  });

  it('stops on a wrong variable with a sentence naming it', async () => {
    const service = start({ PORT: 'eighty', ROLE: 'web' });
    expect(await service.exited).toEqual({ code: 1, signal: null });
    expect(service.stderr()).toBe(
      'urikiri cannot start: PORT must be an integer from 0 to 65535, but "eighty" is not.\n' +
        'ROLE must be one of api, worker, scheduler, all, but "web" is not.\n',
    );
  }, PROCESS_TIMEOUT_MS);

  it('stops when the Redis named in REDIS_URL does not answer, saying so and how to fix it', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'urikiri-start-'));
    try {
      const service = start({ REDIS_URL: UNUSED_REDIS_URL, DATABASE_URL: `sqlite:${join(directory, 'db.sqlite')}` });
      expect((await service.exited).code).toBe(1);
      expect(service.stderr()).toContain(`urikiri cannot start: Redis at ${UNUSED_REDIS_URL} (REDIS_URL) does not answer (connect ECONNREFUSED 127.0.0.1:1)`);
      expect(service.stderr()).toContain('set REDIS_URL to a Redis that is running');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, PROCESS_TIMEOUT_MS);

  describe('first start on the embedded default', () => {
    const directory = mkdtempSync(join(tmpdir(), 'urikiri-first-'));
    const env = {
      PORT: '0',
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: `urikiri_test_first_${process.pid}`,
    };

    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    it('creates ./data, prints an admin key once that works, and shuts down gracefully', async () => {
      const first = start(env, directory);
      const created = await first.waitFor((record) => record['event'] === 'admin-key-created');
      const listening = await first.waitFor((record) => record['event'] === 'listening');
      const apiKey = String(created['apiKey']);
      expect(apiKey).toMatch(/^uk_/);
      expect(created['createAnother']).toBe('node tools/scripts/key.js create --scopes read,write');

      const base = String(listening['url']);
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect((await fetch(`${base}/api/v1/locations`, { headers: { authorization: `Bearer ${apiKey}` } })).status).toBe(200);

      first.child.kill('SIGTERM');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGTERM' });
      expect(first.records.some((record) => record['msg'] === 'Shutting down: finishing running jobs and requests, then closing connections')).toBe(true);

      const second = start(env, directory);
      await second.waitFor((record) => record['event'] === 'listening');
      expect(second.records.some((record) => record['event'] === 'admin-key-created')).toBe(false);
      second.child.kill('SIGTERM');
      await second.exited;
    }, PROCESS_TIMEOUT_MS);
  });
});
