import type { PushItem } from '@urikiri/connector-sdk';
import { createShopifySandbox, type ShopifySandbox } from './sandbox/shopify.sandbox';
import { ShopifyConnector } from './shopify.connector';

const TOKYO = '71000000001';
const OSAKA = '71000000002';
const TEE = '44000000101';
const CAP = '44000000102';

describe('Shopify push: compare-and-set with inventorySetQuantities', () => {
  let sandbox: ShopifySandbox;
  let connector: ShopifyConnector;
  let version = 0;
  const item = (listingId: string, target: number, lastPublished: number | null): PushItem => ({
    listingId,
    target,
    lastPublished,
    version: ++version,
  });

  beforeEach(async () => {
    sandbox = await createShopifySandbox({ seed: 3, locationNames: { [TOKYO]: '東京倉庫', [OSAKA]: '大阪店' } });
    for (const listingId of [`${TEE}@${TOKYO}`, `${TEE}@${OSAKA}`, `${CAP}@${TOKYO}`]) {
      sandbox.stock.upsertListing({ listingId, quantity: 10, sellerSku: listingId.slice(-5) });
    }
    connector = new ShopifyConnector({ credentials: sandbox.credentials(), baseUrl: sandbox.url, timeoutMs: 2000 });
  });
  afterEach(() => sandbox.close());

  it("hands on the Retry-After of a 503 or a maintenance window with the retryable result, and none it was not given", async () => {
    sandbox.faults.next('push', { kind: 'server-error', status: 503, retryAfterSeconds: 20 }).next('push', { kind: 'server-error', status: 503 });
    const [told] = await connector.push([item(`${TEE}@${TOKYO}`, 5, 10)]);
    expect(told).toMatchObject({ status: 'retryable', retryAfterMs: 20_000 });
    const [untold] = await connector.push([item(`${TEE}@${TOKYO}`, 5, 10)]);
    expect(untold.status).toBe('retryable');
    expect(untold).not.toHaveProperty('retryAfterMs');
    sandbox.faults.startMaintenance(300);
    expect((await connector.push([item(`${TEE}@${TOKYO}`, 5, 10)]))[0]).toMatchObject({ status: 'retryable', retryAfterMs: 300_000 });
    expect(sandbox.stock.quantity(`${TEE}@${TOKYO}`)).toBe(10);
  });

  it('sets each location of an item on its own: a sale in Osaka makes only Osaka stale', async () => {
    sandbox.stock.createOrder({ lines: [{ listingId: `${TEE}@${OSAKA}`, quantity: 2 }] });
    const results = await connector.push([item(`${TEE}@${TOKYO}`, 7, 10), item(`${TEE}@${OSAKA}`, 7, 10)]);
    expect(results.map((r) => r.status)).toEqual(['ok', 'stale']);
    expect(sandbox.stock.quantity(`${TEE}@${TOKYO}`)).toBe(7);
    expect(sandbox.stock.quantity(`${TEE}@${OSAKA}`)).toBe(8);
  });

  it('never re-sends a stale item: the rest of the call goes again without it, and the sale stays subtracted', async () => {
    sandbox.stock.createOrder({ lines: [{ listingId: `${CAP}@${TOKYO}`, quantity: 3 }] });
    const results = await connector.push([item(`${TEE}@${TOKYO}`, 12, 10), item(`${CAP}@${TOKYO}`, 12, 10)]);
    expect(results[0]).toMatchObject({ status: 'ok', channelQuantity: 12 });
    expect(results[1]).toMatchObject({ status: 'stale', channelQuantity: null });
    expect(results[1].status === 'stale' && results[1].message).toContain('ingest its orders');
    expect(sandbox.stock.quantity(`${CAP}@${TOKYO}`)).toBe(7);
    expect(sandbox.requests.entries('push').map((e) => e.itemCount)).toEqual([2, 1]);
  });

  it('sets a sell-out to zero without a compare: it lands even while a sale is on its way to us', async () => {
    sandbox.stock.createOrder({ lines: [{ listingId: `${CAP}@${TOKYO}`, quantity: 3 }] });
    const results = await connector.push([item(`${CAP}@${TOKYO}`, 0, 10), item(`${TEE}@${TOKYO}`, 0, null)]);
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect([sandbox.stock.quantity(`${CAP}@${TOKYO}`), sandbox.stock.quantity(`${TEE}@${TOKYO}`)]).toEqual([0, 0]);
    // No read for the never-published zero: the one call is the set.
    expect(sandbox.requests.entries('read')).toEqual([]);
  });

  it('compares the first publication with what Shopify shows, so even it cannot undo a sale', async () => {
    const [first] = await connector.push([item(`${TEE}@${TOKYO}`, 4, null)]);
    expect(first).toMatchObject({ status: 'ok', channelQuantity: 4 });
    expect(sandbox.requests.entries().map((e) => e.operation)).toEqual(['read', 'push']);
  });

  it('replays the first answer for a retried version (same @idempotent key) even after a sale', async () => {
    sandbox.faults.next('push', { kind: 'lost-response' });
    const attempt = item(`${TEE}@${TOKYO}`, 6, 10);
    expect((await connector.push([attempt]))[0].status).toBe('retryable');
    sandbox.stock.createOrder({ lines: [{ listingId: `${TEE}@${TOKYO}`, quantity: 1 }] });
    expect((await connector.push([attempt]))[0]).toMatchObject({ status: 'ok', channelQuantity: 6 });
    expect(sandbox.stock.quantity(`${TEE}@${TOKYO}`)).toBe(5);
    // A new version is a new key: compared afresh, and refused since the shop sold one.
    expect((await connector.push([item(`${TEE}@${TOKYO}`, 6, 6)]))[0].status).toBe('stale');
  });

  it('sends at most 250 quantities per call', async () => {
    const ids = Array.from({ length: 260 }, (_, i) => `${45_000_000_000 + i}@${TOKYO}`);
    ids.forEach((listingId) => sandbox.stock.upsertListing({ listingId, quantity: 1 }));
    const results = await connector.push(ids.map((id) => item(id, 2, 1)));
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(sandbox.requests.entries('push').map((e) => e.itemCount)).toEqual([250, 10]);
  });

  it('refuses an id Shopify would reject before sending, naming the field and the accepted form', async () => {
    const results = await connector.push([item('TEE-RED-M', 3, 1), item(`gid://shopify/InventoryItem/${TEE}`, 3, 1)]);
    expect(results.map((r) => r.status)).toEqual(['permanent', 'permanent']);
    expect(results[0]).toMatchObject({ code: 'invalid-listing-id' });
    expect(results[0].status === 'permanent' && results[0].message).toMatch(
      /^items\[0\]\.listingId: "TEE-RED-M" is not a Shopify listing id; expected "<inventoryItemId>@<locationId>"/,
    );
    expect(results[1].status === 'permanent' && results[1].message).toContain('items[1].listingId');
    expect(sandbox.requests.entries()).toHaveLength(0);
  });

  it("reports Shopify's own refusals per item with its code", async () => {
    const notStocked = `${CAP}@${OSAKA}`;
    const results = await connector.push([item(notStocked, 3, 0), item(`${TEE}@${TOKYO}`, 3, 10), item(`${CAP}@${OSAKA}`.replace(CAP, '49999'), 1, null)]);
    expect(results[0]).toMatchObject({ status: 'permanent', code: 'ITEM_NOT_STOCKED_AT_LOCATION' });
    expect(results[1]).toMatchObject({ status: 'ok' });
    expect(results[2]).toMatchObject({ status: 'permanent', code: 'ITEM_NOT_STOCKED_AT_LOCATION' });
    expect(sandbox.stock.quantity(`${TEE}@${TOKYO}`)).toBe(3);
  });

  it('refuses credentials that are not an Admin API token, naming the field', () => {
    expect(
      () => new ShopifyConnector({ credentials: { accessToken: 'hunter2', webhookSecret: 'x' }, baseUrl: sandbox.url }),
    ).toThrow(/accessToken: must be an Admin API access token starting with shpat_/);
  });
});
