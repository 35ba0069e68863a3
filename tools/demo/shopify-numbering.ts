import type { ShopifyShop } from '@urikiri/connector-shopify/sandbox';
import { DemoStateFile } from './demo-state-file';

/** The highest number the shop has given a record: orders, line items, payments, refunds, fulfillments. */
export function highestRecordNumber(shop: ShopifyShop): number {
  let highest = 0;
  for (const order of shop.orderRecords()) {
    const nums = [
      order.num,
      ...order.lines.map((l) => l.num),
      ...order.payments.map((p) => p.num),
      ...order.refunds.map((r) => r.num),
      ...order.fulfillments.map((f) => f.num),
    ];
    for (const num of nums) highest = Math.max(highest, Number(num));
  }
  return highest;
}

/**
 * The Shopify sandbox numbers every record from one counter that starts at the same value in each
 * process, and Shopify's order event ids are made of those numbers; Shopify does not let a caller
 * choose them. A restarted sandbox would hand out the numbers of orders the service has already
 * ingested, and the new sales would be dropped as repeats. So the highest number is kept in the
 * demo's state file after every change, and a new sandbox counts on from there.
 */
export function keepShopifyNumbering(shop: ShopifyShop, state: DemoStateFile): void {
  const last = state.read().shopifyLastRecordNumber ?? 0;
  while (Number(shop.nextNum()) < last) {
    // nextNum() advances the shop's counter; nothing else to do until it passes the last number.
  }
  shop.onChange(() => state.update({ shopifyLastRecordNumber: highestRecordNumber(shop) }));
}
