import type { OrderEvent, OrderLineStatus } from '@urikiri/connector-sdk';
import { listingIdOf } from './shopify-listing-id';
import type { ShopifyOrderSnapshot } from './shopify-order.snapshot';

/**
 * Where an event sits in the shop's history: the time it happened, then the id of the Shopify record
 * that made it (order, transaction, refund, fulfillment), then the line item. Shopify hands out ids
 * in increasing order, so this order matches the order things happened in.
 */
export interface EventPosition {
  atMs: number;
  record: bigint;
  line: bigint;
}

export interface PositionedEvent {
  event: OrderEvent;
  position: EventPosition;
}

export function comparePositions(a: EventPosition, b: EventPosition): number {
  if (a.atMs !== b.atMs) {
    return a.atMs - b.atMs;
  }
  if (a.record !== b.record) {
    return a.record < b.record ? -1 : 1;
  }
  return a.line === b.line ? 0 : a.line < b.line ? -1 : 1;
}

function tail(id: string): bigint {
  const digits = /(\d+)(\?.*)?$/.exec(id);
  return digits ? BigInt(digits[1]) : 0n;
}

/**
 * The order's line events, oldest first. An event's id names the Shopify record and line item it
 * comes from (`cancelled:<refund>:<lineItem>`), so a webhook and a poll of the same order agree.
 * Lines without an inventory item (custom items) or a stocking location move no published stock and
 * yield no events.
 */
export function orderEvents(order: ShopifyOrderSnapshot): PositionedEvent[] {
  const lines = new Map(order.lines.map((l) => [l.lineItemId, l]));
  const events: PositionedEvent[] = [];
  const add = (status: OrderLineStatus, recordId: string, at: string, lineItemId: string, quantity: number) => {
    const line = lines.get(lineItemId);
    const listingId =
      line?.inventoryItemId && line.locationId ? listingIdOf(line.inventoryItemId, line.locationId) : null;
    if (!line || listingId === null || quantity <= 0) {
      return;
    }
    const record = tail(recordId);
    events.push({
      event: {
        eventId: `${status}:${record}:${tail(lineItemId)}`,
        orderId: order.orderId,
        lineId: lineItemId,
        listingId,
        sellerSku: line.sku,
        status,
        quantity,
        occurredAt: new Date(Date.parse(at)).toISOString(),
      },
      position: { atMs: Date.parse(at), record, line: tail(lineItemId) },
    });
  };

  order.lines.forEach((l) => add('created', order.orderId, order.createdAt, l.lineItemId, l.quantity));
  // A payment covers the units still ordered at that moment: replay cancellations in record order.
  const cancelledBefore = (lineItemId: string, record: bigint) =>
    order.refunds
      .filter((r) => tail(r.id) < record)
      .flatMap((r) => r.lines)
      .filter((l) => l.lineItemId === lineItemId)
      .reduce((sum, l) => sum + l.quantity, 0);
  const payment = order.payments[0];
  if (payment) {
    order.lines.forEach((l) =>
      add('paid', payment.id, payment.processedAt, l.lineItemId, l.quantity - cancelledBefore(l.lineItemId, tail(payment.id))),
    );
  }
  order.refunds.forEach((r) => r.lines.forEach((l) => add('cancelled', r.id, r.createdAt, l.lineItemId, l.quantity)));
  order.fulfillments.forEach((f) => f.lines.forEach((l) => add('shipped', f.id, f.createdAt, l.lineItemId, l.quantity)));
  return events.sort((a, b) => comparePositions(a.position, b.position));
}
