import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { InsufficientStockError } from './ledger-errors';
import { InventoryLedger } from './inventory-ledger';
import { StockQueryService } from '../queries/stock-query.service';
import { LedgerReplayVerifier } from '../replay/ledger-replay-verifier';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { seedCatalog } from '../testing/seed';

const run = promisify(execFile);
const workspaceRoot = join(__dirname, '../../../..');

async function prepare(db: TestDatabase, units: number): Promise<void> {
  const { catalog, ledger } = await seedCatalog(db.orm);
  await catalog.createProduct({ code: 'HOT-1', name: '限定品' });
  await ledger.receive({ idempotencyKey: 'stock', sku: 'HOT-1', location: 'TOKYO', quantity: units });
}

async function expectSoldOutExactly(db: TestDatabase, units: number): Promise<void> {
  const stock = await new StockQueryService(db.orm).stock('HOT-1');
  expect(stock).toMatchObject({ onHand: units, reserved: units, available: 0 });
  expect(await new StockQueryService(db.orm).oversellCount()).toEqual({ events: 0, units: 0, openUnits: 0 });
  expect((await new LedgerReplayVerifier(db.orm).verify()).consistent).toBe(true);
}

describe('a hot SKU under concurrent reservations', () => {
  let db: TestDatabase;
  afterEach(() => db.drop());

  it('PostgreSQL: 1,000 reservations over 4 connection pools against 100 units → exactly 100 succeed', async () => {
    db = await createTestDatabase('postgresql');
    await prepare(db, 100);
    // One transaction per reservation (no group commit): 1,000 transactions race on the row.
    const ledgers = await Promise.all(
      Array.from({ length: 4 }, async () => new InventoryLedger(await db.connect({ pool: { min: 0, max: 8 } }), { combiner: { maxBatch: 1, maxInFlightPerSku: 8 } })),
    );
    const outcomes = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        ledgers[i % ledgers.length]
          .reserve({ idempotencyKey: `k${i}`, sku: 'HOT-1', quantity: 1, order: { orderId: `o${i}`, lineId: '1' } })
          .then(() => 'ok' as const)
          .catch((error: unknown) => {
            if (error instanceof InsufficientStockError) return 'refused' as const;
            throw error;
          }),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(100);
    expect(outcomes.filter((o) => o === 'refused')).toHaveLength(900);
    await expectSoldOutExactly(db, 100);
  }, 120_000);

  it('SQLite: 4 OS processes, each with its own connection, 1,200 reservations against 100 units → exactly 100 succeed', async () => {
    db = await createTestDatabase('sqlite');
    await prepare(db, 100);
    const worker = join(__dirname, '../testing/reserve-worker.ts');
    const env = { ...process.env, SWC_NODE_PROJECT: join(workspaceRoot, 'tsconfig.base.json') };
    const workers = [1, 2, 3, 4];
    const finished = Promise.all(
      workers.map((w) =>
        run(process.execPath, ['-r', '@swc-node/register', worker, db.url, String(w), '300', 'HOT-1'], { cwd: workspaceRoot, env, timeout: 100_000 }),
      ),
    );
    let exited = false;
    finished.then(() => (exited = true), () => (exited = true));
    // A worker that dies before it is ready ends the wait; awaiting `finished` then reports why.
    while (!exited && !workers.every((w) => existsSync(`${db.url}.ready-${w}`))) await new Promise((r) => setTimeout(r, 20));
    writeFileSync(`${db.url}.go`, '');
    const results = await finished;
    const counts = results.map((r) => JSON.parse(r.stdout.trim().split('\n').pop() as string) as { ok: number; refused: number; startedAt: number; finishedAt: number });
    expect(counts.reduce((s, c) => s + c.ok, 0)).toBe(100);
    expect(counts.reduce((s, c) => s + c.refused, 0)).toBe(1100);
    // The processes really competed: every one was firing before any of them had finished.
    expect(Math.max(...counts.map((c) => c.startedAt))).toBeLessThan(Math.min(...counts.map((c) => c.finishedAt)));
    await expectSoldOutExactly(db, 100);
  }, 120_000);
});
