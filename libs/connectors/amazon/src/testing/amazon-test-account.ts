import type { PushItem } from '@urikiri/connector-sdk';
import {
  AmazonConnector,
  type AmazonConnectorContext,
} from '../amazon.connector';
import {
  AMAZON_OPERATION_NAMES,
  type AmazonOperation,
  type AmazonUsagePlan,
} from '../amazon-operations';
import type { AmazonSandbox } from '../sandbox/amazon.sandbox';

/** Usage plans fast enough for tests that call an operation many times in a row. */
export const FAST_PLANS = Object.fromEntries(
  AMAZON_OPERATION_NAMES.map((op) => [
    op,
    { ratePerSecond: 1000, burst: 1000 },
  ]),
) as Record<AmazonOperation, AmazonUsagePlan>;

/** Settings that poll feeds and reports every few milliseconds instead of every few seconds. */
export const QUICK_POLLING = { pollStartMs: 20, pollMaxMs: 100 } as const;

export function connectTo(
  sandbox: AmazonSandbox,
  settings: AmazonConnectorContext['settings'] = {},
): AmazonConnector {
  return new AmazonConnector({
    credentials: sandbox.credentials(),
    baseUrl: sandbox.url,
    timeoutMs: 2000,
    settings,
  });
}

let version = 0;

export function pushItem(
  listingId: string,
  target: number,
  lastPublished: number | null,
): PushItem {
  version += 1;
  return { listingId, target, lastPublished, version };
}

/** Listings whose seller SKU is their id, as on Amazon. */
export function seedListings(
  sandbox: AmazonSandbox,
  count: number,
  quantity = 0,
  prefix = 'SKU',
): string[] {
  return Array.from({ length: count }, (_, i) => {
    const sku = `${prefix}-${i + 1}`;
    sandbox.stock.upsertListing({
      listingId: sku,
      sellerSku: sku,
      quantity,
      title: `商品 ${i + 1}`,
      jan: `4901234${String(100000 + i).slice(-6)}`,
    });
    return sku;
  });
}

export function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) {
        resolve();
      } else if (Date.now() > deadline) {
        reject(new Error(`condition not met within ${timeoutMs} ms`));
      } else {
        setTimeout(tick, 10);
      }
    };
    tick();
  });
}
