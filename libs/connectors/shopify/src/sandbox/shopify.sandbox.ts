import type { Clock, OrderEvent, RawWebhookRequest } from '@urikiri/connector-sdk';
import { FaultInjector, SeededRandom, type ChannelSandbox, type RequestLog } from '@urikiri/connector-sdk/testing';
import { SHOPIFY_RESTORE_RATES, type ShopifyOrderTopic, type ShopifyPlan } from '../shopify-api.constants';
import type { ShopifyCredentials } from '../shopify.credentials';
import { ShopifyGraphqlResolver } from './shopify-graphql.resolver';
import { webhookOrder } from './shopify-order.presenter';
import { startShopifySandboxServer, type ShopifyBucketSettings } from './shopify-sandbox.server';
import { ShopifyShop } from './shopify-shop.model';
import { ShopifyWebhookSender, type WebhookSenderOptions } from './shopify-webhook.sender';

export interface ShopifySandboxOptions {
  /** Same seed, same credentials, ids, latency and random faults. */
  seed?: number;
  latencyMs?: number | { min: number; max: number };
  clock?: Clock;
  /** Sets the cost bucket: restore rate 100/200/1000 points per second, twenty times that in size. Default standard. */
  plan?: ShopifyPlan;
  /** A bucket of other size or rate than the plans', e.g. a tiny one to watch throttling. */
  bucket?: ShopifyBucketSettings;
  shopDomain?: string;
  /** Location names by numeric id, shown in the catalogue. */
  locationNames?: Record<string, string>;
  webhooks?: Partial<Pick<WebhookSenderOptions, 'retryDelaysMs' | 'responseTimeoutMs' | 'duplicateProbability'>>;
}

export interface ShopifySandbox extends ChannelSandbox {
  /** The shop: listings (`<inventoryItemId>@<locationId>`), orders, refunds and fulfillments. */
  readonly stock: ShopifyShop;
  readonly faults: FaultInjector;
  readonly requests: RequestLog;
  readonly webhooks: ShopifyWebhookSender;
  /** The app's cost bucket on the shop. */
  readonly bucket: { available(): number; consume(points: number): void };
  readonly shopDomain: string;
  credentials(): ShopifyCredentials;
  webhookFor(events: readonly OrderEvent[], options?: { signWith?: string }): RawWebhookRequest;
}

/** The topic Shopify would send for these events of one order. */
function topicFor(events: readonly OrderEvent[], wholeOrderCancelled: boolean): ShopifyOrderTopic {
  const statuses = new Set(events.map((e) => e.status));
  const only = statuses.size === 1 ? [...statuses][0] : null;
  if (only === 'created') {
    return 'orders/create';
  }
  if (only === 'shipped') {
    return 'orders/fulfilled';
  }
  return only === 'cancelled' && wholeOrderCancelled ? 'orders/cancelled' : 'orders/updated';
}

/**
 * A local Shopify shop for tests, demos and the flash-sale replay: the Admin GraphQL endpoint at
 * `/admin/api/2026-04/graphql.json` with the shop's cost bucket, and a webhook sender. Orders placed
 * with `stock.createOrder` lower `available` at once, as Shopify does, and reach subscribed URLs as
 * signed `orders/*` webhooks.
 */
export async function createShopifySandbox(options: ShopifySandboxOptions = {}): Promise<ShopifySandbox> {
  const clock = options.clock ?? Date.now;
  const random = new SeededRandom(options.seed ?? 1);
  const account: ShopifyCredentials = { accessToken: `shpat_${random.hex(32)}`, webhookSecret: `shpss_${random.hex(32)}` };
  const shopDomain = options.shopDomain ?? 'urikiri-sandbox.myshopify.com';
  const rate = SHOPIFY_RESTORE_RATES[options.plan ?? 'standard'];
  const shop = new ShopifyShop({ clock, locationNames: options.locationNames });
  const webhooks = new ShopifyWebhookSender({
    secret: account.webhookSecret,
    shopDomain,
    random,
    clock,
    retryDelaysMs: options.webhooks?.retryDelaysMs ?? [50, 100, 200, 400, 800, 1600, 3200, 6400],
    responseTimeoutMs: options.webhooks?.responseTimeoutMs ?? 5000,
    duplicateProbability: options.webhooks?.duplicateProbability ?? 0,
  });
  shop.onChange((change) => change.topics.forEach((topic) => webhooks.publish(topic, webhookOrder(change.order))));
  let revoked = false;
  const faults = new FaultInjector(random, clock);
  const server = await startShopifySandboxServer({
    faults,
    random,
    clock,
    latencyMs: options.latencyMs,
    bucket: options.bucket ?? { maximumAvailable: rate * 20, restoreRate: rate },
    accessRefused: (token) => revoked || token !== account.accessToken,
    resolver: new ShopifyGraphqlResolver({ shop, faults, clock }),
  });
  return {
    url: server.url,
    stock: shop,
    faults,
    requests: server.requests,
    webhooks,
    bucket: server.bucket,
    shopDomain,
    credentials: () => ({ ...account }),
    // Admin API access tokens of a custom app do not expire; there is nothing to refresh.
    expireAccessTokens: () => undefined,
    tokensIssued: () => 0,
    revokeCredentials: () => {
      revoked = true;
    },
    webhookFor: (events, signOptions = {}) => {
      const orderIds = [...new Set(events.map((e) => e.orderId))];
      const record = orderIds.length === 1 ? shop.orderRecord(orderIds[0]) : null;
      if (!record) {
        throw new RangeError(`A Shopify webhook is about one order of this shop; got events of ${orderIds.join(', ') || 'no order'}`);
      }
      return webhooks.signed(topicFor(events, record.cancelledAt !== null), webhookOrder(record), signOptions);
    },
    close: async () => {
      webhooks.close();
      await server.close();
    },
  };
}
