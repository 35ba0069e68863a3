import type { PushItem } from '@urikiri/connector-sdk';
import { createShopifySandbox, type ShopifySandbox } from './sandbox/shopify.sandbox';
import { ShopifyConnector } from './shopify.connector';

const LISTING = '44000000201@71000000001';

describe('Shopify cost bucket: extensions.cost.throttleStatus and THROTTLED', () => {
  let sandbox: ShopifySandbox;
  let version = 0;
  const item = (target: number, lastPublished: number): PushItem => ({ listingId: LISTING, target, lastPublished, version: ++version });
  const connect = () => new ShopifyConnector({ credentials: sandbox.credentials(), baseUrl: sandbox.url, timeoutMs: 2000 });
  const start = async (bucket?: { maximumAvailable: number; restoreRate: number }) => {
    sandbox = await createShopifySandbox({ seed: 5, bucket });
    sandbox.stock.upsertListing({ listingId: LISTING, quantity: 0 });
  };
  afterEach(() => sandbox.close());

  it('retries a THROTTLED call once the bucket has refilled for it', async () => {
    // A slow restore rate, so the refill cannot race the test: 10 points take a second.
    await start({ maximumAvailable: 2000, restoreRate: 10 });
    const connector = connect();
    expect((await connector.push([item(1, 0)]))[0].status).toBe('ok');
    sandbox.bucket.consume(2000); // another worker of the app spent the shop's bucket
    const spentAt = Date.now();
    const [result] = await connector.push([item(2, 1)]);
    expect(result.status).toBe('ok');
    const calls = sandbox.requests.entries('push');
    expect(calls.map((c) => c.fault)).toEqual([null, 'throttled', null]);
    // The set call asks for 10 points: it goes again only once the bucket holds them.
    expect(calls[2].at - spentAt).toBeGreaterThanOrEqual(950);
    expect(sandbox.stock.quantity(LISTING)).toBe(2);
  });

  it('hands a long refill back as rate-limited with the wait, instead of holding the worker', async () => {
    await start({ maximumAvailable: 100, restoreRate: 1 });
    const connector = connect();
    sandbox.bucket.consume(100);
    const [result] = await connector.push([item(3, 0)]);
    expect(result.status).toBe('rate-limited');
    expect(result.status === 'rate-limited' && result.retryAfterMs).toBeGreaterThan(5000);
    expect(result.status === 'rate-limited' && result.retryAfterMs).toBeLessThanOrEqual(10_000);
    expect(sandbox.stock.quantity(LISTING)).toBe(0);
  });

  it('paces itself by the reported bucket, so a steady stream of pushes is never throttled', async () => {
    await start({ maximumAvailable: 50, restoreRate: 100 });
    const connector = connect();
    const began = Date.now();
    let published = 0;
    for (let i = 1; i <= 12; i += 1) {
      const [r] = await connector.push([item(i, published)]);
      expect(r.status).toBe('ok');
      published = i;
    }
    expect(sandbox.requests.entries('push').filter((c) => c.fault === 'throttled')).toEqual([]);
    // 12 calls × 10 points through a bucket of 50 refilling at 100/s: at least 0.7 s of waiting.
    expect(Date.now() - began).toBeGreaterThanOrEqual(650);
  });
});
