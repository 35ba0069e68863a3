import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import { createTestDatabase, type TestDatabase } from '@urikiri/inventory/testing';
import { SYNC_ENTITIES } from './entities';
import { ChannelAccount } from './entities/channel-account.entity';
import { Reconciler } from './reconciler';
import { CHANNEL_SHOPS } from './testing/channel-shops';
import { syncHarness, testshop, type HarnessShop } from './testing/sync-harness';

describe.each(CHANNEL_SHOPS)('reconciliation with $name', ({ shop }) => {
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

  it('holds back while a sale is not ingested, then repairs drift so that the next push restores the target', async () => {
    const h = await syncHarness(db.orm, shops);
    const channel = shops['channel'].sandbox.stock;
    const item = shops['channel'].listingId;
    const catchUp = async () => {
      const began = new Date();
      await h.ingest('channel');
      await db.orm.em.fork().nativeUpdate(ChannelAccount, { id: 'channel' }, { ordersCaughtUpAt: began });
    };
    const reconciler = new Reconciler(db.orm, h.directory, { ingestionToleranceMs: 0, catchUp });
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 10 });
    await h.sync();
    await catchUp();
    expect([h.shows('channel'), h.shows('own')]).toEqual([10, 10]);

    // A sale the channel has taken and we have not ingested is not drift to repair: without catching
    // up it is reported, and catching up within the run ingests it instead of repairing it away.
    channel.createOrder({ lines: [{ listingId: item, quantity: 3 }] });
    const behind = await new Reconciler(db.orm, h.directory).reconcile('channel', { repair: true });
    expect(behind.drift).toEqual([expect.objectContaining({ expected: 10, observed: 7, repaired: false, notRepaired: expect.stringMatching(/^ingestion behind/) })]);
    const caught = await reconciler.reconcile('channel', { repair: true });
    expect(caught.drift).toEqual([expect.objectContaining({ expected: 10, observed: 7, repaired: false, notRepaired: expect.stringMatching(/^the listing changed/) })]);
    expect((await reconciler.reconcile('channel', { repair: true })).drift).toEqual([]);

    // Someone lowers the quantity in the channel's admin: repaired, and pushed back to the target.
    channel.setQuantity(item, 2);
    const repaired = await reconciler.reconcile('channel', { repair: true });
    expect(repaired.drift).toEqual([expect.objectContaining({ expected: 7, observed: 2, difference: -5, repaired: true })]);
    await h.sync();
    expect([h.shows('channel'), h.shows('own')]).toEqual([7, 7]);
    expect((await reconciler.reconcile('channel', { repair: true })).drift).toEqual([]);
    expect(await h.stock.stock('TEA')).toMatchObject({ onHand: 10, reserved: 3, available: 7 });
    expect((await h.stock.oversellCount()).events).toBe(0);
  }, 120_000);
});
