import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import { createTestDatabase, type TestDatabase, type TestDialect } from '@urikiri/inventory/testing';
import { SYNC_ENTITIES } from './entities';
import { Listing } from './entities/listing.entity';
import { PushExecutor } from './push-executor';
import { syncHarness, testshop, type HarnessShop } from './testing/sync-harness';

/**
 * A channel in maintenance, or answering 503 with Retry-After, says when to come back: the listing
 * waits at least that long, and at least its own backoff, whichever is longer.
 */
describe.each<TestDialect>(['postgresql', 'sqlite'])('push retries and the channel\'s Retry-After on %s', (dialect) => {
  let db: TestDatabase;
  let shops: Record<string, HarnessShop>;
  let now: number;
  const T0 = Date.parse('2026-12-04T02:00:00Z');

  beforeEach(async () => {
    db = await createTestDatabase(dialect, { entities: SYNC_ENTITIES });
    shops = { 'shop-a': testshop(await createTestshopSandbox({ seed: 31 })) };
    now = T0;
  });
  afterEach(async () => {
    await shops['shop-a'].sandbox.close();
    await db.drop();
  });

  /** A pusher on the test's clock whose backoff is the full cap: 500 ms × 2^(n−1). */
  async function start() {
    const h = await syncHarness(db.orm, shops);
    const pusher = new PushExecutor(db.orm, h.directory, { maxFailures: 8, backoffBaseMs: 500, backoffMaxMs: 60_000, random: () => 1 }, () => new Date(now));
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 5 });
    await h.planner.plan(h.productId);
    const listing = async () => db.orm.em.fork().findOneOrFail(Listing, { accountId: 'shop-a' });
    const calls = () => shops['shop-a'].sandbox.requests.entries().length;
    return { h, pusher, listing, calls };
  }

  it('waits out a maintenance window for as long as the channel says, without calling it meanwhile', async () => {
    const { pusher, listing, calls } = await start();
    const faults = shops['shop-a'].sandbox.faults;
    faults.startMaintenance(30);

    const refused = await pusher.pushRound('shop-a');
    expect(refused).toMatchObject({ pushed: 0, failed: 1, remaining: 1 });
    expect(refused.retryAt?.getTime()).toBe(T0 + 30_000);
    expect(await listing()).toMatchObject({ failures: 1, deadLetter: false, dirty: true });
    expect((await listing()).notBefore?.getTime()).toBe(T0 + 30_000);

    now = T0 + 29_999;
    expect(await pusher.pushRound('shop-a')).toMatchObject({ pushed: 0, failed: 0, remaining: 1 });
    expect(calls()).toBe(1);

    faults.endMaintenance();
    now = T0 + 30_000;
    expect(await pusher.pushRound('shop-a')).toMatchObject({ pushed: 1, failed: 0, remaining: 0 });
    expect(shops['shop-a'].sandbox.stock.quantity('tea')).toBe(5);
    expect(await listing()).toMatchObject({ failures: 0, lastPublished: 5 });
  });

  it("takes the longer of the channel's Retry-After and its own backoff, and its own backoff when the channel says nothing", async () => {
    const { pusher, listing } = await start();
    const faults = shops['shop-a'].sandbox.faults;
    const notBefore = async () => ((await listing()).notBefore?.getTime() ?? 0) - now;

    faults.next('push', { kind: 'server-error', status: 503, retryAfterSeconds: 4 });
    await pusher.pushRound('shop-a');
    expect(await notBefore()).toBe(4_000); // the channel's 4 s over a first backoff of 0.5 s

    now += 4_000;
    faults.next('push', { kind: 'server-error', status: 503 });
    await pusher.pushRound('shop-a');
    expect(await notBefore()).toBe(1_000); // no Retry-After: the second backoff

    now += 1_000;
    faults.next('push', { kind: 'server-error', status: 503, retryAfterSeconds: 1 });
    await pusher.pushRound('shop-a');
    expect(await notBefore()).toBe(2_000); // the third backoff is longer than the channel's 1 s

    now += 2_000;
    expect(await pusher.pushRound('shop-a')).toMatchObject({ pushed: 1 });
    expect(shops['shop-a'].sandbox.stock.quantity('tea')).toBe(5);
  });

  it('never sends a listing to the dead letters while the channel keeps saying when to come back', async () => {
    const { pusher, listing } = await start();
    const faults = shops['shop-a'].sandbox.faults;
    for (let round = 0; round < 12; round++) {
      faults.next('push', { kind: 'server-error', status: 503, retryAfterSeconds: 2 });
      await pusher.pushRound('shop-a');
      now = (((await listing()).notBefore?.getTime()) ?? now) + 1;
    }
    expect(await listing()).toMatchObject({ failures: 12, deadLetter: false, dirty: true });
    expect(await pusher.pushRound('shop-a')).toMatchObject({ pushed: 1 });
  });
});
