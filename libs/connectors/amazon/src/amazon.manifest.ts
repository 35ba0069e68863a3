import { validateManifest } from '@urikiri/connector-sdk';
import { AMAZON_OPERATIONS } from './amazon-operations';

const bucket = (plan: { ratePerSecond: number; burst: number }) => ({
  kind: 'token-bucket' as const,
  ...plan,
});

/**
 * Amazon Selling Partner API as urikiri sees it before calling. Each SP-API operation has its own
 * token bucket (see amazon-operations.ts); the per-kind limits here are those of the call each kind
 * makes most: patchListingsItem, getListingsItem, getReport and searchOrders.
 */
export const amazonManifest = validateManifest(
  {
    id: 'amazon',
    displayName: 'Amazon',
    sdkRange: '^1.0.0',
    baseUrl: 'https://sellingpartnerapi-fe.amazon.com',
    auth: { mode: 'oauth2' },
    credentials: [
      { name: 'clientId', label: 'LWA client ID', secret: false },
      { name: 'clientSecret', label: 'LWA client secret', secret: true },
      { name: 'refreshToken', label: 'Refresh token (Atzr|…)', secret: true },
      { name: 'sellerId', label: 'Seller ID (merchant token)', secret: false },
      {
        name: 'marketplaceId',
        label: 'Marketplace ID',
        secret: false,
        required: false,
      },
      {
        name: 'notificationSecret',
        label: 'Notification relay signing secret',
        secret: true,
      },
      {
        name: 'tokenUrl',
        label: 'LWA token URL',
        secret: false,
        required: false,
      },
    ],
    rateLimits: {
      push: bucket(AMAZON_OPERATIONS.patchListingsItem),
      read: bucket(AMAZON_OPERATIONS.getListingsItem),
      catalogue: bucket(AMAZON_OPERATIONS.getReport),
      orders: bucket(AMAZON_OPERATIONS.searchOrders),
    },
    // One listing per patch or getListingsItem call; large batches go through feeds and reports.
    bulk: { push: 1, read: 1, catalogue: 1000, orders: 100 },
    maxQuantity: 99_999_999,
    pushSemantics: ['absolute'],
    stockLoweredOn: 'order-created',
    orderDelivery: { webhook: true, polling: true },
  },
  'amazon',
);
