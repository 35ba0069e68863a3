import type { OrderEvent } from '@urikiri/connector-sdk';

/**
 * One Amazon order as a poll (searchOrders) or an ORDER_CHANGE notification shows it. Amazon tells
 * the state of an order, not its history, so urikiri's events are derived from this state with ids
 * that any later view of the same order derives again: webhook and poll give the same ids.
 */
export interface OrderSnapshot {
  orderId: string;
  status:
    | 'pending'
    | 'unshipped'
    | 'partially-shipped'
    | 'shipped'
    | 'cancelled'
    | 'other';
  fulfilledBy: 'MERCHANT' | 'AMAZON';
  createdAt: string;
  updatedAt: string;
  lines: {
    lineId: string;
    sku: string | null;
    ordered: number;
    shipped: number;
    cancelled: number;
  }[];
}

export type OrderEventKind = 'created' | 'paid' | 'cancelled' | 'shipped';

const KIND_RANK: Record<OrderEventKind, number> = {
  created: 0,
  paid: 1,
  cancelled: 2,
  shipped: 3,
};

/**
 * The event id scheme: `<orderItemId>:<kind>`, and `<orderItemId>:cancelled:<n>` for the n-th
 * cancelled unit. Amazon shows how many units of a line are cancelled, not when each was; one
 * event per unit keeps ids stable however many polls saw the cancellations happen.
 */
export function orderEventId(
  lineId: string,
  kind: OrderEventKind,
  unit?: number,
): string {
  return unit === undefined ? `${lineId}:${kind}` : `${lineId}:${kind}:${unit}`;
}

export interface PositionedEvent {
  event: OrderEvent;
  /** Sort key: occurredAt, order, kind, line, unit; oldest first and stable across polls. */
  key: OrderEventKey;
}

export type OrderEventKey = [
  occurredAt: string,
  orderId: string,
  kindRank: number,
  line: number,
  unit: number,
];

export function compareKeys(a: OrderEventKey, b: OrderEventKey): number {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] < b[i]) {
      return -1;
    }
    if (a[i] > b[i]) {
      return 1;
    }
  }
  return 0;
}

/**
 * urikiri's events for one order's state. Orders Amazon fulfils (FBA) take Amazon's stock, not
 * ours, so they give none; with `reservePending` off, an order waits for payment before it counts.
 */
export function deriveOrderEvents(
  order: OrderSnapshot,
  options: { reservePending: boolean },
): PositionedEvent[] {
  if (order.fulfilledBy === 'AMAZON' || order.status === 'other') {
    return [];
  }
  if (order.status === 'pending' && !options.reservePending) {
    return [];
  }
  const out: PositionedEvent[] = [];
  const paid =
    order.status === 'unshipped' ||
    order.status === 'partially-shipped' ||
    order.status === 'shipped';
  order.lines.forEach((line, index) => {
    const push = (
      kind: OrderEventKind,
      quantity: number,
      occurredAt: string,
      unit?: number,
    ) => {
      out.push({
        event: {
          eventId: orderEventId(line.lineId, kind, unit),
          orderId: order.orderId,
          lineId: line.lineId,
          listingId: line.sku ?? '',
          sellerSku: line.sku,
          status: kind,
          quantity,
          occurredAt,
        },
        key: [occurredAt, order.orderId, KIND_RANK[kind], index, unit ?? 0],
      });
    };
    push('created', line.ordered, order.createdAt);
    const open = line.ordered - line.cancelled;
    if (paid && open > 0) {
      push('paid', open, order.updatedAt);
    }
    for (let unit = 1; unit <= line.cancelled; unit += 1) {
      push('cancelled', 1, order.updatedAt, unit);
    }
    if (line.shipped > 0 && line.shipped === open) {
      push('shipped', line.shipped, order.updatedAt);
    }
  });
  return out.sort((a, b) => compareKeys(a.key, b.key));
}
