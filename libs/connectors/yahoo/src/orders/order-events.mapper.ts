import type { OrderEvent, OrderLineStatus } from '@urikiri/connector-sdk';
import { itemRefToListingId } from '../yahoo-item-code.codec';
import { yahooTimeToIso } from '../yahoo-time.codec';
import {
  YAHOO_ORDER_STATUS,
  type YahooOrderItem,
  type YahooOrderSummary,
} from '../yahoo-wire.types';
import { orderEventId, orderLineId } from './order-event-id';

/**
 * Order within one second (Yahoo! times have no finer grain). A cancellation in the same second as
 * the payment or shipment is counted before it, as the paid and shipped quantities are.
 */
const RANK: Record<OrderLineStatus, number> = {
  created: 0,
  cancelled: 1,
  paid: 2,
  shipped: 3,
  // The order APIs carry no returned quantity, so no `returned` event is made; it ranks last for completeness.
  returned: 4,
};

interface Dated {
  event: OrderEvent;
  rank: number;
  line: number;
}

function openAt(item: YahooOrderItem, time: string): number {
  const cancelled = (item.Cancel ?? [])
    .filter((c) => c.Time <= time)
    .reduce((sum, c) => sum + Number(c.Quantity), 0);
  return Number(item.Quantity) - cancelled;
}

/**
 * Every event an order's current state implies, oldest first. Yahoo! statuses map as: 1 reserved,
 * 2 processing and 3 on hold are taken orders (`created`; PayStatus 1 adds `paid`), 4 cancelled comes
 * from the cancellations of each line, 5 complete is `shipped` at ShipDate for the units not cancelled.
 */
export function orderEventsFrom(order: YahooOrderSummary): OrderEvent[] {
  const dated: Dated[] = [];
  (order.Item ?? []).forEach((item, line) => {
    const lineId = orderLineId(order.OrderId, item.LineId);
    const listingId = itemRefToListingId(item.ItemId, item.SubCode);
    const push = (
      status: OrderLineStatus,
      quantity: number,
      time: string,
      cancellation?: number,
    ) => {
      if (quantity > 0) {
        dated.push({
          event: {
            eventId: orderEventId(lineId, status, cancellation),
            orderId: order.OrderId,
            lineId,
            listingId,
            sellerSku: null,
            status,
            quantity,
            occurredAt: yahooTimeToIso(time),
          },
          rank: RANK[status],
          line,
        });
      }
    };
    push('created', Number(item.Quantity), order.OrderTime);
    (item.Cancel ?? []).forEach((c, i) =>
      push('cancelled', Number(c.Quantity), c.Time, i + 1),
    );
    if (order.PayStatus === '1' && order.PayDate) {
      push('paid', openAt(item, order.PayDate), order.PayDate);
    }
    if (order.OrderStatus === YAHOO_ORDER_STATUS.complete && order.ShipDate) {
      push('shipped', openAt(item, order.ShipDate), order.ShipDate);
    }
  });
  return dated
    .sort(
      (a, b) =>
        a.event.occurredAt.localeCompare(b.event.occurredAt) ||
        a.rank - b.rank ||
        a.line - b.line,
    )
    .map((d) => d.event);
}
