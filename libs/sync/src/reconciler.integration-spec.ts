import type { ReadResult } from '@urikiri/connector-sdk';
import { TestshopConnector } from '@urikiri/connector-testshop';
import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import { createTestDatabase, type TestDatabase, type TestDialect } from '@urikiri/inventory/testing';
import { SYNC_ENTITIES } from './entities';
import { ChannelAccount } from './entities/channel-account.entity';
import { Listing } from './entities/listing.entity';
import { ListingService } from './listing.service';
import { Reconciler } from './reconciler';
import { syncHarness, testshop, type HarnessShop } from './testing/sync-harness';

describe.each<TestDialect>(['postgresql', 'sqlite'])('reconciliation on %s', (dialect) => {
  let db: TestDatabase;
  let shops: Record<string, HarnessShop>;
  /** Runs once while the connector reads shop A, after the channel answered: what happens meanwhile. */
  let duringRead: (() => Promise<void>) | null;

  beforeEach(async () => {
    db = await createTestDatabase(dialect, { entities: SYNC_ENTITIES });
    duringRead = null;
    const a = testshop(await createTestshopSandbox({ seed: 1 }));
    class ObservedTestshop extends TestshopConnector {
      override async read(listingIds: string[]): Promise<ReadResult[]> {
        const results = await super.read(listingIds);
        const meanwhile = duringRead;
        duringRead = null;
        if (meanwhile) await meanwhile();
        return results;
      }
    }
    shops = {
      'shop-a': { ...a, connect: (credentials, baseUrl) => new ObservedTestshop({ credentials, baseUrl, timeoutMs: 5000 }) },
      'shop-b': testshop(await createTestshopSandbox({ seed: 2 })),
    };
  });
  afterEach(async () => {
    for (const s of Object.values(shops)) await s.sandbox.close();
    await db.drop();
  });

  /** A harness with 10 TEA published to both shops, and ingestion of shop A that records when it caught up. */
  async function published() {
    const h = await syncHarness(db.orm, shops);
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 10 });
    await h.sync();
    expect([h.shows('shop-a'), h.shows('shop-b')]).toEqual([10, 10]);
    /** As the service's poller does: the moment its last fetch began, once a fetch found nothing more. */
    const catchUp = async (id: string) => {
      const began = new Date();
      await h.ingest(id);
      await setCaughtUp(id, began);
    };
    const setCaughtUp = (id: string, at: Date | null) => db.orm.em.fork().nativeUpdate(ChannelAccount, { id }, { ordersCaughtUpAt: at });
    const listing = () => db.orm.em.fork().findOneOrFail(Listing, { accountId: 'shop-a', channelListingId: 'tea' });
    return {
      ...h,
      catchUp,
      setCaughtUp,
      listing,
      /** As the service wires it: a run that found drift catches the account's orders up after the read. */
      reconciler: new Reconciler(db.orm, h.directory, { ingestionToleranceMs: 0, catchUp }),
      /** Left to whatever ingestion ran before. */
      bare: new Reconciler(db.orm, h.directory),
    };
  }

  it('reports drift, repairs it once ingestion has caught up, and the next push restores the target', async () => {
    const h = await published();
    // Someone edits the quantity in the channel's admin.
    shops['shop-a'].sandbox.stock.setQuantity('tea', 4);

    const report = await h.reconciler.reconcile('shop-a', { repair: true });
    expect(report).toMatchObject({ checked: 1, repaired: 1, notFound: [], skipped: [], notRepairedReason: null, replan: [h.productId] });
    expect((report.ordersCaughtUpAt as Date).getTime()).toBeGreaterThanOrEqual(report.readFinishedAt.getTime());
    expect(report.drift).toEqual([
      { listingId: (await h.listing()).id, channelListingId: 'tea', productId: h.productId, expected: 10, observed: 4, difference: -6, repaired: true, notRepaired: null },
    ]);
    expect(await h.listing()).toMatchObject({ lastPublished: 4, dirty: true, targetVersion: 2 });

    expect((await h.pusher.pushRound('shop-a')).pushed).toBe(1);
    expect(h.shows('shop-a')).toBe(10);
    expect((await h.reconciler.reconcile('shop-a', { repair: true })).drift).toEqual([]);
    expect(await h.reconciler.lastRun('shop-a')).toMatchObject({ repairRequested: true, checked: 1, drifted: 0, repaired: 0, notFound: 0, skippedReason: null, finishedAt: expect.any(Date) });
  });

  it('only reports when not asked to repair, or when the account or the listing is stopped', async () => {
    const h = await published();
    shops['shop-a'].sandbox.stock.setQuantity('tea', 13);

    const reportOnly = await h.reconciler.reconcile('shop-a', { repair: false });
    expect(reportOnly).toMatchObject({ repaired: 0, notRepairedReason: 'repair not requested', drift: [{ difference: 3, repaired: false, notRepaired: 'repair not requested' }] });
    expect(await h.reconciler.lastRun('shop-a')).toMatchObject({ repairRequested: false, drifted: 1, repaired: 0, skippedReason: 'repair not requested' });

    await h.directory.setStopped('shop-a', true, 'stocktake');
    const stopped = await h.reconciler.reconcile('shop-a', { repair: true });
    expect(stopped).toMatchObject({ repaired: 0, notRepairedReason: 'account stopped: stocktake', drift: [{ repaired: false, notRepaired: 'account stopped: stocktake' }] });

    await h.directory.setStopped('shop-a', false);
    await new ListingService(db.orm).setStopped((await h.listing()).id, true);
    const listingStopped = await h.reconciler.reconcile('shop-a', { repair: true });
    expect(listingStopped).toMatchObject({ repaired: 0, notRepairedReason: null, drift: [{ repaired: false, notRepaired: 'listing stopped' }] });
    expect(await h.listing()).toMatchObject({ lastPublished: 10, dirty: false });
  });

  it('never repairs away a sale it has not ingested', async () => {
    const h = await published();
    // Ingestion has just caught up; then the channel sells, just before the reconciliation reads it.
    await h.catchUp('shop-a');
    shops['shop-a'].sandbox.stock.createOrder({ orderId: 'A-1', lines: [{ listingId: 'tea', quantity: 3 }] });

    const behind = await h.bare.reconcile('shop-a', { repair: true });
    expect(behind).toMatchObject({ repaired: 0, notRepairedReason: expect.stringMatching(/^ingestion behind: orders caught up at .* before the channel answered at .*; the difference may be sales not ingested yet$/) });
    expect(behind.drift).toEqual([expect.objectContaining({ expected: 10, observed: 7, difference: -3, repaired: false, notRepaired: behind.notRepairedReason })]);
    expect(await h.reconciler.lastRun('shop-a')).toMatchObject({ drifted: 1, repaired: 0, skippedReason: expect.stringMatching(/^ingestion behind/) });
    expect(await h.listing()).toMatchObject({ lastPublished: 10, dirty: false });

    await h.setCaughtUp('shop-a', null);
    expect((await h.bare.reconcile('shop-a', { repair: true })).drift).toEqual([expect.objectContaining({ repaired: false, notRepaired: expect.stringMatching(/never been fetched/) })]);
    const failing = new Reconciler(db.orm, h.directory, { ingestionToleranceMs: 0, catchUp: async () => { throw new Error('orders API in maintenance'); } });
    expect((await failing.reconcile('shop-a', { repair: true })).drift).toEqual([
      expect.objectContaining({ repaired: false, notRepaired: 'ingestion behind: catching up failed: orders API in maintenance' }),
    ]);
    expect(await h.listing()).toMatchObject({ lastPublished: 10, dirty: false });

    // Catching up within the run ingests the sale: the listing moved, so the observation is not applied.
    const caught = await h.reconciler.reconcile('shop-a', { repair: true });
    expect(caught.drift).toEqual([expect.objectContaining({ expected: 10, observed: 7, repaired: false, notRepaired: expect.stringMatching(/^the listing changed during the run/) })]);
    expect(await h.listing()).toMatchObject({ lastPublished: 7, dirty: false });
    expect((await h.reconciler.reconcile('shop-a', { repair: true })).drift).toEqual([]);

    await h.sync();
    expect([h.shows('shop-a'), h.shows('shop-b')]).toEqual([7, 7]);
    expect(await h.stock.stock('TEA')).toMatchObject({ onHand: 10, reserved: 3, available: 7 });
    expect((await h.stock.oversellCount()).events).toBe(0);
  });

  it('leaves a listing alone when a sale is ingested after the channel answered, and repairs it on the next run', async () => {
    const h = await published();
    const channel = shops['shop-a'].sandbox.stock;
    channel.setQuantity('tea', 6);
    // The channel answered 6; then it sells 2, which the catching up ingests before the repair.
    duringRead = async () => {
      channel.createOrder({ orderId: 'A-1', lines: [{ listingId: 'tea', quantity: 2 }] });
    };
    const first = await h.reconciler.reconcile('shop-a', { repair: true });
    expect(first.drift).toEqual([expect.objectContaining({ expected: 10, observed: 6, repaired: false, notRepaired: expect.stringMatching(/^the listing changed during the run/) })]);
    expect(await h.listing()).toMatchObject({ lastPublished: 8 });

    const second = await h.reconciler.reconcile('shop-a', { repair: true });
    expect(second.drift).toEqual([expect.objectContaining({ expected: 8, observed: 4, difference: -4, repaired: true })]);
    await h.sync();
    expect([h.shows('shop-a'), h.shows('shop-b')]).toEqual([8, 8]);
    expect((await h.stock.oversellCount()).events).toBe(0);
  });

  it('deactivates a listing the channel no longer knows and asks for its product to be re-allocated', async () => {
    const h = await published();
    // Published once, then deleted on the channel (the sandbox never had it).
    const gone = await new ListingService(db.orm).add({ accountId: 'shop-a', channelListingId: 'tea-old', sku: 'TEA' });
    await db.orm.em.fork().nativeUpdate(Listing, { id: gone.id }, { target: 5, lastPublished: 5, publishedVersion: 1, targetVersion: 1 });
    const fresh = await new ListingService(db.orm).add({ accountId: 'shop-a', channelListingId: 'tea-new', sku: 'TEA' });
    shops['shop-a'].sandbox.stock.upsertListing({ listingId: 'tea-new', sellerSku: 'TEA', quantity: 2 });

    const report = await h.reconciler.reconcile('shop-a', { repair: true });
    expect(report).toMatchObject({
      checked: 1,
      drift: [],
      notFound: [{ listingId: gone.id, channelListingId: 'tea-old', productId: h.productId, deactivated: true }],
      skipped: [{ listingId: fresh.id, channelListingId: 'tea-new', reason: 'never published: nothing to compare with yet' }],
      replan: [h.productId],
    });
    expect(await db.orm.em.fork().findOneOrFail(Listing, { id: gone.id })).toMatchObject({ active: false, dirty: false, inactiveReason: expect.stringMatching(/does not know/) });
    expect(await h.reconciler.lastRun('shop-a')).toMatchObject({ checked: 1, notFound: 1 });
  });

  it('reads in batches of the channel bulk read size and reports what it could not read', async () => {
    const h = await published();
    const listings = new ListingService(db.orm);
    for (let i = 1; i <= 120; i++) {
      const id = `tea-${i}`;
      shops['shop-a'].sandbox.stock.upsertListing({ listingId: id, sellerSku: 'TEA', quantity: 1 });
      const l = await listings.add({ accountId: 'shop-a', channelListingId: id, sku: 'TEA' });
      await db.orm.em.fork().nativeUpdate(Listing, { id: l.id }, { target: 1, lastPublished: 1, publishedVersion: 1, targetVersion: 1 });
    }
    shops['shop-a'].sandbox.requests.clear();
    const all = await h.reconciler.reconcile('shop-a', { repair: true });
    expect(all).toMatchObject({ checked: 121, drift: [], skipped: [] });
    expect(shops['shop-a'].sandbox.requests.entries('read').map((r) => r.itemCount)).toEqual([100, 21]);

    // The second batch meets a channel error: the first is still compared, the rest reported unread.
    shops['shop-a'].sandbox.stock.setQuantity('tea-1', 0);
    let reads = 0;
    duringRead = async () => {
      reads++;
      shops['shop-a'].sandbox.faults.next('read', { kind: 'server-error' }, 1);
    };
    const partial = await h.reconciler.reconcile('shop-a', { repair: true });
    expect(reads).toBe(1);
    expect(partial).toMatchObject({ checked: 100, repaired: 1, notRepairedReason: expect.stringMatching(/^read failed: /) });
    expect(partial.skipped).toHaveLength(21);
    expect(partial.skipped[0].reason).toMatch(/^not read: /);
  });
});
