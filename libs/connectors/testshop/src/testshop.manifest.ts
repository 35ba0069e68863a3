import { validateManifest } from '@urikiri/connector-sdk';

/**
 * What urikiri knows about Testshop before calling it. The values start as those of the
 * example JSON channel the generator writes (OAuth2, compare-and-set with idempotency keys, stock
 * lowered at order time); change each to what Testshop documents.
 */
export const testshopManifest = validateManifest(
  {
    id: 'testshop',
    displayName: 'Testshop',
    // 1.3: it reports returns (`returned` events).
    sdkRange: '^1.3.0',
    baseUrl: 'https://api.testshop.example',
    auth: { mode: 'oauth2' },
    credentials: [
      { name: 'clientId', label: 'Client ID', secret: false },
      { name: 'clientSecret', label: 'Client secret', secret: true },
      { name: 'refreshToken', label: 'Refresh token', secret: true },
      { name: 'webhookSecret', label: 'Webhook signing secret', secret: true },
    ],
    rateLimits: {
      push: { kind: 'token-bucket', ratePerSecond: 20, burst: 40 },
      read: { kind: 'token-bucket', ratePerSecond: 20, burst: 40 },
      catalogue: { kind: 'token-bucket', ratePerSecond: 10, burst: 20 },
      orders: { kind: 'token-bucket', ratePerSecond: 10, burst: 20 },
    },
    bulk: { push: 50, read: 100, catalogue: 25, orders: 50 },
    maxQuantity: 99999,
    pushSemantics: ['compare-and-set'],
    stockLoweredOn: 'order-created',
    orderDelivery: { webhook: true, polling: true },
  },
  'testshop',
);
