import type { OrderEvent, OrderLineStatus, UnresolvedOrderEvent } from '@urikiri/connector-sdk';
import { listingIdOf } from './shopify-listing-id';
import type { RefundLine, ShopifyOrderSnapshot } from './shopify-order.snapshot';
import { formatWebhookLineRef } from './shopify-webhook-line-ref';

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

/** A line event before its listing is known, with the line it is about (and the refund line of a cancellation). */
interface LineEvent {
  event: Omit<OrderEvent, 'listingId'>;
  line: SnapshotLine;
  position: EventPosition;
  refunded?: RefundLine;
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

/** Refund line restock types that put units back into `available` somewhere. */
const RESTOCKING = new Set(['CANCEL', 'RETURN', 'LEGACY_RESTOCK']);

/** Where a refund put units back into `available`: null for none (NO_RESTOCK), undefined when it does not say. */
function restockLocation(refunded: RefundLine): string | null | undefined {
  if (refunded.restockType === 'NO_RESTOCK') {
    return null;
  }
  return RESTOCKING.has(refunded.restockType) && refunded.restockLocationId !== null ? refunded.restockLocationId : undefined;
}

/**
 * Whether a refund put the units back where the line took them from, which is what its listing
 * (inventory item at that location) shows: never for NO_RESTOCK; for a restock, only when it names
 * that location. Unknown when the refund names no location or has a type this connector does not know.
 */
function restockedAt(refunded: RefundLine, lineLocationId: string): boolean | undefined {
  const location = restockLocation(refunded);
  return location === undefined ? undefined : location === lineLocationId;
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
  const add = (status: OrderLineStatus, recordId: string, at: string, lineItemId: string, quantity: number, refunded?: RefundLine) => {
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
      ...(refunded === undefined ? {} : { refunded }),
    });
  };

  order.lines.forEach((l) => add('created', order.orderId, order.createdAt, l.lineItemId, l.quantity));
  // A payment covers the units still ordered at that moment: replay cancellations in record order.
  const cancelledBefore = (lineItemId: string, record: bigint) =>
    order.refunds
      .filter((r) => tail(r.id) < record)
      .flatMap((r) => r.lines)
      .filter((l) => l.lineItemId === lineItemId && l.restockType !== 'RETURN')
      .reduce((sum, l) => sum + l.quantity, 0);
  const payment = order.payments[0];
  if (payment) {
    order.lines.forEach((l) =>
      add('paid', payment.id, payment.processedAt, l.lineItemId, l.quantity - cancelledBefore(l.lineItemId, tail(payment.id))),
    );
  }
  // A refund line restocked as RETURN is shipped units sent back; any other refund line cancels units.
  order.refunds.forEach((r) => r.lines.forEach((l) => add(l.restockType === 'RETURN' ? 'returned' : 'cancelled', r.id, r.createdAt, l.lineItemId, l.quantity, l)));
  order.fulfillments.forEach((f) => f.lines.forEach((l) => add('shipped', f.id, f.createdAt, l.lineItemId, l.quantity)));
  return events.sort((a, b) => comparePositions(a.position, b.position));
}

/**
 * The events of an order whose lines name their listing (a polled order). Lines without an inventory
 * item (custom items) or a stocking location move no published stock and yield no events.
 */
export function orderEvents(order: ShopifyOrderSnapshot): PositionedEvent[] {
  return lineEvents(order).flatMap(({ event, line, position, refunded }) => {
    const listingId = line.inventoryItemId && line.locationId ? listingIdOf(line.inventoryItemId, line.locationId) : null;
    if (listingId === null || line.locationId === null) {
      return [];
    }
    const restocked = refunded === undefined ? undefined : restockedAt(refunded, line.locationId);
    return [{ event: { ...event, listingId, ...(restocked === undefined ? {} : { restocked }) }, position }];
  });
}

/**
 * The events of a webhook's order, whose lines name only their variant (`listingRef`, a variant GID):
 * the listing is looked up afterwards. Lines without a variant (custom items) yield no events. A
 * cancellation says `restocked: false` for NO_RESTOCK at once; a restock carries its location in
 * `listingRef`, to be compared with the line's once that is known.
 */
export function unresolvedOrderEvents(order: ShopifyOrderSnapshot): UnresolvedOrderEvent[] {
  return lineEvents(order).flatMap(({ event, line, refunded }) => {
    if (line.variantId === null) {
      return [];
    }
    const location = refunded === undefined ? undefined : restockLocation(refunded);
    return [
      {
        ...event,
        ...(location === null ? { restocked: false } : {}),
        listingRef: formatWebhookLineRef({ variantId: line.variantId, restockedAt: location ?? null }),
      },
    ];
  });
}
