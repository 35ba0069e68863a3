import { getQueueToken } from '@nestjs/bullmq';
import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import type { Queue } from 'bullmq';
import { QueueName } from '../src/queue/queue-names';
import { eventually } from './support/eventually';
import { startServiceProcess } from './support/service-process';
import { catalogue, closeShops, connectShop, mapListing, openShops, receive, shows } from './support/sync-fixture';
import { startTestApp, TEST_REDIS_URL, type TestApp } from './support/test-app';

const FAST = { ORDER_POLL_INTERVAL_MS: '200', OUTBOX_RELAY_INTERVAL_MS: '50', PUSH_RETRY_BASE_MS: '20', PUSH_RETRY_MAX_MS: '100' };

/** A wall-clock time the rule engine reads, whole seconds, `ms` from now. */
function secondsFromNow(ms: number): string {
  return new Date(Math.ceil((Date.now() + ms) / 1000) * 1000).toISOString().slice(0, 19) + '+00:00';
}

describe('sync lifecycle through the service (PostgreSQL, Redis, BullMQ)', () => {
  let api: TestApp;
  let shops: Record<string, ChannelSandbox>;
  const extra: TestApp[] = [];

  beforeEach(async () => {
    api = await startTestApp('postgresql', FAST);
    shops = await openShops(['shop-a', 'shop-b']);
    await catalogue(api, ['TEA']);
  });
  afterEach(async () => {
    for (const app of extra.splice(0)) await app.close();
    await api.close();
    await closeShops(shops);
  });

  it('cut-over: imports the open orders a shop already holds before its first push, leaving shipped ones out', async () => {
    const a = shops['shop-a'].stock;
    a.upsertListing({ listingId: 'tea', sellerSku: 'TEA', quantity: 20 });
    a.createOrder({ orderId: 'OPEN-1', lines: [{ listingId: 'tea', quantity: 2 }] });
    a.createOrder({ orderId: 'SHIPPED-1', lines: [{ listingId: 'tea', quantity: 3 }] });
    a.payOrder('SHIPPED-1');
    a.shipOrder('SHIPPED-1');
    a.createOrder({ orderId: 'CANCELLED-1', lines: [{ listingId: 'tea', quantity: 1 }] });
    a.cancelOrder('CANCELLED-1');
    // The warehouse counted 20 after SHIPPED-1 left: the opening stock.
    await receive(api, 'TEA', 20, 'opening');
    const pushesBefore = shops['shop-a'].requests.entries('push').length;
    await connectShop(api, 'shop-a', shops['shop-a']);
    expect(shops['shop-a'].requests.entries('push').length).toBe(pushesBefore);
    // No listing maps the shop's item yet: its open line waits, visible, never dropped.
    const waiting = await api.call<{ items: Array<{ orderId: string; quantity: number }> }>('GET', '/api/v1/channels/accounts/shop-a/unmapped');
    expect(waiting.body.items.map((l) => l.orderId).sort()).toEqual(['OPEN-1']);
    await mapListing(api, 'shop-a', shops['shop-a'], 'tea', 'TEA');
    const stock = await eventually(
      async () => (await api.call<{ onHand: number; reserved: number }>('GET', '/api/v1/stock/TEA')).body,
      (s) => s.reserved === 2,
    );
    expect(stock).toMatchObject({ onHand: 20, reserved: 2 });
    expect((await api.call<{ items: unknown[] }>('GET', '/api/v1/channels/accounts/shop-a/unmapped')).body.items).toEqual([]);
    expect(await shows(shops['shop-a'], 'tea', 18)).toBe(18);
    // The open order ships later: committed once, never counted twice.
    a.payOrder('OPEN-1');
    a.shipOrder('OPEN-1');
    const after = await eventually(
      async () => (await api.call<{ onHand: number; reserved: number }>('GET', '/api/v1/stock/TEA')).body,
      (s) => s.onHand === 18,
    );
    expect(after).toMatchObject({ onHand: 18, reserved: 0 });
  });

  it('books a shop\'s returns where the account says, refusing a location that cannot take them', async () => {
    await connectShop(api, 'shop-a', shops['shop-a']);
    await mapListing(api, 'shop-a', shops['shop-a'], 'tea', 'TEA');
    expect((await api.call('POST', '/api/v1/locations', { body: { code: 'RETURNS', name: '返品検品エリア', sellable: false } })).status).toBe(201);
    const refused = await api.call<{ issues: { path: string; message: string }[] }>('PUT', '/api/v1/channels/accounts/shop-a/returns-location', { body: { location: 'RETRUNS' } });
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toEqual([{ path: 'location', message: expect.stringContaining('sellable: WH; not for sale: RETURNS') }]);
    const typo = await api.call<{ issues: { path: string }[] }>('PUT', '/api/v1/channels/accounts/shop-a/returns-location', { body: { locaton: 'WH' } });
    expect(typo.body.issues.map((issue) => issue.path)).toEqual(['location', 'locaton']);
    const set = await api.call<{ returnsLocation: string | null }>('PUT', '/api/v1/channels/accounts/shop-a/returns-location', { body: { location: 'WH' } });
    expect([set.status, set.body.returnsLocation]).toEqual([200, 'WH']);

    await receive(api, 'TEA', 10, 'r1');
    await shows(shops['shop-a'], 'tea', 10);
    const a = shops['shop-a'].stock;
    a.createOrder({ orderId: 'R-1', lines: [{ listingId: 'tea', quantity: 3 }] });
    a.payOrder('R-1');
    a.shipOrder('R-1');
    a.returnLine('R-1', 'R-1-1', 2);
    const stock = async () => (await api.call<{ onHand: number; available: number }>('GET', '/api/v1/stock/TEA')).body;
    // Shipped units are committed one at a time: wait for the line as a whole, not a moment within it.
    await eventually(stock, (level) => level.onHand === 9 && level.available === 9, 20_000);
    await shows(shops['shop-a'], 'tea', 9);
  });

  it('re-allocates when a rule window opens, with no stock movement', async () => {
    await connectShop(api, 'shop-a', shops['shop-a']);
    await connectShop(api, 'shop-b', shops['shop-b']);
    await mapListing(api, 'shop-a', shops['shop-a'], 'tea', 'TEA');
    await mapListing(api, 'shop-b', shops['shop-b'], 'tea', 'TEA');
    await receive(api, 'TEA', 10, 'r1');
    await shows(shops['shop-b'], 'tea', 10);
    const opensAt = secondsFromNow(2500);
    const activated = await api.call('PUT', '/api/v1/rules', {
      body: {
        version: 1,
        mode: 'shared',
        rules: [
          { id: 'everyone', mode: 'shared' },
          { id: 'flash-sale-cap', window: { from: opensAt, to: secondsFromNow(3_600_000) }, limits: { 'testshop/shop-b': { max: 3 } } },
        ],
      },
    });
    expect(activated.status).toBe(200);
    expect(shops['shop-b'].stock.quantity('tea')).toBe(10);
    expect(await shows(shops['shop-b'], 'tea', 3, 10_000)).toBe(3);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(opensAt));
    expect(shops['shop-a'].stock.quantity('tea')).toBe(10);
    const listing = (await api.call<{ items: Array<{ id: number; account: string }> }>('GET', '/api/v1/channels/listings?account=shop-b')).body.items[0];
    const history = await api.call<{ items: Array<{ value: number; why: string[] }> }>('GET', `/api/v1/channels/listings/${listing.id}/history?lang=en`);
    expect(history.body.items[0].value).toBe(3);
    expect(history.body.items[0].why.join(' ')).toMatch(/flash-sale-cap/);
  });

  it('refuses a wrong rule set naming the path, and changes nothing', async () => {
    const refused = await api.call<{ issues: Array<{ path: string }> }>('PUT', '/api/v1/rules', { body: { version: 1, mode: 'shared', rules: [{ id: 'x', mode: 'sometimes' }] } });
    expect(refused.status).toBe(400);
    expect(refused.body.issues.map((i) => i.path).join(' ')).toMatch(/rules\[0\]\.mode/);
    expect((await api.call<{ id: number | null }>('GET', '/api/v1/rules')).body.id).toBeNull();
  });

  it('loses no ledger change when the process that committed it dies before anything was enqueued', async () => {
    await connectShop(api, 'shop-a', shops['shop-a']);
    await mapListing(api, 'shop-a', shops['shop-a'], 'tea', 'TEA');
    await receive(api, 'TEA', 5, 'r1');
    await shows(shops['shop-a'], 'tea', 5);
    await api.stop();
    // An API-only process (no relay) commits a receipt and its outbox row, and is killed outright.
    const doomed = startServiceProcess({
      ROLE: 'api',
      PORT: '0',
      DATABASE_URL: api.databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: api.queuePrefix,
      URIKIRI_ADMIN_KEY: api.adminKey,
      LOG_LEVEL: 'info',
    });
    const listening = await doomed.waitFor((r) => r['event'] === 'listening', 120_000);
    const receipt = await fetch(`${String(listening['api'])}/stock/receive`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sku: 'TEA', location: 'WH', quantity: 3, idempotencyKey: 'r2' }),
    });
    expect(receipt.status).toBe(200);
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    await new Promise((r) => setTimeout(r, 300));
    expect(shops['shop-a'].stock.quantity('tea')).toBe(5);
    // A worker that starts later finds the committed change in the outbox and carries it through.
    extra.push(await startTestApp('postgresql', { ...FAST, ROLE: 'worker' }, { replicaOf: api }));
    expect(await shows(shops['shop-a'], 'tea', 8)).toBe(8);
  }, 180_000);

  it('polls each account once per interval however many scheduler replicas run', async () => {
    await connectShop(api, 'shop-a', shops['shop-a']);
    for (let i = 0; i < 2; i++) extra.push(await startTestApp('postgresql', { ...FAST, ROLE: 'scheduler' }, { replicaOf: api }));
    const orders = api.app.get<Queue>(getQueueToken(QueueName.SyncOrders));
    await eventually(async () => (await orders.getJobSchedulers()).length, (n) => n === 1);
    expect((await orders.getJobSchedulers()).map((s) => [s.key, s.every])).toEqual([['orders-shop-a', 200]]);
    const polls = async () => (await orders.getJobs(['completed'], 0, -1)).filter((j) => j.name === 'poll-orders-tick').length;
    const before = await polls();
    const startedAt = Date.now();
    await new Promise((r) => setTimeout(r, 3000));
    const ran = (await polls()) - before;
    const intervals = (Date.now() - startedAt) / 200;
    // Three processes declare the schedule; it still fires about once per interval, not three times.
    expect(ran).toBeGreaterThanOrEqual(Math.floor(intervals * 0.5));
    expect(ran).toBeLessThanOrEqual(Math.ceil(intervals * 1.2));
  });

  it('repairs drift injected on the channel once its orders are caught up, and reports it', async () => {
    await connectShop(api, 'shop-a', shops['shop-a']);
    const listingId = await mapListing(api, 'shop-a', shops['shop-a'], 'tea', 'TEA');
    await receive(api, 'TEA', 10, 'r1');
    await shows(shops['shop-a'], 'tea', 10);
    // Someone edits the quantity in the shop's back office.
    shops['shop-a'].stock.setQuantity('tea', 25);
    const queued = await api.call<{ jobId: string }>('POST', '/api/v1/channels/accounts/shop-a/reconcile', { body: { repair: true } });
    expect(queued.status).toBe(202);
    expect(await shows(shops['shop-a'], 'tea', 10)).toBe(10);
    const runs = await eventually(
      async () => (await api.call<{ items: Array<{ drifted: number; repaired: number }> }>('GET', '/api/v1/channels/accounts/shop-a/reconciliations')).body.items,
      (items) => items.some((r) => r.repaired === 1),
    );
    expect(runs).toContainEqual(expect.objectContaining({ drifted: 1, repaired: 1 }));
    const listing = await api.call<{ lastPublished: number; owed: boolean }>('GET', `/api/v1/channels/listings/${listingId}`);
    expect(listing.body).toMatchObject({ lastPublished: 10, owed: false });
  });
});
