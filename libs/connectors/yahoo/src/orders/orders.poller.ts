import type { OrderEvent, OrderPage } from '@urikiri/connector-sdk';
import { toYahooTime } from '../yahoo-time.codec';
import { buildYahooXml } from '../yahoo-xml.codec';
import {
  YAHOO_ORDER_FIELDS,
  type YahooOrderListAnswer,
  type YahooOrderSummary,
} from '../yahoo-wire.types';
import {
  decodeOrderCursor,
  encodeOrderCursor,
  type OrderCursor,
} from './order-cursor.codec';
import { orderEventsFrom } from './order-events.mapper';

const DAY_MS = 86_400_000;

export interface OrderListCaller {
  orderList(xml: string): Promise<YahooOrderListAnswer>;
  now(): number;
}

/**
 * Polls orderList for orders updated since the cursor, oldest update first, and hands out whole
 * orders while their events fit the page. An order that changes again is listed again and all its
 * events derived again with the same ids; ingestion drops the ones it has.
 */
export class OrdersPoller {
  constructor(
    private readonly caller: OrderListCaller,
    private readonly sellerId: string,
    private readonly pageSize: number,
    private readonly lookbackDays: number,
  ) {}

  async fetch(cursor: string | null): Promise<OrderPage> {
    const from: OrderCursor =
      cursor === null
        ? {
            mark: toYahooTime(this.caller.now() - this.lookbackDays * DAY_MS),
            done: [],
          }
        : decodeOrderCursor(cursor);
    const answer = await this.caller.orderList(this.request(from));
    const listed = answer.Result?.Search?.OrderInfo ?? [];
    const fresh = listed.filter(
      (o) => !(o.LastUpdateTime === from.mark && from.done.includes(o.OrderId)),
    );

    const taken: YahooOrderSummary[] = [];
    const events: OrderEvent[] = [];
    for (const order of fresh) {
      const derived = orderEventsFrom(order);
      // Whole orders only, so the cursor can say "this order is done"; a first order bigger than a
      // page still goes out whole rather than never.
      if (taken.length > 0 && events.length + derived.length > this.pageSize) {
        break;
      }
      taken.push(order);
      events.push(...derived);
    }
    const total = Number(answer.Result?.Search?.TotalCount ?? listed.length);
    return {
      events,
      nextCursor: encodeOrderCursor(this.advance(from, taken)),
      hasMore: taken.length < fresh.length || total > listed.length,
    };
  }

  private request(from: OrderCursor): string {
    return buildYahooXml({
      Req: {
        Search: {
          // Orders already handed out at the mark come back too; ask for enough to get past them.
          Result: this.pageSize + from.done.length,
          Start: 1,
          Sort: '+last_update_time',
          Condition: { LastUpdateTimeFrom: from.mark },
          Field: YAHOO_ORDER_FIELDS.join(','),
        },
        SellerId: this.sellerId,
      },
    });
  }

  private advance(
    from: OrderCursor,
    taken: readonly YahooOrderSummary[],
  ): OrderCursor {
    const last = taken.at(-1);
    if (last === undefined) {
      return from;
    }
    const mark = last.LastUpdateTime;
    const previous = mark === from.mark ? from.done : [];
    return {
      mark,
      done: [
        ...previous,
        ...taken.filter((o) => o.LastUpdateTime === mark).map((o) => o.OrderId),
      ],
    };
  }
}
