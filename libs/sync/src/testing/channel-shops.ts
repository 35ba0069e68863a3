import { AMAZON_OPERATIONS, AmazonConnector, type AmazonOperation, type AmazonUsagePlan } from '@urikiri/connector-amazon';
import { createAmazonSandbox } from '@urikiri/connector-amazon/sandbox';
import type { ChannelConnector } from '@urikiri/connector-sdk';
import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { RakutenConnector } from '@urikiri/connector-rakuten';
import { createRakutenSandbox } from '@urikiri/connector-rakuten/sandbox';
import { ShopifyConnector } from '@urikiri/connector-shopify';
import { createShopifySandbox } from '@urikiri/connector-shopify/sandbox';
import { YahooConnector } from '@urikiri/connector-yahoo';
import { createYahooSandbox } from '@urikiri/connector-yahoo/sandbox';
import type { HarnessShop } from './sync-harness';

/** Usage plans wide enough that a test is not an exercise in waiting; behaviour is what is tested. */
const FAST_AMAZON = Object.fromEntries(Object.keys(AMAZON_OPERATIONS).map((op) => [op, { ratePerSecond: 1000, burst: 1000 }])) as Record<AmazonOperation, AmazonUsagePlan>;

export interface ChannelShopCase {
  name: string;
  shop(): Promise<HarnessShop>;
}

/** One harness shop per real channel, each on its sandbox, one per kind of write the channels offer. */
export const CHANNEL_SHOPS: ChannelShopCase[] = [
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
