import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import { createTestDatabase, type TestDatabase } from '@urikiri/inventory/testing';
import { SYNC_ENTITIES } from './entities';
import { ChannelAccount } from './entities/channel-account.entity';
import { Listing } from './entities/listing.entity';
import { Reconciler } from './reconciler';
import { CHANNEL_SHOPS } from './testing/channel-shops';
import { syncHarness, testshop, type HarnessShop } from './testing/sync-harness';

// The channels whose writes are changes: a change whose answer was lost cannot be sent again safely.
const RELATIVE_CHANNELS = CHANNEL_SHOPS.filter((c) => /Rakuten|Yahoo/.test(c.name));

describe.each(RELATIVE_CHANNELS)('a lost answer to a change on $name', ({ shop }) => {
  let db: TestDatabase;
  let shops: Record<string, HarnessShop>;

  beforeEach(async () => {
    db = await createTestDatabase('postgresql', { entities: SYNC_ENTITIES });
    shops = { channel: await shop(), own: testshop(await createTestshopSandbox({ seed: 2 })) };
  });
  afterEach(async () => {
    for (const s of Object.values(shops)) await s.sandbox.close();
    await db.drop();
  });

  it('asks for a read-back once the listing is answered, and the read-back restores what the resend took too much', async () => {
    const h = await syncHarness(db.orm, shops);
    const channel = shops['channel'].sandbox;
    const catchUp = async () => {
      const began = new Date();
      await h.ingest('channel');
      await db.orm.em.fork().nativeUpdate(ChannelAccount, { id: 'channel' }, { ordersCaughtUpAt: began });
    };
    const reconciler = new Reconciler(db.orm, h.directory, { ingestionToleranceMs: 0, catchUp });
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 10 });
    await h.sync();
    expect(h.shows('channel')).toBe(10);

    // A sale on the own shop lowers the channel's target to 7. The lowering lands, its answer is lost:
    // the connector must assume it did not land, and sends it again (it can only show too few).
    shops['own'].sandbox.stock.createOrder({ lines: [{ listingId: 'tea', quantity: 3 }] });
    await h.ingest('own');
    await h.planner.plan(h.productId);
    channel.faults.next('push', { kind: 'lost-response' });
    const lost = await h.pusher.pushRound('channel');
    expect([lost.failed, lost.readBack]).toEqual([1, []]);
    const resent = await h.pusher.pushRound('channel');
    expect(resent.pushed).toBe(1);
    expect(h.shows('channel')).toBe(4);

    // The answered resend says the listing is uncertain; reading it back repairs the difference.
    expect(resent.readBack).toHaveLength(1);
    const readBack = await reconciler.reconcile('channel', { repair: true, listingIds: resent.readBack });
    expect(readBack).toMatchObject({ checked: 1, repaired: 1, unsettled: [] });
    expect(readBack.drift).toEqual([expect.objectContaining({ expected: 7, observed: 4, repaired: true })]);
    await h.sync();
    expect(h.shows('channel')).toBe(7);
    // A write answered at once asks for nothing.
    shops['own'].sandbox.stock.createOrder({ lines: [{ listingId: 'tea', quantity: 1 }] });
    await h.ingest('own');
    await h.planner.plan(h.productId);
    expect((await h.pusher.pushRound('channel')).readBack).toEqual([]);
    expect(h.shows('channel')).toBe(6);
  }, 120_000);

  it('leaves a listing it could not read unsettled, for another read-back', async () => {
    const h = await syncHarness(db.orm, shops);
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 10 });
    await h.sync();
    const listingIds = [(await db.orm.em.fork().findOneOrFail(Listing, { accountId: 'channel' })).id];
    shops['channel'].sandbox.faults.next('read', { kind: 'server-error', status: 503, retryAfterSeconds: 1 }, 3);
    const report = await new Reconciler(db.orm, h.directory).reconcile('channel', { repair: true, listingIds });
    expect(report.unsettled).toEqual(listingIds);
  }, 120_000);
});

describe('a lost answer to a compare-and-set that landed, then a new target (Shopify)', () => {
  let db: TestDatabase;
  let shops: Record<string, HarnessShop>;
  const shopify = CHANNEL_SHOPS.find((c) => c.name.startsWith('Shopify'));

  beforeEach(async () => {
    if (!shopify) throw new Error('the Shopify case of CHANNEL_SHOPS is missing');
    db = await createTestDatabase('postgresql', { entities: SYNC_ENTITIES });
    shops = { channel: await shopify.shop(), own: testshop(await createTestshopSandbox({ seed: 2 })) };
  });
  afterEach(async () => {
    for (const s of Object.values(shops)) await s.sandbox.close();
    await db.drop();
  });

  it('names the listing refused as stale for a read-back, which repairs what every later compare-and-set would be refused for', async () => {
    const h = await syncHarness(db.orm, shops);
    const reconciler = new Reconciler(db.orm, h.directory, {
      ingestionToleranceMs: 0,
      catchUp: async () => {
        const began = new Date();
        await h.ingest('channel');
        await db.orm.em.fork().nativeUpdate(ChannelAccount, { id: 'channel' }, { ordersCaughtUpAt: began });
      },
    });
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 10 });
    await h.sync();
    // 10 → 7 lands, its answer is lost; before the retry the target moves to 6, a write of its own.
    shops['own'].sandbox.stock.createOrder({ lines: [{ listingId: 'tea', quantity: 3 }] });
    await h.ingest('own');
    await h.planner.plan(h.productId);
    shops['channel'].sandbox.faults.next('push', { kind: 'lost-response' });
    expect((await h.pusher.pushRound('channel')).failed).toBe(1);
    expect(h.shows('channel')).toBe(7);
    shops['own'].sandbox.stock.createOrder({ lines: [{ listingId: 'tea', quantity: 1 }] });
    await h.ingest('own');
    await h.planner.plan(h.productId);
    const refused = await h.pusher.pushRound('channel');
    expect(refused.stale).toBe(1);
    expect(refused.staleListings).toHaveLength(1);

    const readBack = await reconciler.reconcile('channel', { repair: true, listingIds: refused.staleListings });
    expect(readBack.drift).toEqual([expect.objectContaining({ expected: 10, observed: 7, repaired: true })]);
    // The stale refusal's short pause is over before the next push.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await h.sync();
    expect(h.shows('channel')).toBe(6);
  }, 120_000);
});
