import { CatalogService } from '../catalog/catalog.service';
import { StockQueryService } from '../queries/stock-query.service';
import { createTestDatabase, type TestDatabase, type TestDialect } from '../testing/test-database';
import { seedCatalog } from '../testing/seed';
import type { InventoryLedger } from './inventory-ledger';
import { IdempotencyConflictError, InsufficientStockError, InvalidStateError, LedgerValidationError, NotFoundError } from './ledger-errors';

describe.each<TestDialect>(['postgresql', 'sqlite'])('inventory ledger on %s', (dialect) => {
  let db: TestDatabase;
  let ledger: InventoryLedger;
  let catalog: CatalogService;
  let stock: StockQueryService;

  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    ({ ledger, catalog } = await seedCatalog(db.orm));
    stock = new StockQueryService(db.orm);
    await catalog.createProduct({ code: 'TEA-01', name: '緑茶 100g', jan: '4901234567894', tags: ['tea'] });
    await catalog.createProduct({ code: 'CUP-01', name: '湯呑み', tags: ['ware'] });
  });
  afterEach(() => db.drop());

  it('counts on hand, reserved and available per location and in total', async () => {
    await ledger.receive({ idempotencyKey: 'r1', sku: 'TEA-01', location: 'TOKYO', quantity: 10 });
    await ledger.receive({ idempotencyKey: 'r2', sku: 'TEA-01', location: 'OSAKA', quantity: 5 });
    await ledger.receive({ idempotencyKey: 'r3', sku: 'TEA-01', location: 'RETURNS', quantity: 2 });
    await ledger.receive({ idempotencyKey: 'r4', sku: 'TEA-01', location: 'FBA', quantity: 40 });
    await ledger.reserve({ idempotencyKey: 'o1', sku: 'TEA-01', quantity: 3, order: { orderId: 'A-1', lineId: '1' } });
    const s = await stock.stock('TEA-01');
    expect({ onHand: s.onHand, reserved: s.reserved, available: s.available }).toEqual({ onHand: 17, reserved: 3, available: 12 });
    expect(s.locations.find((l) => l.location === 'TOKYO')).toMatchObject({ onHand: 10, reserved: 3, available: 7 });
    expect(s.locations.find((l) => l.location === 'FBA')).toMatchObject({ onHand: 40, kind: 'channel_held' });
  });

  it('answers a repeated command with its first result and changes nothing', async () => {
    await ledger.receive({ idempotencyKey: 'r1', sku: 'TEA-01', location: 'TOKYO', quantity: 10 });
    const first = await ledger.reserve({ idempotencyKey: 'o1', sku: 'TEA-01', quantity: 4, order: { orderId: 'A-1', lineId: '1' } });
    const again = await ledger.reserve({ idempotencyKey: 'o1', sku: 'TEA-01', quantity: 4, order: { orderId: 'A-1', lineId: '1' } });
    await ledger.receive({ idempotencyKey: 'r1', sku: 'TEA-01', location: 'TOKYO', quantity: 10 });
    expect(again).toEqual(first);
    expect((await stock.stock('TEA-01')).available).toBe(6);
    expect((await stock.movements({ sku: 'TEA-01' })).items).toHaveLength(2);
  });

  it('refuses an idempotency key reused with another body', async () => {
    await ledger.receive({ idempotencyKey: 'r1', sku: 'TEA-01', location: 'TOKYO', quantity: 10 });
    await expect(ledger.receive({ idempotencyKey: 'r1', sku: 'TEA-01', location: 'TOKYO', quantity: 11 })).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect((await stock.stock('TEA-01')).onHand).toBe(10);
  });

  it('fails a reservation that does not fit, cleanly, and lets the same key succeed later', async () => {
    await ledger.receive({ idempotencyKey: 'r1', sku: 'TEA-01', location: 'TOKYO', quantity: 2 });
    const attempt = { idempotencyKey: 'o1', sku: 'TEA-01', quantity: 3, order: { orderId: 'A-1', lineId: '1' } };
    const error = await ledger.reserve(attempt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientStockError);
    expect(error).toMatchObject({ available: 2, requested: 3 });
    expect((await stock.stock('TEA-01')).reserved).toBe(0);
    await ledger.receive({ idempotencyKey: 'r2', sku: 'TEA-01', location: 'OSAKA', quantity: 2 });
    const ok = await ledger.reserve(attempt);
    expect(ok.allocations).toEqual([
      { sku: 'TEA-01', location: 'TOKYO', quantity: 2 },
      { sku: 'TEA-01', location: 'OSAKA', quantity: 1 },
    ]);
  });

  it('records what a channel already sold beyond stock as an oversell, never dropping the order', async () => {
    await ledger.receive({ idempotencyKey: 'r1', sku: 'TEA-01', location: 'TOKYO', quantity: 2 });
    const r = await ledger.reserve({ idempotencyKey: 'o1', sku: 'TEA-01', quantity: 5, order: { channel: 'rakuten', orderId: 'R-1', lineId: '1' }, alreadySold: true });
    expect(r.status).toBe('backordered');
    expect(r.backordered).toEqual([{ sku: 'TEA-01', quantity: 3 }]);
    expect(await stock.oversellCount()).toEqual({ events: 1, units: 3, openUnits: 3 });
    expect((await stock.stock('TEA-01')).available).toBe(0);

    // The next receipt fills the backorder before any channel sees the units.
    const receipt = await ledger.receive({ idempotencyKey: 'r2', sku: 'TEA-01', location: 'OSAKA', quantity: 4 });
    expect(receipt.backorderFilled).toBe(3);
    expect((await stock.stock('TEA-01')).available).toBe(1);
    const shipped = await ledger.commit({ idempotencyKey: 'c1', reservationId: r.reservationId });
    expect(shipped.status).toBe('committed');
    expect((await stock.stock('TEA-01')).onHand).toBe(1);
    expect(await stock.oversellCount()).toEqual({ events: 1, units: 3, openUnits: 0 });
  });

  it('reserves a bundle as its components in one transaction, or not at all', async () => {
    await catalog.createBundle({ code: 'GIFT-01', name: 'ギフトセット', components: [{ sku: 'TEA-01', quantity: 2 }, { sku: 'CUP-01', quantity: 1 }] });
    await ledger.receive({ idempotencyKey: 'r1', sku: 'TEA-01', location: 'TOKYO', quantity: 9 });
    await ledger.receive({ idempotencyKey: 'r2', sku: 'CUP-01', location: 'TOKYO', quantity: 3 });
    expect((await stock.stock('GIFT-01')).available).toBe(3);
    await ledger.reserve({ idempotencyKey: 'o1', sku: 'GIFT-01', quantity: 2, order: { orderId: 'G-1', lineId: '1' } });
    expect((await stock.stock('TEA-01')).available).toBe(5);
    expect((await stock.stock('CUP-01')).available).toBe(1);
    expect((await stock.stock('GIFT-01')).available).toBe(1);
    await expect(ledger.reserve({ idempotencyKey: 'o2', sku: 'GIFT-01', quantity: 2, order: { orderId: 'G-2', lineId: '1' } })).rejects.toMatchObject({ available: 1 });
    expect((await stock.stock('TEA-01')).available).toBe(5);
  });

  it('releases a held reservation and refuses to ship it afterwards', async () => {
    await ledger.receive({ idempotencyKey: 'r1', sku: 'TEA-01', location: 'TOKYO', quantity: 5 });
    const r = await ledger.reserve({ idempotencyKey: 'o1', sku: 'TEA-01', quantity: 5, order: { orderId: 'A-1', lineId: '1' } });
    await ledger.release({ idempotencyKey: 'x1', reservationId: r.reservationId });
    expect((await stock.stock('TEA-01')).available).toBe(5);
    await expect(ledger.commit({ idempotencyKey: 'c1', reservationId: r.reservationId })).rejects.toBeInstanceOf(InvalidStateError);
  });

  it('ships and cancels part of an order line, bundles included, leaving the rest held', async () => {
    await catalog.createBundle({ code: 'GIFT-01', name: 'ギフトセット', components: [{ sku: 'TEA-01', quantity: 2 }, { sku: 'CUP-01', quantity: 1 }] });
    await ledger.receive({ idempotencyKey: 'r1', sku: 'TEA-01', location: 'TOKYO', quantity: 10 });
    await ledger.receive({ idempotencyKey: 'r2', sku: 'CUP-01', location: 'TOKYO', quantity: 5 });
    const r = await ledger.reserve({ idempotencyKey: 'o1', sku: 'GIFT-01', quantity: 4, order: { orderId: 'G-1', lineId: '1' } });
    const cancelled = await ledger.release({ idempotencyKey: 'x1', reservationId: r.reservationId, quantity: 1 });
    expect(cancelled).toMatchObject({ status: 'held', quantity: 3 });
    const shipped = await ledger.commit({ idempotencyKey: 'c1', reservationId: r.reservationId, quantity: 2 });
    expect(shipped).toMatchObject({ status: 'held', quantity: 1 });
    expect(await stock.stock('TEA-01')).toMatchObject({ onHand: 6, reserved: 2, available: 4 });
    expect(await stock.stock('CUP-01')).toMatchObject({ onHand: 3, reserved: 1, available: 2 });
    await expect(ledger.commit({ idempotencyKey: 'c2', reservationId: r.reservationId, quantity: 2 })).rejects.toBeInstanceOf(InvalidStateError);
    expect(await ledger.commit({ idempotencyKey: 'c3', reservationId: r.reservationId })).toMatchObject({ status: 'committed', quantity: 0 });
  });

  it('cancels the backordered part of an oversold line before giving back held units', async () => {
    await ledger.receive({ idempotencyKey: 'r1', sku: 'TEA-01', location: 'TOKYO', quantity: 2 });
    const r = await ledger.reserve({ idempotencyKey: 'o1', sku: 'TEA-01', quantity: 5, order: { orderId: 'R-1', lineId: '1' }, alreadySold: true });
    const partial = await ledger.release({ idempotencyKey: 'x1', reservationId: r.reservationId, quantity: 3 });
    expect(partial).toMatchObject({ status: 'held', quantity: 2, backordered: [{ sku: 'TEA-01', quantity: 3 }], allocations: [] });
    expect(await stock.oversellCount()).toEqual({ events: 1, units: 3, openUnits: 0 });
    expect((await stock.stock('TEA-01')).reserved).toBe(2);
  });

  it('releases expired cart holds and leaves the others', async () => {
    await ledger.receive({ idempotencyKey: 'r1', sku: 'TEA-01', location: 'TOKYO', quantity: 5 });
    const soon = await ledger.reserve({ idempotencyKey: 'o1', sku: 'TEA-01', quantity: 2, order: { orderId: 'A-1', lineId: '1' }, expiresAt: new Date('2030-01-01T00:10:00Z') });
    await ledger.reserve({ idempotencyKey: 'o2', sku: 'TEA-01', quantity: 1, order: { orderId: 'A-2', lineId: '1' }, expiresAt: new Date('2030-01-01T01:00:00Z') });
    await ledger.reserve({ idempotencyKey: 'o3', sku: 'TEA-01', quantity: 1, order: { orderId: 'A-3', lineId: '1' } });
    expect(await ledger.releaseExpired(new Date('2030-01-01T00:30:00Z'))).toBe(1);
    expect((await stock.stock('TEA-01')).available).toBe(3);
    const released = await stock.movements({ kind: 'release' });
    expect(released.items.map((m) => m.reservationId)).toEqual([soon.reservationId]);
    expect(released.items[0].reason).toBe('expired');
  });

  it('moves units between locations and keeps unsellable ones off the available count', async () => {
    await ledger.receive({ idempotencyKey: 'r1', sku: 'TEA-01', location: 'TOKYO', quantity: 5 });
    await ledger.transfer({ idempotencyKey: 't1', sku: 'TEA-01', from: 'TOKYO', to: 'RETURNS', quantity: 2 });
    expect((await stock.stock('TEA-01')).available).toBe(3);
    await expect(ledger.transfer({ idempotencyKey: 't2', sku: 'TEA-01', from: 'TOKYO', to: 'OSAKA', quantity: 4 })).rejects.toBeInstanceOf(InsufficientStockError);
    await ledger.adjust({ idempotencyKey: 'a1', sku: 'TEA-01', location: 'RETURNS', delta: -2, reason: 'damaged' });
    expect((await stock.stock('TEA-01')).onHand).toBe(3);
  });

  it('never lets an adjustment take reserved units away', async () => {
    await ledger.receive({ idempotencyKey: 'r1', sku: 'TEA-01', location: 'TOKYO', quantity: 5 });
    await ledger.reserve({ idempotencyKey: 'o1', sku: 'TEA-01', quantity: 4, order: { orderId: 'A-1', lineId: '1' } });
    await expect(ledger.adjust({ idempotencyKey: 'a1', sku: 'TEA-01', location: 'TOKYO', delta: -2, reason: 'lost' })).rejects.toMatchObject({ available: 1 });
  });

  it('names the field and what is accepted for bad input, and unknown codes', async () => {
    const bad = await ledger.receive({ idempotencyKey: 'r1', sku: 'TEA-01', location: 'TOKYO', quantity: 1.5 }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(LedgerValidationError);
    expect((bad as LedgerValidationError).issues).toEqual([{ path: 'quantity', message: 'must be a whole number of units' }]);
    await expect(ledger.receive({ idempotencyKey: 'r1', sku: 'NOPE', location: 'TOKYO', quantity: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(ledger.reserve({ idempotencyKey: 'o1', sku: 'TEA-01', quantity: 1, order: { orderId: 'A', lineId: '1' }, locations: ['MARS'] })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a misspelt field instead of reading it as absent: a partial commit does not commit everything', async () => {
    await ledger.receive({ idempotencyKey: 'r1', sku: 'TEA-01', location: 'TOKYO', quantity: 5 });
    const held = await ledger.reserve({ idempotencyKey: 'o1', sku: 'TEA-01', quantity: 4, order: { orderId: 'A-1', lineId: '1' } });
    const typo = { idempotencyKey: 'c1', reservationId: held.reservationId, quantiy: 1 } as unknown as Parameters<InventoryLedger['commit']>[0];
    const bad = await ledger.commit(typo).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(LedgerValidationError);
    expect((bad as LedgerValidationError).issues).toEqual([
      { path: 'quantiy', message: 'is not a field of this command; accepted fields: idempotencyKey, reservationId, quantity' },
    ]);
    expect(await stock.stock('TEA-01')).toMatchObject({ onHand: 5, reserved: 4 });
  });
});
