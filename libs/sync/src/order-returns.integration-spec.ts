import type { OrderEvent } from '@urikiri/connector-sdk';
import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import { TransactionRunner } from '@urikiri/inventory';
import { createTestDatabase, type TestDatabase, type TestDialect } from '@urikiri/inventory/testing';
import { SYNC_ENTITIES } from './entities';
import { Listing } from './entities/listing.entity';
import { ReturnsDestination, ReturnsLocationError } from './returns-destination';
import { syncHarness, testshop, type HarnessShop } from './testing/sync-harness';

/**
 * Units a buyer sends back come into the ledger as return movements to the account's returns
 * location, once per unit, however often and in whatever order the channel's events arrive.
 */
describe.each<TestDialect>(['postgresql', 'sqlite'])('returned order lines on %s', (dialect) => {
  let db: TestDatabase;
  let shops: Record<string, HarnessShop>;

  beforeEach(async () => {
    db = await createTestDatabase(dialect, { entities: SYNC_ENTITIES });
    shops = { 'shop-a': testshop(await createTestshopSandbox({ seed: 31 })) };
  });
  afterEach(async () => {
    await shops['shop-a'].sandbox.close();
    await db.drop();
  });

  const channel = () => shops['shop-a'].sandbox.stock;
  const returnMovements = async () =>
    new TransactionRunner(db.orm)
      .session()
      .all<{ location: string; units: number }>(
        `SELECT l.code AS location, SUM(m.on_hand_delta) AS units FROM movement m JOIN location l ON l.id = m.location_id WHERE m.kind = 'return' GROUP BY l.code ORDER BY l.code`,
      )
      .then((rows) => rows.map((row) => ({ location: row.location, units: Number(row.units) })));
  const atLocation = (stock: { locations: { location: string; onHand: number }[] }, code: string) => stock.locations.find((l) => l.location === code)?.onHand ?? 0;

  /** Three sold, shipped, two of them sent back: the channel's whole event stream. */
  const soldShippedReturned = async (h: Awaited<ReturnType<typeof syncHarness>>, restock: boolean): Promise<OrderEvent[]> => {
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 10 });
    await h.sync();
    channel().createOrder({ orderId: 'A-1', lines: [{ listingId: 'tea', quantity: 3 }] });
    channel().payOrder('A-1');
    channel().shipOrder('A-1');
    channel().returnLine('A-1', 'A-1-1', 1, { restock });
    channel().returnLine('A-1', 'A-1-1', 1, { restock });
    return channel().events();
  };

  it('books returned units once to the default not-for-sale warehouse, whatever the order and number of deliveries', async () => {
    const h = await syncHarness(db.orm, shops);
    await h.catalog.createLocation({ code: 'RETURNS', name: '返品検品エリア', sellable: false, priority: 500 });
    const events = await soldShippedReturned(h, false);
    expect(events.filter((e) => e.status === 'returned')).toHaveLength(2);

    // The returns first, before the shipment they belong to; then everything again, in order.
    const reversed = await h.ingestor.ingest('shop-a', [...events].reverse(), { stockLoweredOn: 'order-created' });
    expect(reversed.returnsWaiting).toBe(0);
    const again = await h.ingestor.ingest('shop-a', events, { stockLoweredOn: 'order-created' });
    expect(again.duplicates).toBe(events.length);

    const tea = await h.stock.stock('TEA');
    expect(tea).toMatchObject({ onHand: 9, reserved: 0, available: 7 });
    expect([atLocation(tea, 'WH'), atLocation(tea, 'RETURNS')]).toEqual([7, 2]);
    expect(await returnMovements()).toEqual([{ location: 'RETURNS', units: 2 }]);

    // The same events as new deliveries (new ids): the line's state does not move twice.
    await h.ingestor.ingest('shop-a', events.filter((e) => e.status === 'shipped').map((e) => ({ ...e, eventId: `${e.eventId}-redelivered` })), { stockLoweredOn: 'order-created' });
    expect(await returnMovements()).toEqual([{ location: 'RETURNS', units: 2 }]);
  });

  it('puts returns back on sale at a sellable location when the account says so, and the channel shows what the rules say', async () => {
    const h = await syncHarness(db.orm, shops);
    await h.catalog.createLocation({ code: 'RETURNS', name: '返品検品エリア', sellable: false });
    await h.directory.setReturnsLocation('shop-a', 'WH');
    // The channel restocks returns on its own: it shows them before we push.
    await soldShippedReturned(h, true);
    expect(channel().quantity('tea')).toBe(9);

    expect(await h.sync()).toBe(0);
    expect(await h.stock.stock('TEA')).toMatchObject({ onHand: 9, available: 9 });
    expect(await returnMovements()).toEqual([{ location: 'WH', units: 2 }]);
    expect(channel().quantity('tea')).toBe(9);
    expect((await db.orm.em.fork().findOneOrFail(Listing, { accountId: 'shop-a' })).lastPublished).toBe(9);
  });

  it('takes back off the channel a return it restocked but the ledger keeps off sale', async () => {
    const h = await syncHarness(db.orm, shops);
    await h.catalog.createLocation({ code: 'RETURNS', name: '返品検品エリア', sellable: false });
    await soldShippedReturned(h, true);
    expect(channel().quantity('tea')).toBe(9);

    expect(await h.sync()).toBe(0);
    expect(await h.stock.stock('TEA')).toMatchObject({ onHand: 9, available: 7 });
    expect(channel().quantity('tea')).toBe(7);
  });

  it('keeps a return waiting while it has nowhere to go, and books it once somewhere exists', async () => {
    const h = await syncHarness(db.orm, shops);
    const events = await soldShippedReturned(h, false);
    const report = await h.ingestor.ingest('shop-a', events, { stockLoweredOn: 'order-created' });
    expect(report.returnsWaiting).toBe(1);
    expect((await h.stock.stock('TEA')).onHand).toBe(7);

    await h.catalog.createLocation({ code: 'RETURNS', name: '返品検品エリア', sellable: false });
    expect(await h.ingestor.settleWaitingReturns('shop-a')).toBe(0);
    expect(await returnMovements()).toEqual([{ location: 'RETURNS', units: 2 }]);
    expect(await h.ingestor.settleWaitingReturns('shop-a')).toBe(0);
    expect(await returnMovements()).toEqual([{ location: 'RETURNS', units: 2 }]);
  });

  it('never books again a unit already returned when the returns location changes', async () => {
    const h = await syncHarness(db.orm, shops);
    await h.catalog.createLocation({ code: 'RETURNS', name: '返品検品エリア', sellable: false });
    const events = await soldShippedReturned(h, false);
    const firstReturn = events.findIndex((e) => e.status === 'returned');
    await h.ingestor.ingest('shop-a', events.slice(0, firstReturn + 1), { stockLoweredOn: 'order-created' });
    await h.directory.setReturnsLocation('shop-a', 'WH');
    await h.ingestor.ingest('shop-a', events, { stockLoweredOn: 'order-created' });
    expect(await returnMovements()).toEqual([
      { location: 'RETURNS', units: 1 },
      { location: 'WH', units: 1 },
    ]);
  });

  it('accepts only a warehouse as the returns location, listing the ones there are', async () => {
    const h = await syncHarness(db.orm, shops);
    await h.catalog.createLocation({ code: 'RETURNS', name: '返品検品エリア', sellable: false });
    await h.catalog.createLocation({ code: 'FBA', name: 'Amazon FBA', kind: 'channel_held' });
    const destination = new ReturnsDestination(db.orm);
    await expect(destination.check('WH')).resolves.toBeUndefined();
    await expect(destination.check('RETURNS')).resolves.toBeUndefined();
    const unknown = await destination.check('RETRNS').catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(ReturnsLocationError);
    expect((unknown as Error).message).toBe(
      "'RETRNS' is not a location; accepted: a warehouse location's code (sellable: WH; not for sale: RETURNS), or null for the default, the first not-for-sale warehouse",
    );
    await expect(destination.check('FBA')).rejects.toThrow(/'FBA' is a channel-held pool/);
    expect(await destination.locationFor('shop-a')).toBe('RETURNS');
  });
});
