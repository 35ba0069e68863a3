import type { OrderEvent, OrderLineStatus, UnresolvedOrderEvent } from '@urikiri/connector-sdk';
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

type SnapshotLine = ShopifyOrderSnapshot['lines'][number];

/** A line event before its listing is known, with the line it is about. */
interface LineEvent {
  event: Omit<OrderEvent, 'listingId'>;
  line: SnapshotLine;
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
 */
function lineEvents(order: ShopifyOrderSnapshot): LineEvent[] {
  const lines = new Map(order.lines.map((l) => [l.lineItemId, l]));
  const events: LineEvent[] = [];
  const add = (status: OrderLineStatus, recordId: string, at: string, lineItemId: string, quantity: number) => {
    const line = lines.get(lineItemId);
    if (!line || quantity <= 0) {
      return;
    }
    const record = tail(recordId);
    events.push({
      event: {
        eventId: `${status}:${record}:${tail(lineItemId)}`,
        orderId: order.orderId,
        lineId: lineItemId,
        sellerSku: line.sku,
        status,
        quantity,
        occurredAt: new Date(Date.parse(at)).toISOString(),
      },
      line,
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

/**
 * The events of an order whose lines name their listing (a polled order). Lines without an inventory
 * item (custom items) or a stocking location move no published stock and yield no events.
 */
export function orderEvents(order: ShopifyOrderSnapshot): PositionedEvent[] {
  return lineEvents(order).flatMap(({ event, line, position }) => {
    const listingId = line.inventoryItemId && line.locationId ? listingIdOf(line.inventoryItemId, line.locationId) : null;
    return listingId === null ? [] : [{ event: { ...event, listingId }, position }];
  });
}

/**
 * The events of a webhook's order, whose lines name only their variant (`listingRef`, a variant GID):
 * the listing is looked up afterwards. Lines without a variant (custom items) yield no events.
 */
export function unresolvedOrderEvents(order: ShopifyOrderSnapshot): UnresolvedOrderEvent[] {
  return lineEvents(order).flatMap(({ event, line }) => (line.variantId === null ? [] : [{ ...event, listingRef: line.variantId }]));
}
