import { validateManifest } from '@urikiri/connector-sdk';
import { PACING_SHARE, RAKUTEN_API_LIMITS } from './rakuten-api.limits';
import { RAKUTEN_INVENTORY_LIMITS, RAKUTEN_ITEM_SEARCH_MAX_HITS } from './rakuten-wire.types';

const paced = (ratePerSecond: number) => ({ kind: 'token-bucket' as const, ratePerSecond: ratePerSecond * PACING_SHARE, burst: 1 });

/** Rakuten Ichiba through the RMS Web Service: Inventory API 2.0, Items API 2.0, RakutenPay order API. */
export const rakutenManifest = validateManifest(
  {
    id: 'rakuten',
    displayName: '楽天市場',
    sdkRange: '^1.4.0',
    baseUrl: 'https://api.rms.rakuten.co.jp',
    auth: { mode: 'api-key' },
    credentials: [
      {
        name: 'serviceSecret',
        label: 'serviceSecret',
        secret: true,
        description: 'RMS > WEB APIサービス > アプリ一覧 > 詳細',
      },
      {
        name: 'licenseKey',
        label: 'licenseKey',
        secret: true,
        description: 'Issued in RMS with the serviceSecret; it expires and must be renewed there',
      },
    ],
    rateLimits: {
      push: paced(RAKUTEN_API_LIMITS.push.ratePerSecond),
      read: paced(RAKUTEN_API_LIMITS.read.ratePerSecond),
      catalogue: paced(RAKUTEN_API_LIMITS.catalogue.ratePerSecond),
      orders: paced(RAKUTEN_API_LIMITS.orders.ratePerSecond),
    },
    bulk: {
      push: RAKUTEN_INVENTORY_LIMITS.bulkUpsert,
      read: RAKUTEN_INVENTORY_LIMITS.bulkGet,
      catalogue: RAKUTEN_ITEM_SEARCH_MAX_HITS,
      orders: 100,
    },
    maxQuantity: RAKUTEN_INVENTORY_LIMITS.maxQuantity,
    pushSemantics: ['relative', 'absolute'],
    stockLoweredOn: 'order-created',
    orderDelivery: { webhook: false, polling: true },
  },
  'rakuten',
);
