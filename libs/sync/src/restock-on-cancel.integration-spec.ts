import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import { createTestDatabase, type TestDatabase, type TestDialect } from '@urikiri/inventory/testing';
import { SYNC_ENTITIES } from './entities';
import { Listing } from './entities/listing.entity';
import { CHANNEL_SHOPS } from './testing/channel-shops';
import { syncHarness, testshop, type HarnessShop } from './testing/sync-harness';

/**
 * A cancellation the channel does not restock leaves its display lowered. Our belief of what it
 * shows (`lastPublished`, the compare value of the next push) must stay lowered too, or every
 * compare-and-set is refused as stale until reconciliation repairs it.
 */
describe.each<TestDialect>(['postgresql', 'sqlite'])('cancellations and the channel display on %s', (dialect) => {
  let db: TestDatabase;
  let shops: Record<string, HarnessShop>;

  beforeEach(async () => {
    db = await createTestDatabase(dialect, { entities: SYNC_ENTITIES });
    shops = { 'shop-a': testshop(await createTestshopSandbox({ seed: 21 })) };
  });
  afterEach(async () => {
    await shops['shop-a'].sandbox.close();
    await db.drop();
  });

  const believed = async (): Promise<number | null | undefined> =>
    (await db.orm.em.fork().findOneOrFail(Listing, { accountId: 'shop-a' })).lastPublished;

  it('keeps believing what the channel shows after a cancel it did not restock, and the next push is not refused as stale', async () => {
    const h = await syncHarness(db.orm, shops);
    const channel = shops['shop-a'].sandbox.stock;
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 10 });
    await h.sync();
    expect(channel.quantity('tea')).toBe(10);

    // 4 ordered; 1 cancelled without restock, then 2 cancelled with restock.
    channel.createOrder({ orderId: 'A-1', lines: [{ listingId: 'tea', quantity: 4 }] });
    channel.cancelLine('A-1', 'A-1-1', 1, { restock: false });
    channel.cancelLine('A-1', 'A-1-1', 2, { restock: true });
    expect(channel.quantity('tea')).toBe(8);

    await h.ingest('shop-a');
    expect(await believed()).toBe(8);
    expect(await h.stock.stock('TEA')).toMatchObject({ onHand: 10, reserved: 1, available: 9 });

    await h.planner.plan(h.productId);
    const round = await h.pusher.pushRound('shop-a');
    expect(round).toMatchObject({ pushed: 1, stale: 0, failed: 0 });
    expect(channel.quantity('tea')).toBe(9);
    expect(await believed()).toBe(9);
    expect((await h.stock.oversellCount()).events).toBe(0);
  });

  it('owes the channel a push after a sale and its unrestocked cancel, though the target did not move', async () => {
    const h = await syncHarness(db.orm, shops);
    const channel = shops['shop-a'].sandbox.stock;
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 6 });
    await h.sync();
    const before = await db.orm.em.fork().findOneOrFail(Listing, { accountId: 'shop-a' });

    // Ordered and cancelled between two polls: one ingestion sees both, and the ledger nets to zero.
    channel.createOrder({ orderId: 'A-2', lines: [{ listingId: 'tea', quantity: 2 }] });
    channel.cancelOrder('A-2', { restock: false });
    await h.ingest('shop-a');
    const owed = await db.orm.em.fork().findOneOrFail(Listing, { accountId: 'shop-a' });
    expect([channel.quantity('tea'), owed.lastPublished]).toEqual([4, 4]);
    expect(owed).toMatchObject({ target: 6, dirty: true, targetVersion: before.targetVersion + 1 });

    expect(await h.sync()).toBe(0);
    expect([channel.quantity('tea'), await believed()]).toEqual([6, 6]);
    expect(await h.stock.stock('TEA')).toMatchObject({ onHand: 6, reserved: 0, available: 6 });
  });

  it('still assumes a restock when the channel does not say, which a non-restocking channel then refuses as stale', async () => {
    const h = await syncHarness(db.orm, shops);
    const channel = shops['shop-a'].sandbox.stock;
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 10 });
    await h.sync();
    channel.createOrder({ orderId: 'A-3', lines: [{ listingId: 'tea', quantity: 3 }] });
    channel.cancelLine('A-3', 'A-3-1', 2, { restock: false });

    // The same events from a channel that does not tell: the 2 units are believed back on display.
    const connector = await h.directory.connectorFor('shop-a');
    const { events } = await connector.fetchOrders(null);
    const untold = events.map(({ restocked: _restocked, ...event }) => event);
    await h.ingestor.ingest('shop-a', untold, { stockLoweredOn: connector.manifest.stockLoweredOn });
    expect([channel.quantity('tea'), await believed()]).toEqual([7, 9]);

    await h.planner.plan(h.productId);
    expect(await h.pusher.pushRound('shop-a')).toMatchObject({ pushed: 0, stale: 1 });
    expect(channel.quantity('tea')).toBe(7);
  });
});

/** The channels whose order data says whether a cancellation restocked: their own flags, read by their connectors. */
const TELLING = CHANNEL_SHOPS.filter((c) => /Rakuten|Shopify/.test(c.name));

describe.each<TestDialect>(['postgresql', 'sqlite'])('cancellations a real channel reports as not restocked, on %s', (dialect) => {
  let db: TestDatabase;
  let shop: HarnessShop | undefined;

  beforeEach(async () => {
    db = await createTestDatabase(dialect, { entities: SYNC_ENTITIES });
  });
  afterEach(async () => {
    await shop?.sandbox.close();
    await db.drop();
  });

  it.each(TELLING)('$name: the belief follows the channel and the next push brings it to target', async ({ shop: open }) => {
    shop = await open();
    const h = await syncHarness(db.orm, { 'shop-a': shop });
    const channel = shop.sandbox.stock;
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 10 });
    await h.sync();
    const order = channel.createOrder({ lines: [{ listingId: shop.listingId, quantity: 3 }] });
    // Rakuten: the shop sets 在庫連動 off on the line (restoreInventoryFlag 2); Shopify: a NO_RESTOCK refund.
    channel.cancelLine(order.orderId, order.lines[0].lineId, 2, { restock: false });
    expect(channel.quantity(shop.listingId)).toBe(7);

    await h.ingest('shop-a');
    const listing = await db.orm.em.fork().findOneOrFail(Listing, { accountId: 'shop-a' });
    expect(listing.lastPublished).toBe(7);
    expect(await h.sync()).toBe(0);
    expect(channel.quantity(shop.listingId)).toBe(9);
    expect((await db.orm.em.fork().findOneOrFail(Listing, { accountId: 'shop-a' })).lastPublished).toBe(9);
  }, 120_000);
});
