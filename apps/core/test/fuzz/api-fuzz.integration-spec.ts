import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type Dialect, type TestApp } from '../support/test-app';
import { createFuzzFixture, type FuzzFixture } from './fuzz-fixture';
import { runFuzz, summariseFailures } from './run-fuzz';
import { snapshot } from './state-snapshot';

/**
 * Malformed requests to every route of the OpenAPI document and to the channel webhook, against the
 * real service on PostgreSQL and SQLite with Redis. `npm test` sends a few per route (FUZZ_RUNS,
 * 30 by default); `npm run fuzz` sends thousands. FUZZ_SEED replays a run.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 30);
const SEED = Number(process.env['FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const REPORT_DIR = process.env['FUZZ_REPORT_DIR'];

// Background work that runs on its own clock would move the snapshot; the fuzz wants only its requests.
const QUIET = {
  ORDER_POLL_INTERVAL_MS: '3600000',
  RECONCILE_INTERVAL_MS: '604800000',
  LEDGER_CHECKPOINT_INTERVAL_MS: '604800000',
  PUSH_RETRY_MAX_MS: '2000',
  RATE_LIMIT_PER_KEY: '0',
  RATE_LIMIT_PER_IP: '0',
};

describe.each<Dialect>(['postgresql', 'sqlite'])('malformed requests on %s', (dialect) => {
  let app: TestApp;
  let fixture: FuzzFixture;

  beforeAll(async () => {
    app = await startTestApp(dialect, QUIET);
    fixture = await createFuzzFixture(app);
  }, 120_000);

  afterAll(async () => {
    await fixture?.close();
    await app?.close();
  });

  it(
    'answers every one with a 4xx naming what is wrong, never a 5xx, and changes nothing',
    async () => {
      const before = await snapshot(app);
      const report = await runFuzz(app, fixture, RUNS, SEED);
      const after = await snapshot(app);
      const summary = { dialect, ...report, failures: summariseFailures(report.failures).slice(0, 30) };
      if (REPORT_DIR) {
        mkdirSync(REPORT_DIR, { recursive: true });
        writeFileSync(join(REPORT_DIR, `fuzz-${dialect}.json`), `${JSON.stringify(summary, null, 2)}\n`);
      }
      process.stdout.write(`${JSON.stringify({ dialect, seed: report.seed, routes: report.routes, requests: report.requests, byStatus: report.byStatus, serverErrors: report.serverErrors, failures: report.failures.length, seconds: report.seconds })}\n`);
      expect(summary.failures).toEqual([]);
      expect(report.serverErrors).toBe(0);
      expect(after).toEqual(before);
    },
    Math.max(120_000, RUNS * 2_000),
  );
});
