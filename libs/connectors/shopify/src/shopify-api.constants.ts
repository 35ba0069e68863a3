/**
 * The Admin API version this connector speaks. From 2026-04 `changeFromQuantity` is required on
 * `inventorySetQuantities` and a mismatch is the user error CHANGE_FROM_QUANTITY_STALE: the
 * compare-and-set that protects the write race depends on it.
 */
export const SHOPIFY_API_VERSION = '2026-04';

export const SHOPIFY_GRAPHQL_PATH = `/admin/api/${SHOPIFY_API_VERSION}/graphql.json`;

export const SHOPIFY_ACCESS_TOKEN_HEADER = 'x-shopify-access-token';

/** Webhook headers, as Shopify sends them (HTTP header names are case-insensitive). */
export const SHOPIFY_WEBHOOK_HEADERS = {
  hmac: 'X-Shopify-Hmac-Sha256',
  topic: 'X-Shopify-Topic',
  shopDomain: 'X-Shopify-Shop-Domain',
  apiVersion: 'X-Shopify-API-Version',
  webhookId: 'X-Shopify-Webhook-Id',
  eventId: 'X-Shopify-Event-Id',
  triggeredAt: 'X-Shopify-Triggered-At',
} as const;

/** The order topics urikiri subscribes to. */
export const SHOPIFY_ORDER_TOPICS = ['orders/create', 'orders/updated', 'orders/cancelled', 'orders/fulfilled'] as const;
export type ShopifyOrderTopic = (typeof SHOPIFY_ORDER_TOPICS)[number];

/** Shopify refuses a single query whose calculated cost is above this. */
export const SHOPIFY_MAX_QUERY_COST = 1000;

/** Per call, the most quantities `inventorySetQuantities` takes and the most ids `nodes` takes. */
export const SHOPIFY_MAX_QUANTITIES_PER_SET = 250;
export const SHOPIFY_MAX_NODES_PER_QUERY = 250;

/** Orders per `orders` page the connector asks for; each order carries its line items, refunds and fulfillments. */
export const SHOPIFY_ORDERS_PER_QUERY = 50;
export const SHOPIFY_LOCATIONS_PER_QUERY = 100;

/**
 * Page sizes when webhook lines are located through their orders' fulfillment orders. Shopify prices
 * a query by what it may return (3 + fulfillmentOrders × (5 + 2 × lineItems) points per order), so
 * orders are first read ten to a call with room for 2 fulfillment orders of 20 lines, which holds
 * almost every order; one that does not fit is read again alone with the largest pages under the
 * 1,000-point limit of one query.
 */
export const SHOPIFY_LOCATE_PAGES = {
  batch: { fulfillmentOrders: 2, lineItems: 20 },
  alone: { fulfillmentOrders: 5, lineItems: 95 },
} as const;

/** Restore rate per second by plan (maximumAvailable is twenty times it). */
export const SHOPIFY_RESTORE_RATES = { standard: 100, advanced: 200, plus: 1000 } as const;
export type ShopifyPlan = keyof typeof SHOPIFY_RESTORE_RATES;
