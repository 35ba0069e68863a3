import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { eventually } from './support/eventually';
import { catalogue, closeShops, connectShop, mapListing, openShops, receive, shows } from './support/sync-fixture';
import { startTestApp, type TestApp } from './support/test-app';

interface ListingView {
  id: number;
  target: number | null;
  lastPublished: number | null;
  owed: boolean;
  deadLetter: boolean;
  failures: number;
  why: string[];
}

const pushCalls = (shop: ChannelSandbox) => shop.requests.entries('push').length;

describe('sync pipeline through the service (PostgreSQL, Redis, BullMQ)', () => {
  let api: TestApp;
  let shops: Record<string, ChannelSandbox>;

  beforeEach(async () => {
    api = await startTestApp('postgresql', { ORDER_POLL_INTERVAL_MS: '200', OUTBOX_RELAY_INTERVAL_MS: '50', PUSH_RETRY_BASE_MS: '20', PUSH_RETRY_MAX_MS: '100' });
    shops = await openShops(['shop-a', 'shop-b']);
    await catalogue(api, ['TEA', 'MUG']);
  });
  afterEach(async () => {
    await api.close();
    await closeShops(shops);
  });

  it('brings a receipt to every shop, then a sale on one shop to the other', async () => {
    await connectShop(api, 'shop-a', shops['shop-a']);
    await connectShop(api, 'shop-b', shops['shop-b']);
    await mapListing(api, 'shop-a', shops['shop-a'], 'tea', 'TEA');
    await mapListing(api, 'shop-b', shops['shop-b'], 'tea', 'TEA');
    await receive(api, 'TEA', 10, 'r1');
    expect([await shows(shops['shop-a'], 'tea', 10), await shows(shops['shop-b'], 'tea', 10)]).toEqual([10, 10]);

    shops['shop-a'].stock.createOrder({ orderId: 'A-1', lines: [{ listingId: 'tea', quantity: 3 }] });
    expect(await shows(shops['shop-b'], 'tea', 7)).toBe(7);
    expect(shops['shop-a'].stock.quantity('tea')).toBe(7);
    const stock = await api.call<{ reserved: number; available: number }>('GET', '/api/v1/stock/TEA');
    expect(stock.body).toMatchObject({ reserved: 3, available: 7 });

    // The latencies of that path are measured where every process can read them.
    const metrics = await eventually(
      async () => (await api.call<{ latency: Array<{ metric: string; account: string; channel: string; count: number; p99Ms: number | null }> }>('GET', '/api/v1/sync/metrics')).body.latency,
      (series) => series.some((s) => s.metric === 'end_to_end' && s.account === 'shop-b'),
    );
    const series = (metric: string, account: string) => metrics.find((s) => s.metric === metric && s.account === account);
    expect(series('ingest', 'shop-a')).toMatchObject({ channel: 'testshop', count: 1 });
    expect(series('push', 'shop-b')?.count).toBeGreaterThanOrEqual(2);
    expect(series('end_to_end', 'shop-b')?.p99Ms).toBeGreaterThan(0);
    const prometheus = await api.call('GET', '/metrics');
    expect(prometheus.text).toMatch(/urikiri_sync_latency_ms_count\{metric="end_to_end",account="shop-b",channel="testshop"\} [1-9]/);
    expect(prometheus.text).toMatch(/urikiri_queue_jobs\{queue="sync-push-shop-b",state="waiting"\}/);
  });

  it('coalesces a burst of ledger changes into a few pushes that end at the latest value', async () => {
    await connectShop(api, 'shop-a', shops['shop-a']);
    await mapListing(api, 'shop-a', shops['shop-a'], 'tea', 'TEA');
    await receive(api, 'TEA', 1, 'first');
    await shows(shops['shop-a'], 'tea', 1);
    const before = pushCalls(shops['shop-a']);
    await Promise.all(Array.from({ length: 40 }, (_, i) => receive(api, 'TEA', 1, `burst-${i}`)));
    expect(await shows(shops['shop-a'], 'tea', 41)).toBe(41);
    await new Promise((r) => setTimeout(r, 300));
    const pushes = pushCalls(shops['shop-a']) - before;
    expect(pushes).toBeGreaterThanOrEqual(1);
    expect(pushes).toBeLessThan(20);
    expect(shops['shop-a'].stock.quantity('tea')).toBe(41);
  });

  it('batches many owed listings of one account into calls of the channel\'s bulk size', async () => {
    await connectShop(api, 'shop-a', shops['shop-a']);
    const skus = Array.from({ length: 120 }, (_, i) => `SKU-${i}`);
    await catalogue(api, skus);
    for (const sku of skus) await mapListing(api, 'shop-a', shops['shop-a'], sku.toLowerCase(), sku);
    await api.call('POST', '/api/v1/channels/accounts/shop-a/stop', { body: { reason: 'loading opening stock' } });
    for (const sku of skus) await receive(api, sku, 5, `r-${sku}`);
    await eventually(
      async () => (await api.call<{ listings: { owed: number } }>('GET', '/api/v1/channels/accounts/shop-a')).body.listings.owed,
      (owed) => owed === 120,
    );
    const before = pushCalls(shops['shop-a']);
    await api.call('POST', '/api/v1/channels/accounts/shop-a/resume');
    await eventually(async () => skus.every((sku) => shops['shop-a'].stock.quantity(sku.toLowerCase()) === 5), (done) => done);
    // testshop takes 50 listings per call: 120 listings are 3 calls.
    expect(pushCalls(shops['shop-a']) - before).toBe(3);
  });

  it('never overwrites a sale the channel made that we have not ingested (write race), then converges', async () => {
    await connectShop(api, 'shop-a', shops['shop-a']);
    const listingId = await mapListing(api, 'shop-a', shops['shop-a'], 'tea', 'TEA');
    await receive(api, 'TEA', 10, 'r1');
    await shows(shops['shop-a'], 'tea', 10);
    // Polling is slow next to the push: the sale below is not ingested when the receipt is pushed.
    shops['shop-a'].faults.next('orders', { kind: 'server-error' }, 3);
    shops['shop-a'].stock.createOrder({ orderId: 'A-1', lines: [{ listingId: 'tea', quantity: 4 }] });
    await receive(api, 'TEA', 2, 'r2');
    const observed: number[] = [];
    const final = await eventually(
      async () => {
        observed.push(shops['shop-a'].stock.quantity('tea'));
        return (await api.call<ListingView>('GET', `/api/v1/channels/listings/${listingId}`)).body;
      },
      (listing) => listing.owed === false && shops['shop-a'].stock.quantity('tea') === 8,
    );
    // 10 − 4 sold = 6 on the channel; never 12 (the receipt pushed over the sale); then 12 − 4 = 8.
    expect(observed.filter((q) => q > 8)).toEqual([]);
    expect(final).toMatchObject({ target: 8, lastPublished: 8, owed: false });
    expect((await api.call<{ events: number }>('GET', '/api/v1/backorders/count')).body.events).toBe(0);
  });

  it('retries a failing listing with backoff, sets it aside as a dead letter, and takes it back on demand', async () => {
    await connectShop(api, 'shop-a', shops['shop-a']);
    const listingId = await mapListing(api, 'shop-a', shops['shop-a'], 'tea', 'TEA');
    shops['shop-a'].faults.next('push', { kind: 'server-error' }, 100);
    await receive(api, 'TEA', 5, 'r1');
    const dead = await eventually(
      async () => (await api.call<ListingView>('GET', `/api/v1/channels/listings/${listingId}`)).body,
      (listing) => listing.deadLetter,
      20_000,
      100,
    );
    expect(dead).toMatchObject({ deadLetter: true, failures: 8 });
    const listed = await api.call<{ items: ListingView[] }>('GET', '/api/v1/channels/listings?state=dead-letter');
    expect(listed.body.items.map((l) => l.id)).toEqual([listingId]);
    shops['shop-a'].faults.clear();
    const retried = await api.call<ListingView>('POST', `/api/v1/channels/listings/${listingId}/retry`);
    expect(retried.status).toBe(200);
    expect(await shows(shops['shop-a'], 'tea', 5)).toBe(5);
  }, 40_000);

  it('ingests webhooks once however often and in whatever order they arrive, and refuses forged ones', async () => {
    await connectShop(api, 'shop-a', shops['shop-a']);
    await connectShop(api, 'shop-b', shops['shop-b']);
    await mapListing(api, 'shop-a', shops['shop-a'], 'tea', 'TEA');
    await mapListing(api, 'shop-b', shops['shop-b'], 'tea', 'TEA');
    await receive(api, 'TEA', 20, 'r1');
    await shows(shops['shop-a'], 'tea', 20);
    await shows(shops['shop-b'], 'tea', 20);
    const a = shops['shop-a'].stock;
    a.createOrder({ orderId: 'W-1', lines: [{ listingId: 'tea', quantity: 5 }] });
    a.cancelLine('W-1', 'W-1-1', 2);
    a.payOrder('W-1');
    a.shipOrder('W-1');
    const events = a.events();
    const post = async (delivery: { headers: Record<string, string | string[] | undefined>; body: Buffer | string }) =>
      fetch(`${api.baseUrl}/api/v1/channels/accounts/shop-a/webhook`, {
        method: 'POST',
        headers: Object.fromEntries(Object.entries(delivery.headers).map(([k, v]) => [k, String(v)])),
        body: delivery.body,
      });
    const forged = await post(shops['shop-a'].webhookFor?.(events, { signWith: 'not-the-secret' }) ?? { headers: {}, body: '' });
    expect(forged.status).toBe(403);
    for (const delivery of [[...events].reverse(), events, events.slice(1), events]) {
      expect((await post(shops['shop-a'].webhookFor?.(delivery) ?? { headers: {}, body: '' })).status).toBe(200);
    }
    const stock = await api.call<{ onHand: number; reserved: number }>('GET', '/api/v1/stock/TEA');
    expect(stock.body).toMatchObject({ onHand: 17, reserved: 0 });
    expect(await shows(shops['shop-b'], 'tea', 17)).toBe(17);
  });
});
