import { validateManifest } from '@urikiri/connector-sdk';
import { YAHOO_LIMITS } from './yahoo-wire.types';

/**
 * What urikiri knows about Yahoo!ショッピング (store API) before calling it. Every URL allows about
 * one call per second and blocks the caller for a while when it is exceeded, so each operation is
 * paced at one call per second with no burst; bulk sizes are setStock/getStock's 1,000 item codes.
 */
export const yahooManifest = validateManifest(
  {
    id: 'yahoo',
    displayName: 'Yahoo!ショッピング',
    sdkRange: '^1.0.0',
    baseUrl: 'https://circus.shopping.yahooapis.jp',
    auth: { mode: 'oauth2' },
    credentials: [
      {
        name: 'sellerId',
        label: 'ストアアカウント (seller_id)',
        secret: false,
      },
      {
        name: 'clientId',
        label: 'Client ID (アプリケーションID)',
        secret: false,
      },
      { name: 'clientSecret', label: 'シークレット', secret: true },
      { name: 'refreshToken', label: 'リフレッシュトークン', secret: true },
    ],
    rateLimits: {
      push: { kind: 'token-bucket', ratePerSecond: 1, burst: 1 },
      read: { kind: 'token-bucket', ratePerSecond: 1, burst: 1 },
      catalogue: { kind: 'token-bucket', ratePerSecond: 1, burst: 1 },
      orders: { kind: 'token-bucket', ratePerSecond: 1, burst: 1 },
    },
    bulk: {
      push: YAHOO_LIMITS.itemCodesPerCall,
      read: YAHOO_LIMITS.itemCodesPerCall,
      catalogue: YAHOO_LIMITS.itemListPage,
      orders: YAHOO_LIMITS.orderEventsPage,
    },
    maxQuantity: YAHOO_LIMITS.maxQuantity,
    pushSemantics: ['relative', 'absolute'],
    stockLoweredOn: 'order-created',
    orderDelivery: { webhook: false, polling: true },
  },
  'yahoo',
);
