import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import type { ChannelConnector, PushItem, PushResult } from '@urikiri/connector-sdk';
import { createTestDatabase, type TestDatabase, type TestDialect } from '@urikiri/inventory/testing';
import type { ChannelDirectory } from './channel-directory';
import { SYNC_ENTITIES } from './entities';
import { Listing } from './entities/listing.entity';
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
});
