import { AMAZON_OPERATIONS, AmazonConnector, type AmazonOperation, type AmazonUsagePlan } from '@urikiri/connector-amazon';
import { createAmazonSandbox } from '@urikiri/connector-amazon/sandbox';
import type { ChannelConnector } from '@urikiri/connector-sdk';
import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { RakutenConnector } from '@urikiri/connector-rakuten';
import { createRakutenSandbox } from '@urikiri/connector-rakuten/sandbox';
import { ShopifyConnector } from '@urikiri/connector-shopify';
import { createShopifySandbox } from '@urikiri/connector-shopify/sandbox';
import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import { YahooConnector } from '@urikiri/connector-yahoo';
import { createYahooSandbox } from '@urikiri/connector-yahoo/sandbox';
import { createTestDatabase, type TestDatabase } from '@urikiri/inventory/testing';
import { SYNC_ENTITIES } from './entities';
import { syncHarness, testshop, type HarnessShop } from './testing/sync-harness';

/** Usage plans wide enough that a test is not an exercise in waiting; behaviour is what is tested. */
const FAST_AMAZON = Object.fromEntries(Object.keys(AMAZON_OPERATIONS).map((op) => [op, { ratePerSecond: 1000, burst: 1000 }])) as Record<AmazonOperation, AmazonUsagePlan>;

interface ChannelCase {
  name: string;
  shop(): Promise<HarnessShop>;
}

const channels: ChannelCase[] = [
  {
    name: 'Amazon (absolute writes, read-back guard)',
    shop: async () => {
      const sandbox = await createAmazonSandbox({ seed: 11, rateLimits: FAST_AMAZON });
      return {
        sandbox: sandbox as ChannelSandbox,
        connector: 'amazon',
        listingId: 'TEA-AMZ',
        connect: (credentials, baseUrl): ChannelConnector =>
          new AmazonConnector({ credentials, baseUrl, timeoutMs: 5000, settings: { rateLimits: FAST_AMAZON } }),
      };
    },
  },
  {
    name: 'Rakuten (relative writes)',
    shop: async () => {
      const sandbox = await createRakutenSandbox({ seed: 12 });
      return { sandbox, connector: 'rakuten', listingId: 'tea-01:s1', connect: (credentials, baseUrl) => new RakutenConnector({ credentials, baseUrl, timeoutMs: 5000 }) };
    },
  },
  {
    name: 'Shopify (compare-and-set)',
    shop: async () => {
      const sandbox = await createShopifySandbox({ seed: 13, plan: 'plus' });
      return { sandbox, connector: 'shopify', listingId: '44000000001@71000000001', connect: (credentials, baseUrl) => new ShopifyConnector({ credentials, baseUrl, timeoutMs: 5000 }) };
    },
  },
  {
    name: 'Yahoo! Shopping (+N/-N writes, about one call per second)',
    shop: async () => {
      const sandbox = await createYahooSandbox({ seed: 14 });
      return { sandbox, connector: 'yahoo', listingId: 'tea01', connect: (credentials, baseUrl) => new YahooConnector({ credentials, baseUrl, timeoutMs: 5000 }) };
    },
  },
];

describe.each(channels)('sync pipeline with $name', ({ shop }) => {
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

  it('publishes stock, never puts back a sale it has not ingested, and carries the sale to the other shop', async () => {
    const h = await syncHarness(db.orm, shops);
    await h.ledger.receive({ idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 10 });
    await h.sync();
    expect([h.shows('channel'), h.shows('own')]).toEqual([10, 10]);

    shops['channel'].sandbox.stock.createOrder({ lines: [{ listingId: shops['channel'].listingId, quantity: 3 }] });
    expect(h.shows('channel')).toBe(7);
    // A receipt before we have heard of the sale: the rules now want 11 everywhere.
    await h.ledger.receive({ idempotencyKey: 'r2', sku: 'TEA', location: 'WH', quantity: 1 });
    await h.planner.plan(h.productId);
    await h.pusher.pushRound('channel');
    // 11 − the 3 units sold there and not ingested yet: never more.
    expect(h.shows('channel')).toBeLessThanOrEqual(8);

    await h.sync();
    expect(await h.stock.stock('TEA')).toMatchObject({ onHand: 11, reserved: 3, available: 8 });
    expect([h.shows('channel'), h.shows('own')]).toEqual([8, 8]);
    expect((await h.stock.oversellCount()).events).toBe(0);
  }, 120_000);
});
