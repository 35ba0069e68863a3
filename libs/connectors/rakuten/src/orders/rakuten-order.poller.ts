import type { Clock, ConnectorOperation, OrderEvent, OrderPage } from '@urikiri/connector-sdk';
import type { AxiosRequestConfig, AxiosResponse } from 'axios';
import { floorToSecond, parseRakutenTime, toRakutenOrderTime } from '../jst-time.codec';
import {
  RAKUTEN_ORDER_LIMITS,
  type RakutenGetOrderRequest,
  type RakutenGetOrderResponse,
  type RakutenOrder,
  type RakutenSearchOrderRequest,
  type RakutenSearchOrderResponse,
} from '../rakuten-wire.types';
import { advance, decodeOrderCursor, encodeOrderCursor, isAfter, type OrderCursor } from './order-cursor.codec';
import { SETTLED_PROGRESS, compareRankedEvents, orderEvents } from './order-events.mapper';
import { RestockSettingReader } from './restock-setting.reader';

export type RakutenSend = <T>(operation: ConnectorOperation, config: AxiosRequestConfig) => Promise<AxiosResponse<T>>;

/** A first poll reaches back one full search window: the longest RMS allows in one search. */
const FIRST_LOOKBACK_MS = RAKUTEN_ORDER_LIMITS.searchWindowMs;
/** Searches overlap the previous one by this much, so an order stamped just before our clock's "now" is not missed. */
const OVERLAP_MS = 10 * 60_000;

/**
 * Turns RMS order states into urikiri's ordered event stream: searchOrder by order date over
 * windows of at most 63 days (paged by 1,000), getOrder version 10 in batches of 100, events derived
 * per order and handed out oldest first after the cursor's watermark.
 *
 * One download often yields more than a page; the rest is served from memory for the cursor just
 * returned, and the last memory page says `hasMore` so the next call downloads again and sees what
 * arrived meanwhile.
 */
export class RakutenOrderPoller {
  private pending: { cursor: string; events: OrderEvent[]; from: number } | null = null;
  private readonly restock: RestockSettingReader;

  constructor(
    private readonly send: RakutenSend,
    private readonly clock: Clock,
    private readonly pageSize: number,
  ) {
    this.restock = new RestockSettingReader(send);
  }

  async fetch(cursorText: string | null): Promise<OrderPage> {
    const cursor: OrderCursor = cursorText === null ? { from: this.clock() - FIRST_LOOKBACK_MS, mark: null, ids: [] } : decodeOrderCursor(cursorText);
    if (this.pending !== null && cursorText !== null && this.pending.cursor === cursorText) {
      const { events, from } = this.pending;
      return this.page(cursor, events, from, true);
    }
    const end = floorToSecond(this.clock());
    const orders = await this.download(floorToSecond(cursor.from), end);
    const ranked = orders
      .flatMap(orderEvents)
      .filter((r) => isAfter(cursor, r.event.eventId, r.event.occurredAt))
      .sort(compareRankedEvents);
    const waiting = new Set(ranked.map((r) => r.orderNumber));
    // The next search starts at the oldest order that can still change or still has events to hand out.
    const from = Math.min(
      end - OVERLAP_MS,
      ...orders.filter((o) => !SETTLED_PROGRESS.has(o.orderProgress) || waiting.has(o.orderNumber)).map((o) => parseRakutenTime(o.orderDatetime)),
    );
    // Only what is handed out now is looked up: events already handed out stay as they were.
    return this.page(cursor, await this.restock.fill(ranked), from, false);
  }

  private page(cursor: OrderCursor, events: OrderEvent[], from: number, fromMemory: boolean): OrderPage {
    const page = events.slice(0, this.pageSize);
    const rest = events.slice(this.pageSize);
    const nextCursor = encodeOrderCursor({ from, ...advance(cursor, page) });
    this.pending = rest.length > 0 ? { cursor: nextCursor, events: rest, from } : null;
    return { events: page, nextCursor, hasMore: rest.length > 0 || fromMemory };
  }

  private async download(from: number, end: number): Promise<RakutenOrder[]> {
    const numbers = new Set<string>();
    for (let start = from; start <= end; start += RAKUTEN_ORDER_LIMITS.searchWindowMs) {
      const windowEnd = Math.min(start + RAKUTEN_ORDER_LIMITS.searchWindowMs, end);
      for (let page = 1; ; page += 1) {
        const request: RakutenSearchOrderRequest = {
          dateType: 1,
          startDatetime: toRakutenOrderTime(start),
          endDatetime: toRakutenOrderTime(windowEnd),
          PaginationRequestModel: { requestRecordsAmount: RAKUTEN_ORDER_LIMITS.searchPageSize, requestPage: page },
        };
        const { data } = await this.send<RakutenSearchOrderResponse>('orders', { method: 'POST', url: '/es/2.0/order/searchOrder/', data: request });
        data.orderNumberList.forEach((n) => numbers.add(n));
        if (page >= data.PaginationResponseModel.totalPages) {
          break;
        }
      }
      if (windowEnd === end) {
        break;
      }
    }
    const all = [...numbers];
    const orders: RakutenOrder[] = [];
    for (let i = 0; i < all.length; i += RAKUTEN_ORDER_LIMITS.getOrderBatch) {
      const request: RakutenGetOrderRequest = {
        orderNumberList: all.slice(i, i + RAKUTEN_ORDER_LIMITS.getOrderBatch),
        version: RAKUTEN_ORDER_LIMITS.getOrderVersion,
      };
      const { data } = await this.send<RakutenGetOrderResponse>('orders', { method: 'POST', url: '/es/2.0/order/getOrder/', data: request });
      orders.push(...data.OrderModelList);
    }
    return orders;
  }
}
