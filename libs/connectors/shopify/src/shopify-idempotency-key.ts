import { createHash } from 'node:crypto';
import type { ShopifySetQuantity } from './shopify-wire.types';

/**
 * The `@idempotent(key:)` of one set call. It is derived from what the call asks (each listing with
 * the version of its target, and the compare values), so a retry of the same push, after a lost
 * answer for instance, sends the same key and Shopify returns the first result instead of applying
 * it again; a new version gives a new key.
 */
export function setQuantitiesKey(
  items: readonly { listingId: string; version: number }[],
  quantities: readonly ShopifySetQuantity[],
): string {
  const hash = createHash('sha256');
  items.forEach((item, i) => {
    const q = quantities[i];
    hash.update(`${item.listingId}@${item.version}:${q.quantity}:${q.changeFromQuantity}\n`);
  });
  return `urikiri-push-${hash.digest('hex').slice(0, 40)}`;
}
