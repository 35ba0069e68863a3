import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import type { ChannelConnector, PushItem, PushResult } from '@urikiri/connector-sdk';
import { createTestDatabase, type TestDatabase, type TestDialect } from '@urikiri/inventory/testing';
import type { ChannelDirectory } from './channel-directory';
import { SYNC_ENTITIES } from './entities';
import { Listing } from './entities/listing.entity';
import { compileRuleSet, parseRuleSet } from '@urikiri/allocation';
import { AllocationPlanner } from './allocation-planner';
import { CHANNEL_SHOPS } from './testing/channel-shops';
import { PushExecutor } from './push-executor';
import { syncHarness, testshop, type HarnessShop } from './testing/sync-harness';

/** A connector whose first push is held in flight until the test lets it answer. */
function holdFirstPush(connector: ChannelConnector) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  const wrapped: ChannelConnector = Object.create(connector) as ChannelConnector;
  wrapped.push = async (items: PushItem[]): Promise<PushResult[]> => {
    if (!first) return connector.push(items);
    first = false;
    const results = await connector.push(items);
    await held;
    return results;
  };
  return { wrapped, release };
}

describe.each<TestDialect>(['postgresql', 'sqlite'])('push versioning on %s', (dialect) => {
  let db: TestDatabase;
  let shops: Record<string, HarnessShop>;

  beforeEach(async () => {
    db = await createTestDatabase(dialect, { entities: SYNC_ENTITIES });
    shops = { 'shop-a': testshop(await createTestshopSandbox({ seed: 3 })) };
  });
  afterEach(async () => {
    await shops['shop-a'].sandbox.close();
    await db.drop();
  });

  it('never lets the late result of an older version overwrite what a newer one recorded', async () => {
    const h = await syncHarness(db.orm, shops);
    const { wrapped, release } = holdFirstPush(await h.directory.connectorFor('shop-a'));
    const slowDirectory = Object.create(h.directory) as ChannelDirectory;
    slowDirectory.connectorFor = async () => wrapped;
    const slow = new PushExecutor(db.orm, slowDirectory);

    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 4 });
    await h.planner.plan(h.productId);
    const inFlight = slow.pushRound('shop-a');
    // Version 1 (4 units) reached the channel; its answer is still on the way when stock changes.
    await new Promise((r) => setTimeout(r, 200));
    await h.ledger.receive({ idempotencyKey: 'r2', sku: 'TEA', location: 'WH', quantity: 5 });
    await h.planner.plan(h.productId);
    // Another worker pushes version 2 meanwhile: 9 units.
    expect((await h.pusher.pushRound('shop-a')).pushed).toBe(1);
    release();
    await inFlight;

    const listing = await db.orm.em.fork().findOneOrFail(Listing, { accountId: 'shop-a' });
    expect(listing).toMatchObject({ target: 9, targetVersion: 2, lastPublished: 9, publishedVersion: 2, dirty: false });
    expect(shops['shop-a'].sandbox.stock.quantity('tea')).toBe(9);
  });

  /** Wraps the account's connector so the first push's answer waits for `release()`. */
  async function slowPusher(h: Awaited<ReturnType<typeof syncHarness>>, accountId: string) {
    const { wrapped, release } = holdFirstPush(await h.directory.connectorFor(accountId));
    const slowDirectory = Object.create(h.directory) as ChannelDirectory;
    slowDirectory.connectorFor = async () => wrapped;
    return { slow: new PushExecutor(db.orm, slowDirectory), release };
  }

  it('keeps a listing owed, under a new version, when a sale lands while its push is in flight and its target stays put', async () => {
    const h = await syncHarness(db.orm, shops);
    // At most 5 on the shop: sales below the cap leave the target where it is.
    const parsed = parseRuleSet(JSON.stringify({ version: 1, mode: 'shared', rules: [{ id: 'cap', limits: { testshop: { max: 5 } } }] }), { format: 'json' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const capAtFive = compileRuleSet(parsed.ruleSet);
    const planner = new AllocationPlanner(db.orm, () => capAtFive);
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 10 });
    await planner.plan(h.productId);
    await h.pusher.pushRound('shop-a');
    expect(h.shows('shop-a')).toBe(5);
    // The shop sells one: same target, but the shop shows 4, so a push is owed (a new version).
    shops['shop-a'].sandbox.stock.createOrder({ lines: [{ listingId: 'tea', quantity: 1 }] });
    await h.ingest('shop-a');
    await planner.plan(h.productId);
    const owed = await db.orm.em.fork().findOneOrFail(Listing, { accountId: 'shop-a' });
    expect(owed).toMatchObject({ target: 5, lastPublished: 4, dirty: true });

    const { slow, release } = await slowPusher(h, 'shop-a');
    const inFlight = slow.pushRound('shop-a');
    await new Promise((r) => setTimeout(r, 200));
    // The push set 5; before its answer arrives the shop sells another, and we ingest it.
    shops['shop-a'].sandbox.stock.createOrder({ lines: [{ listingId: 'tea', quantity: 1 }] });
    await h.ingest('shop-a');
    await planner.plan(h.productId);
    release();
    await inFlight;

    const overtaken = await db.orm.em.fork().findOneOrFail(Listing, { accountId: 'shop-a' });
    expect(overtaken).toMatchObject({ target: 5, lastPublished: 4, dirty: true, targetVersion: owed.targetVersion + 1 });
    expect(h.shows('shop-a')).toBe(4);
    expect((await h.pusher.pushRound('shop-a')).pushed).toBe(1);
    expect(h.shows('shop-a')).toBe(5);
    expect(await db.orm.em.fork().findOneOrFail(Listing, { accountId: 'shop-a' })).toMatchObject({ lastPublished: 5, dirty: false });
  });

  it('counts an accepted zero as what the channel shows, whatever it sold while the zero was in flight', async () => {
    const rakuten = CHANNEL_SHOPS.find((c) => c.name.startsWith('Rakuten')) as (typeof CHANNEL_SHOPS)[number];
    const shop = await rakuten.shop();
    try {
      const h = await syncHarness(db.orm, { rk: shop });
      await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 5 });
      await h.sync();
      expect(h.shows('rk')).toBe(5);
      // Rakuten sells two we have not heard of; the warehouse finds the rest broken: the target becomes 0.
      shop.sandbox.stock.createOrder({ lines: [{ listingId: shop.listingId, quantity: 2 }] });
      await h.ledger.adjust({ idempotencyKey: 'a1', sku: 'TEA', location: 'WH', delta: -5, reason: 'damaged' });
      await h.planner.plan(h.productId);
      const { slow, release } = await slowPusher(h, 'rk');
      const inFlight = slow.pushRound('rk');
      await new Promise((r) => setTimeout(r, 200));
      await h.ingest('rk');
      release();
      await inFlight;
      expect(h.shows('rk')).toBe(0);
      expect(await db.orm.em.fork().findOneOrFail(Listing, { accountId: 'rk' })).toMatchObject({ target: 0, lastPublished: 0, dirty: false });
    } finally {
      await shop.sandbox.close();
    }
  });
});
