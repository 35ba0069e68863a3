import {
  createAmazonSandbox,
  type AmazonSandbox,
} from './sandbox/amazon.sandbox';
import {
  FAST_PLANS,
  QUICK_POLLING,
  connectTo,
  pushItem,
  seedListings,
  until,
} from './testing/amazon-test-account';

describe('Amazon push, as an operator sees it', () => {
  let sandbox: AmazonSandbox;

  afterEach(() => sandbox.close());

  describe('small batches: one patchListingsItem per SKU', () => {
    beforeEach(async () => {
      sandbox = await createAmazonSandbox({ seed: 11 });
    });

    it('sets the merchant-fulfilled quantity with a DEFAULT fulfillment_availability patch', async () => {
      const [sku] = seedListings(sandbox, 1, 2);
      const [result] = await connectTo(sandbox).push([pushItem(sku, 15, 2)]);
      expect(result).toMatchObject({ status: 'ok', channelQuantity: 15 });
      expect(sandbox.stock.quantity(sku)).toBe(15);
      const patch = sandbox.exchanges.find(
        (e) => e.operation === 'patchListingsItem',
      );
      expect(patch?.query).toMatchObject({ marketplaceIds: 'A1VC38T7YXB528' });
      expect(patch?.requestBody).toEqual({
        productType: 'PRODUCT',
        patches: [
          {
            op: 'replace',
            path: '/attributes/fulfillment_availability',
            value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 15 }],
          },
        ],
      });
    });

    it('keeps a sale Amazon made before urikiri ingested it: writes the target less the units sold', async () => {
      const [sku] = seedListings(sandbox, 1, 0);
      const connector = connectTo(sandbox);
      await connector.push([pushItem(sku, 10, null)]);
      sandbox.stock.createOrder({ lines: [{ listingId: sku, quantity: 3 }] });
      const [result] = await connector.push([pushItem(sku, 12, 10)]);
      expect(result).toMatchObject({ status: 'ok', channelQuantity: 9 });
      expect(sandbox.stock.quantity(sku)).toBe(9);
    });

    it('refuses a SKU Amazon would reject, naming what is accepted, before calling Amazon', async () => {
      const long = 'X'.repeat(41);
      const results = await connectTo(sandbox).push([
        pushItem(long, 1, null),
        pushItem(' SKU-1', 1, null),
      ]);
      expect(results[0]).toMatchObject({
        status: 'permanent',
        code: 'invalid-sku',
      });
      expect(results[0].status === 'permanent' && results[0].message).toMatch(
        /41 characters; Amazon accepts seller SKUs of 1 to 40 characters/,
      );
      expect(results[1].status === 'permanent' && results[1].message).toMatch(
        /starts or ends with a space/,
      );
      await expect(
        connectTo(sandbox).read(['ok-sku', 'tab\tsku']),
      ).rejects.toThrow(
        /listingIds\[1\] "tab\tsku" contains a control character/,
      );
      expect(sandbox.requests.entries()).toEqual([]);
    });

    it('never writes a listing Amazon fulfils (FBA), which a DEFAULT quantity would turn merchant-fulfilled', async () => {
      const [sku] = seedListings(sandbox, 1, 0);
      sandbox.stock.setFba(sku, { fulfillable: 40, merchantFulfilled: false });
      const [result] = await connectTo(sandbox).push([pushItem(sku, 5, null)]);
      expect(result).toMatchObject({
        status: 'permanent',
        code: 'fba-listing',
      });
      expect(sandbox.stock.fbaOf(sku)?.merchantFulfilled).toBe(false);
      expect(sandbox.requests.entries('push')).toEqual([]);
    });

    it("reports Amazon's INVALID answer with the issue Amazon gave", async () => {
      await sandbox.close();
      sandbox = await createAmazonSandbox({ seed: 11, maxQuantity: 100 });
      const [sku] = seedListings(sandbox, 1, 1);
      const [result] = await connectTo(sandbox).push([pushItem(sku, 500, 1)]);
      expect(result).toMatchObject({ status: 'permanent', code: '90220' });
      expect(result.status === 'permanent' && result.message).toMatch(
        /INVALID.*must be between 0 and 100/,
      );
      expect(sandbox.stock.quantity(sku)).toBe(1);
    });

    it('reads 429 QuotaExceeded as rate-limited, waiting at least one refill of the operation', async () => {
      const [sku] = seedListings(sandbox, 1, 1);
      sandbox.faults.next('push', { kind: 'rate-limit', retryAfterSeconds: 1 });
      const [result] = await connectTo(sandbox).push([pushItem(sku, 3, 1)]);
      expect(result).toMatchObject({ status: 'rate-limited' });
      expect(result.status === 'rate-limited' && result.message).toMatch(
        /QuotaExceeded/,
      );
      expect(
        result.status === 'rate-limited' && result.retryAfterMs,
      ).toBeGreaterThanOrEqual(200);
    });
  });

  describe('large batches: one JSON_LISTINGS_FEED', () => {
    beforeEach(async () => {
      sandbox = await createAmazonSandbox({
        seed: 12,
        rateLimits: FAST_PLANS,
        feedTiming: { queuedMs: 50, processingMs: 250 },
        reportProcessingMs: 20,
      });
    });

    it('sends the batch as one feed, applies it only once Amazon has processed it, and reads errors per SKU', async () => {
      const skus = seedListings(sandbox, 4, 1);
      sandbox.faults.failItems('push', [skus[2]], '8541');
      const connector = connectTo(sandbox, {
        feedThreshold: 3,
        ...QUICK_POLLING,
      });
      const pushing = connector.push([
        ...skus.map((sku) => pushItem(sku, 6, 1)),
        pushItem('SKU-MISSING', 6, null),
      ]);
      await until(() =>
        sandbox.exchanges.some((e) => e.operation === 'createFeed'),
      );
      expect(skus.map((sku) => sandbox.stock.quantity(sku))).toEqual([
        1, 1, 1, 1,
      ]);
      const results = await pushing;
      expect(results.map((r) => [r.listingId, r.status])).toEqual([
        ['SKU-1', 'ok'],
        ['SKU-2', 'ok'],
        ['SKU-3', 'permanent'],
        ['SKU-4', 'ok'],
        ['SKU-MISSING', 'permanent'],
      ]);
      expect(results[2]).toMatchObject({ code: '8541' });
      expect(results[4]).toMatchObject({ code: 'listing-not-found' });
      expect(skus.map((sku) => sandbox.stock.quantity(sku))).toEqual([
        6, 6, 1, 6,
      ]);
      expect(sandbox.requests.entries('push')).toEqual([]);
      const upload = sandbox.exchanges.find(
        (e) => e.operation === 'uploadDocument',
      );
      expect(
        (upload?.requestBody as { messages: unknown[] }).messages,
      ).toHaveLength(4);
    });

    it('does not patch a SKU while a feed holding it is unfinished, and patches it once the feed is done', async () => {
      const skus = seedListings(sandbox, 3, 1);
      const connector = connectTo(sandbox, {
        feedThreshold: 3,
        feedTimeoutMs: 30,
        ...QUICK_POLLING,
      });
      const fed = await connector.push(skus.map((sku) => pushItem(sku, 4, 1)));
      expect(fed.map((r) => r.status)).toEqual([
        'retryable',
        'retryable',
        'retryable',
      ]);
      expect(fed[0].status === 'retryable' && fed[0].message).toMatch(
        /not processed within 30 ms/,
      );

      const [held] = await connector.push([pushItem(skus[0], 9, 1)]);
      expect(held.status === 'retryable' && held.message).toMatch(
        /is in Amazon feed \d+, which is still processing/,
      );
      expect(sandbox.requests.entries('push')).toEqual([]);

      await until(() => sandbox.stock.quantity(skus[0]) === 4);
      const [patched] = await connector.push([pushItem(skus[0], 9, 4)]);
      expect(patched).toMatchObject({ status: 'ok', channelQuantity: 9 });
      expect(sandbox.stock.quantity(skus[0])).toBe(9);
    });

    it('subtracts sales reported by LISTINGS_ITEM_MFN_QUANTITY_CHANGE from a feed write', async () => {
      const skus = seedListings(sandbox, 3, 10);
      const connector = connectTo(sandbox, {
        feedThreshold: 3,
        ...QUICK_POLLING,
      });
      expect(
        (await connector.push(skus.map((sku) => pushItem(sku, 10, 10)))).map(
          (r) => r.status,
        ),
      ).toEqual(['ok', 'ok', 'ok']);
      sandbox.stock.createOrder({
        lines: [{ listingId: skus[1], quantity: 2 }],
      });
      connector.parseWebhook(sandbox.quantityWebhookFor(skus[1]));
      const results = await connector.push(
        skus.map((sku) => pushItem(sku, 10, 10)),
      );
      expect(
        results.map((r) => r.status === 'ok' && r.channelQuantity),
      ).toEqual([10, 8, 10]);
      expect(sandbox.stock.quantity(skus[1])).toBe(8);
    });
  });
});
