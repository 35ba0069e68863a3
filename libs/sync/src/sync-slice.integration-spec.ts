import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import { createTestDatabase, type TestDatabase, type TestDialect } from '@urikiri/inventory/testing';
import { SYNC_ENTITIES } from './entities';
import { syncHarness, testshop, type HarnessShop } from './testing/sync-harness';
import { Listing } from './entities/listing.entity';
import { AllocationPlanner } from './allocation-planner';
import { compileRuleSet } from '@urikiri/allocation';

describe.each<TestDialect>(['postgresql', 'sqlite'])('sync pipeline on %s', (dialect) => {
  let db: TestDatabase;
  let shops: Record<string, HarnessShop>;

  beforeEach(async () => {
    db = await createTestDatabase(dialect, { entities: SYNC_ENTITIES });
    shops = { 'shop-a': testshop(await createTestshopSandbox({ seed: 1 })), 'shop-b': testshop(await createTestshopSandbox({ seed: 2 })) };
  });
  afterEach(async () => {
    for (const s of Object.values(shops)) await s.sandbox.close();
    await db.drop();
  });

  it('brings a sale on one shop to the other and never overwrites a sale it has not ingested', async () => {
    const h = await syncHarness(db.orm, shops);
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 10 });
    await h.sync();
    expect([shops['shop-a'].sandbox.stock.quantity('tea'), shops['shop-b'].sandbox.stock.quantity('tea')]).toEqual([10, 10]);

    // Shop A sells 3; before we hear of it, a receipt makes the rules want 11 everywhere.
    shops['shop-a'].sandbox.stock.createOrder({ orderId: 'A-1', lines: [{ listingId: 'tea', quantity: 3 }] });
    await h.ledger.receive({ idempotencyKey: 'r2', sku: 'TEA', location: 'WH', quantity: 1 });
    await h.planner.plan(h.productId);
    const round = await h.pusher.pushRound('shop-a');
    expect(round.stale).toBe(1);
    expect(shops['shop-a'].sandbox.stock.quantity('tea')).toBe(7);

    // Once the order is ingested both shops show what is really left.
    await h.sync();
    expect(await h.stock.stock('TEA')).toMatchObject({ onHand: 11, reserved: 3, available: 8 });
    expect([shops['shop-a'].sandbox.stock.quantity('tea'), shops['shop-b'].sandbox.stock.quantity('tea')]).toEqual([8, 8]);
    expect((await h.stock.oversellCount()).events).toBe(0);
  });

  it('converges under duplicated, reordered, partially cancelled and shipped order events', async () => {
    const h = await syncHarness(db.orm, shops);
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 20 });
    await h.sync();
    const a = shops['shop-a'].sandbox.stock;
    a.createOrder({ orderId: 'O-1', lines: [{ listingId: 'tea', quantity: 4 }] });
    a.cancelLine('O-1', 'O-1-1', 1);
    a.payOrder('O-1');
    a.shipOrder('O-1');
    a.createOrder({ orderId: 'O-2', lines: [{ listingId: 'tea', quantity: 2 }] });
    a.cancelOrder('O-2');
    const events = a.events();
    const shuffled = [...events].reverse();
    await h.ingestor.ingest('shop-a', [...shuffled, ...events], { stockLoweredOn: 'order-created' });
    expect(await h.stock.stock('TEA')).toMatchObject({ onHand: 17, reserved: 0, available: 17 });
    expect((await h.stock.oversellCount()).events).toBe(0);
    await h.sync();
    expect([a.quantity('tea'), shops['shop-b'].sandbox.stock.quantity('tea')]).toEqual([17, 17]);
  });

  it('records an oversell when a shop sold what another had already sold', async () => {
    const h = await syncHarness(db.orm, shops);
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 2 });
    await h.sync();
    shops['shop-a'].sandbox.stock.createOrder({ orderId: 'A-1', lines: [{ listingId: 'tea', quantity: 2 }] });
    shops['shop-b'].sandbox.stock.createOrder({ orderId: 'B-1', lines: [{ listingId: 'tea', quantity: 2 }] });
    await h.sync();
    expect(await h.stock.oversellCount()).toEqual({ events: 1, units: 2, openUnits: 2 });
    expect([shops['shop-a'].sandbox.stock.quantity('tea'), shops['shop-b'].sandbox.stock.quantity('tea')]).toEqual([0, 0]);
  });

  it('holds pushes for a stopped account and sends the latest value once the brake is lifted', async () => {
    const h = await syncHarness(db.orm, shops);
    await h.directory.setStopped('shop-b', true, 'stocktake');
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 5 });
    await h.sync();
    await h.ledger.receive({ idempotencyKey: 'r2', sku: 'TEA', location: 'WH', quantity: 4 });
    await h.sync();
    expect([shops['shop-a'].sandbox.stock.quantity('tea'), shops['shop-b'].sandbox.stock.quantity('tea')]).toEqual([9, 0]);
    await h.directory.setStopped('shop-b', false);
    await h.sync();
    expect(shops['shop-b'].sandbox.stock.quantity('tea')).toBe(9);
  });

  it('retries a failing listing with backoff, then sets it aside as a dead letter', async () => {
    const h = await syncHarness(db.orm, shops);
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 5 });
    await h.planner.plan(h.productId);
    shops['shop-b'].sandbox.faults.next('push', { kind: 'server-error' }, 3);
    let last = await h.pusher.pushRound('shop-b');
    for (let i = 0; i < 5 && last.deadLettered === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      last = await h.pusher.pushRound('shop-b');
    }
    const listing = await db.orm.em.fork().findOneOrFail(Listing, { accountId: 'shop-b' });
    expect(listing).toMatchObject({ deadLetter: true, failures: 3 });
    expect((await h.pusher.pushRound('shop-a')).pushed).toBe(1);
    await h.pusher.retryDeadLetter(listing.id);
    expect((await h.pusher.pushRound('shop-b')).pushed).toBe(1);
    expect(shops['shop-b'].sandbox.stock.quantity('tea')).toBe(5);
  });

  it('releases a push held by a sale once a later plan confirms the target, even when the value did not change', async () => {
    const h = await syncHarness(db.orm, shops);
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 10 });
    await h.sync();
    await h.ledger.reserve({ idempotencyKey: 'o1', sku: 'TEA', quantity: 3, order: { channel: 'shop-a', orderId: 'X-1', lineId: '1' } });
    expect((await h.planner.plan(h.productId)).accounts.sort()).toEqual(['shop-a', 'shop-b']);
    // A sale is ingested between that plan and its push: the push is held until the next plan...
    await db.orm.em.fork().nativeUpdate(Listing, {}, { replanSeq: 1 });
    expect((await h.pusher.pushRound('shop-b')).pushed).toBe(0);
    // ...which finds the same target and must still owe the accounts their held push.
    const again = await h.planner.plan(h.productId);
    expect(again.changed).toBe(0);
    expect(again.accounts.sort()).toEqual(['shop-a', 'shop-b']);
    expect((await h.pusher.pushRound('shop-b')).pushed).toBe(1);
    expect(shops['shop-b'].sandbox.stock.quantity('tea')).toBe(7);
  });

  it('restores a channel that sold when its share of the pool did not move', async () => {
    const h = await syncHarness(db.orm, shops);
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 20 });
    await h.sync();
    // A cap that stays below the pool: shop-a's target is 5 before and after a sale of 2.
    await db.orm.em.fork().nativeUpdate(Listing, { accountId: 'shop-a' }, { target: 5, targetVersion: 10, lastPublished: 5, dirty: false });
    shops['shop-a'].sandbox.stock.setQuantity('tea', 5);
    const capped = new AllocationPlanner(db.orm, () =>
      compileRuleSet({ version: 1, mode: 'shared', rules: [{ id: 'all', mode: 'shared' }, { id: 'cap-a', limits: { 'testshop/shop-a': { max: 5 } } }] }),
    );
    shops['shop-a'].sandbox.stock.createOrder({ orderId: 'A-1', lines: [{ listingId: 'tea', quantity: 2 }] });
    await h.ingest('shop-a');
    expect(shops['shop-a'].sandbox.stock.quantity('tea')).toBe(3);
    const plan = await capped.plan(h.productId);
    expect(plan.accounts).toContain('shop-a');
    expect((await db.orm.em.fork().findOneOrFail(Listing, { accountId: 'shop-a' })).target).toBe(5);
    expect((await h.pusher.pushRound('shop-a')).pushed).toBe(1);
    expect(shops['shop-a'].sandbox.stock.quantity('tea')).toBe(5);
  });

  it('writes again under a new version after a refused compare-and-set, instead of replaying the refusal', async () => {
    const h = await syncHarness(db.orm, shops);
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 10 });
    await h.sync();
    // The channel sold 3 we have not heard of; the rules want 8 now.
    shops['shop-a'].sandbox.stock.setQuantity('tea', 7);
    await db.orm.em.fork().nativeUpdate(Listing, { accountId: 'shop-a' }, { target: 8, targetVersion: 50, dirty: true });
    expect((await h.pusher.pushRound('shop-a')).stale).toBe(1);
    // Once the sale is known the channel's belief is 7 and the target is still 8: the same value.
    await db.orm.em.fork().nativeUpdate(Listing, { accountId: 'shop-a' }, { lastPublished: 7, notBefore: null });
    expect((await h.pusher.pushRound('shop-a')).pushed).toBe(1);
    expect(shops['shop-a'].sandbox.stock.quantity('tea')).toBe(8);
  });
});
