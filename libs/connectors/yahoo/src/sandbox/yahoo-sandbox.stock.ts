import {
  SandboxStock,
  type SandboxOrderEvent,
  type SandboxStockOptions,
} from '@urikiri/connector-sdk/testing';
import { orderEventId } from '../orders/order-event-id';
import { parseItemRef } from '../yahoo-item-code.codec';
import { toYahooTime } from '../yahoo-time.codec';
import {
  YAHOO_ORDER_STATUS,
  type YahooOrderItem,
  type YahooOrderSummary,
} from '../yahoo-wire.types';

const floorToSecond = (iso: string): number =>
  Math.floor(Date.parse(iso) / 1000) * 1000;

const ORDER_STATUS: Record<string, string> = {
  created: YAHOO_ORDER_STATUS.processing,
  paid: YAHOO_ORDER_STATUS.processing,
  shipped: YAHOO_ORDER_STATUS.complete,
  cancelled: YAHOO_ORDER_STATUS.cancelled,
};

/**
 * The shop as Yahoo! keeps it: listings and orders of SandboxStock, with times to the second, event
 * ids as Yahoo!'s order state implies them (the connector derives the same ones), no seller SKU on
 * order lines, no word on whether a cancellation restocked (orderList shows none), and each order
 * as orderList/orderInfo show it.
 */
export class YahooSandboxStock extends SandboxStock {
  constructor(options: SandboxStockOptions) {
    super(options);
  }

  override events(): SandboxOrderEvent[] {
    const cancellations = new Map<string, number>();
    // The order APIs carry no returned quantity: a return made on the sandbox stays out of them.
    return super.events().filter((e) => e.status !== 'returned').map(({ restocked: _restocked, ...e }) => {
      let eventId = orderEventId(e.lineId, e.status);
      if (e.status === 'cancelled') {
        const n = (cancellations.get(e.lineId) ?? 0) + 1;
        cancellations.set(e.lineId, n);
        eventId = orderEventId(e.lineId, 'cancelled', n);
      }
      return {
        ...e,
        eventId,
        sellerSku: null,
        occurredAt: new Date(floorToSecond(e.occurredAt)).toISOString(),
      };
    });
  }

  override eventsAfter(seq: number, limit: number): SandboxOrderEvent[] {
    return this.events()
      .filter((e) => e.seq > seq)
      .slice(0, limit);
  }

  /** Every order as Yahoo!'s order APIs show it, by last update then order id. */
  orderSummaries(): YahooOrderSummary[] {
    const byOrder = new Map<string, SandboxOrderEvent[]>();
    for (const event of this.events()) {
      byOrder.set(event.orderId, [
        ...(byOrder.get(event.orderId) ?? []),
        event,
      ]);
    }
    return [...byOrder.entries()]
      .map(([orderId, events]) => this.summary(orderId, events))
      .sort(
        (a, b) =>
          a.LastUpdateTime.localeCompare(b.LastUpdateTime) ||
          a.OrderId.localeCompare(b.OrderId),
      );
  }

  orderSummary(orderId: string): YahooOrderSummary | null {
    const events = this.events().filter((e) => e.orderId === orderId);
    return events.length === 0 ? null : this.summary(orderId, events);
  }

  private summary(
    orderId: string,
    events: SandboxOrderEvent[],
  ): YahooOrderSummary {
    const order = this.order(orderId);
    const time = (e: SandboxOrderEvent | undefined) =>
      e ? toYahooTime(Date.parse(e.occurredAt)) : undefined;
    const paid = events.find((e) => e.status === 'paid');
    const shipped = events.find((e) => e.status === 'shipped');
    const items: YahooOrderItem[] = (order?.lines ?? []).map((line, index) => {
      const ref = parseItemRef(line.listingId);
      const cancels = events.filter(
        (e) => e.lineId === line.lineId && e.status === 'cancelled',
      );
      return {
        LineId: String(index + 1),
        ItemId: ref?.code ?? line.listingId,
        ...(ref?.subCode ? { SubCode: ref.subCode } : {}),
        Quantity: String(line.quantity),
        ...(cancels.length > 0
          ? {
              Cancel: cancels.map((c) => ({
                Quantity: String(c.quantity),
                Time: time(c) as string,
              })),
            }
          : {}),
      };
    });
    return {
      OrderId: orderId,
      OrderTime: time(events[0]) as string,
      LastUpdateTime: time(events.at(-1)) as string,
      OrderStatus: ORDER_STATUS[order?.status ?? 'created'],
      PayStatus: paid ? '1' : '0',
      ...(paid ? { PayDate: time(paid) } : {}),
      ...(shipped ? { ShipDate: time(shipped) } : {}),
      Item: items,
    };
  }
}
