import { validateManifest } from '@urikiri/connector-sdk';

/**
 * What urikiri knows about Testshop before calling it. Testshop is a small JSON channel that
 * behaves like the big malls where it matters: it lowers its own stock on every order, limits calls
 * per second, and sets stock by compare-and-set with idempotency keys (as Shopify does).
 */
export const testshopManifest = validateManifest(
  {
    id: 'testshop',
    displayName: 'Testshop',
    sdkRange: '^1.0.0',
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
