import type { MikroORM } from '@mikro-orm/core';
import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { TestshopConnector } from '@urikiri/connector-testshop';
import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import { CatalogService, InventoryLedger, StockQueryService } from '@urikiri/inventory';
import { createTestDatabase, type TestDatabase, type TestDialect } from '@urikiri/inventory/testing';
import { AllocationPlanner } from './allocation-planner';
import { ChannelDirectory } from './channel-directory';
import { CredentialCipher } from './credential-cipher';
import { SYNC_ENTITIES } from './entities';
import { ChannelAccount } from './entities/channel-account.entity';
import { Listing } from './entities/listing.entity';
import { ListingService } from './listing.service';
import { OrderIngestor } from './order-ingestor';
import { PushExecutor } from './push-executor';

/** Ledger, rules, two shops and their sandboxes, wired as the service wires them (minus the queues). */
async function harness(orm: MikroORM, shops: Record<string, ChannelSandbox>) {
  const catalog = new CatalogService(orm);
  const ledger = new InventoryLedger(orm);
  const directory = new ChannelDirectory(orm, new CredentialCipher('a test secret of enough length'), (account, credentials) =>
    new TestshopConnector({ credentials, baseUrl: account.baseUrl ?? undefined, timeoutMs: 5000 }),
  );
  const listings = new ListingService(orm);
  const planner = new AllocationPlanner(orm);
  const pusher = new PushExecutor(orm, directory, { maxFailures: 3, backoffBaseMs: 1, backoffMaxMs: 5, random: () => 0 });
  const ingestor = new OrderIngestor(orm, ledger);
  await catalog.createLocation({ code: 'WH', name: '倉庫' });
  await catalog.createProduct({ code: 'TEA', name: '緑茶' });
  for (const [id, sandbox] of Object.entries(shops)) {
    await directory.addAccount({ id, connector: 'testshop', displayName: id, credentials: sandbox.credentials(), baseUrl: sandbox.url });
    await orm.em.fork().nativeUpdate(ChannelAccount, { id }, { cutoverAt: new Date() });
    sandbox.stock.upsertListing({ listingId: 'tea', sellerSku: 'TEA', quantity: 0 });
    await listings.add({ accountId: id, channelListingId: 'tea', sku: 'TEA' });
  }
  const productId = (await orm.em.fork().findOneOrFail(Listing, { accountId: Object.keys(shops)[0] })).productId;
  /** One full pass of the pipeline: ingest every shop's orders, allocate, push until nothing is owed. */
  const cursors = new Map<string, string | null>();
  async function ingest(id: string): Promise<void> {
    const connector = await directory.connectorFor(id);
    for (;;) {
      const page = await connector.fetchOrders(cursors.get(id) ?? null);
      await ingestor.ingest(id, page.events, { stockLoweredOn: connector.manifest.stockLoweredOn });
      cursors.set(id, page.nextCursor);
      if (!page.hasMore) return;
    }
  }
  async function sync(options: { ingestFirst: boolean } = { ingestFirst: true }): Promise<number> {
    let stale = 0;
    for (let round = 0; round < 5; round++) {
      if (options.ingestFirst || round > 0) for (const id of Object.keys(shops)) await ingest(id);
      await planner.plan(productId);
      let owed = 0;
      for (const id of Object.keys(shops)) {
        const r = await pusher.pushRound(id);
        stale += r.stale;
        owed += r.remaining;
      }
      if (owed === 0) return stale;
    }
    return stale;
  }
  return { catalog, ledger, directory, planner, pusher, ingestor, sync, ingest, productId, stock: new StockQueryService(orm) };
}

describe.each<TestDialect>(['postgresql', 'sqlite'])('sync pipeline on %s', (dialect) => {
  let db: TestDatabase;
  let shops: Record<string, ChannelSandbox>;

  beforeEach(async () => {
    db = await createTestDatabase(dialect, { entities: SYNC_ENTITIES });
    shops = { 'shop-a': await createTestshopSandbox({ seed: 1 }), 'shop-b': await createTestshopSandbox({ seed: 2 }) };
  });
  afterEach(async () => {
    for (const s of Object.values(shops)) await s.close();
    await db.drop();
  });

  it('brings a sale on one shop to the other and never overwrites a sale it has not ingested', async () => {
    const h = await harness(db.orm, shops);
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 10 });
    await h.sync();
    expect([shops['shop-a'].stock.quantity('tea'), shops['shop-b'].stock.quantity('tea')]).toEqual([10, 10]);

    // Shop A sells 3; before we hear of it, a receipt makes the rules want 11 everywhere.
    shops['shop-a'].stock.createOrder({ orderId: 'A-1', lines: [{ listingId: 'tea', quantity: 3 }] });
    await h.ledger.receive({ idempotencyKey: 'r2', sku: 'TEA', location: 'WH', quantity: 1 });
    await h.planner.plan(h.productId);
    const round = await h.pusher.pushRound('shop-a');
    expect(round.stale).toBe(1);
    expect(shops['shop-a'].stock.quantity('tea')).toBe(7);

    // Once the order is ingested both shops show what is really left.
    await h.sync();
    expect(await h.stock.stock('TEA')).toMatchObject({ onHand: 11, reserved: 3, available: 8 });
    expect([shops['shop-a'].stock.quantity('tea'), shops['shop-b'].stock.quantity('tea')]).toEqual([8, 8]);
    expect((await h.stock.oversellCount()).events).toBe(0);
  });

  it('converges under duplicated, reordered, partially cancelled and shipped order events', async () => {
    const h = await harness(db.orm, shops);
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 20 });
    await h.sync();
    const a = shops['shop-a'].stock;
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
    expect([a.quantity('tea'), shops['shop-b'].stock.quantity('tea')]).toEqual([17, 17]);
  });

  it('records an oversell when a shop sold what another had already sold', async () => {
    const h = await harness(db.orm, shops);
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 2 });
    await h.sync();
    shops['shop-a'].stock.createOrder({ orderId: 'A-1', lines: [{ listingId: 'tea', quantity: 2 }] });
    shops['shop-b'].stock.createOrder({ orderId: 'B-1', lines: [{ listingId: 'tea', quantity: 2 }] });
    await h.sync();
    expect(await h.stock.oversellCount()).toEqual({ events: 1, units: 2, openUnits: 2 });
    expect([shops['shop-a'].stock.quantity('tea'), shops['shop-b'].stock.quantity('tea')]).toEqual([0, 0]);
  });

  it('holds pushes for a stopped account and sends the latest value once the brake is lifted', async () => {
    const h = await harness(db.orm, shops);
    await h.directory.setStopped('shop-b', true, 'stocktake');
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 5 });
    await h.sync();
    await h.ledger.receive({ idempotencyKey: 'r2', sku: 'TEA', location: 'WH', quantity: 4 });
    await h.sync();
    expect([shops['shop-a'].stock.quantity('tea'), shops['shop-b'].stock.quantity('tea')]).toEqual([9, 0]);
    await h.directory.setStopped('shop-b', false);
    await h.sync();
    expect(shops['shop-b'].stock.quantity('tea')).toBe(9);
  });

  it('retries a failing listing with backoff, then sets it aside as a dead letter', async () => {
    const h = await harness(db.orm, shops);
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 5 });
    await h.planner.plan(h.productId);
    shops['shop-b'].faults.next('push', { kind: 'server-error' }, 3);
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
    expect(shops['shop-b'].stock.quantity('tea')).toBe(5);
  });
});
