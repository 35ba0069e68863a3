import { createTestDatabase, type TestDatabase, type TestDialect } from '../testing/test-database';
import { seedCatalog } from '../testing/seed';
import type { InventoryLedger } from '../ledger/inventory-ledger';
import { LedgerReplayVerifier } from './ledger-replay-verifier';

describe.each<TestDialect>(['postgresql', 'sqlite'])('replay = snapshot on %s', (dialect) => {
  let db: TestDatabase;
  let ledger: InventoryLedger;
  let verifier: LedgerReplayVerifier;

  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    const seeded = await seedCatalog(db.orm);
    ledger = seeded.ledger;
    await seeded.catalog.createProduct({ code: 'TEA-01', name: '緑茶' });
    await seeded.catalog.createProduct({ code: 'CUP-01', name: '湯呑み' });
    await seeded.catalog.createBundle({ code: 'SET-01', name: 'セット', components: [{ sku: 'TEA-01', quantity: 1 }, { sku: 'CUP-01', quantity: 2 }] });
    verifier = new LedgerReplayVerifier(db.orm);
  });
  afterEach(() => db.drop());

  async function busyDay(prefix: string): Promise<void> {
    await ledger.receive({ idempotencyKey: `${prefix}r1`, sku: 'TEA-01', location: 'TOKYO', quantity: 20 });
    await ledger.receive({ idempotencyKey: `${prefix}r2`, sku: 'CUP-01', location: 'OSAKA', quantity: 9 });
    const a = await ledger.reserve({ idempotencyKey: `${prefix}o1`, sku: 'SET-01', quantity: 3, order: { orderId: `${prefix}A`, lineId: '1' } });
    const b = await ledger.reserve({ idempotencyKey: `${prefix}o2`, sku: 'TEA-01', quantity: 30, order: { orderId: `${prefix}B`, lineId: '1' }, alreadySold: true });
    await ledger.commit({ idempotencyKey: `${prefix}c1`, reservationId: a.reservationId });
    await ledger.transfer({ idempotencyKey: `${prefix}t1`, sku: 'CUP-01', from: 'OSAKA', to: 'RETURNS', quantity: 1 });
    await ledger.receive({ idempotencyKey: `${prefix}r3`, sku: 'TEA-01', location: 'OSAKA', quantity: 15 });
    await ledger.release({ idempotencyKey: `${prefix}x1`, reservationId: b.reservationId });
    await ledger.adjust({ idempotencyKey: `${prefix}a1`, sku: 'CUP-01', location: 'RETURNS', delta: -1, reason: 'damaged' });
  }

  it('rebuilds every stock level from the movements', async () => {
    await busyDay('d1-');
    const report = await verifier.verify();
    expect(report).toMatchObject({ consistent: true, fromMovementId: 0, mismatches: [] });
    expect(report.stockLevels).toBe(4);
  });

  it('starts from the latest checkpoint and still agrees afterwards', async () => {
    await busyDay('d1-');
    const cp = await verifier.checkpoint();
    expect(cp.movementId).toBeGreaterThan(0);
    await busyDay('d2-');
    const report = await verifier.verify();
    expect(report).toMatchObject({ consistent: true, fromMovementId: cp.movementId });
    expect(report.movementsReplayed).toBeGreaterThan(0);
  });

  it('reports a stock level whose snapshot was changed behind the ledger', async () => {
    await busyDay('d1-');
    await verifier.checkpoint();
    await db.orm.em.getConnection().execute('UPDATE stock_level SET on_hand = on_hand + 1 WHERE id = (SELECT MIN(id) FROM stock_level)');
    const report = await verifier.verify();
    expect(report.consistent).toBe(false);
    expect(report.mismatches).toHaveLength(1);
    expect(report.mismatches[0].snapshot.onHand).toBe(report.mismatches[0].replay.onHand + 1);
  });
});
