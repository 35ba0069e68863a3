import { validateManifest, type RateLimit } from '@urikiri/connector-sdk';
import { SHOPIFY_MAX_NODES_PER_QUERY, SHOPIFY_MAX_QUANTITIES_PER_SET, SHOPIFY_RESTORE_RATES } from './shopify-api.constants';

/**
 * Shopify's GraphQL limit is one cost bucket per app and shop, its size and restore rate set by the
 * shop's plan. The connector paces itself by the bucket state every answer reports (see
 * ShopifyCostThrottle); these static limits are the largest plan's, so the generic per-operation gate
 * never holds back a call that the shop's real bucket would take. Costs are what each call asks for.
 */
const bucket = (costPerCall: number): RateLimit => ({
  kind: 'leaky-bucket',
  capacity: SHOPIFY_RESTORE_RATES.plus * 20,
  leakPerSecond: SHOPIFY_RESTORE_RATES.plus,
  costPerCall,
});

export const shopifyManifest = validateManifest(
  {
    id: 'shopify',
    displayName: 'Shopify',
    // 1.1: its webhook events name variants and are resolved through resolveWebhookEvents; 1.3: it reports returns.
    sdkRange: '^1.3.0',
    // No common root: every shop has its own https://<shop>.myshopify.com, set on the channel account.
    auth: { mode: 'api-key' },
    credentials: [
      {
        name: 'accessToken',
        label: 'Admin API access token',
        secret: true,
        description: 'shpat_… token of the custom app, with read_inventory, write_inventory, read_orders and read_locations',
      },
      {
        name: 'webhookSecret',
        label: 'API secret key',
        secret: true,
        description: "The app's API secret key; Shopify signs every webhook with it",
      },
    ],
    rateLimits: {
      push: bucket(10),
      read: bucket(1 + SHOPIFY_MAX_NODES_PER_QUERY),
      catalogue: bucket(753),
      orders: bucket(252),
    },
    bulk: { push: SHOPIFY_MAX_QUANTITIES_PER_SET, read: SHOPIFY_MAX_NODES_PER_QUERY, catalogue: 250, orders: 100 },
    maxQuantity: 1_000_000_000,
    pushSemantics: ['compare-and-set'],
    stockLoweredOn: 'order-created',
    orderDelivery: { webhook: true, polling: true },
  },
  'shopify',
);
