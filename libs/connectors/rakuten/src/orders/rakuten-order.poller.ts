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
import { SETTLED_PROGRESS, compareRankedEvents, orderEvents, type RankedEvent } from './order-events.mapper';
import { RestockSettingReader } from './restock-setting.reader';

export type RakutenSend = <T>(operation: ConnectorOperation, config: AxiosRequestConfig) => Promise<AxiosResponse<T>>;

/** A first poll reaches back one full search window: the longest RMS allows in one search. */
const FIRST_LOOKBACK_MS = RAKUTEN_ORDER_LIMITS.searchWindowMs;
/** Searches overlap the previous one by this much, so an order stamped just before our clock's "now" is not missed. */
const OVERLAP_MS = 10 * 60_000;
/** A quick read searches back this far before the previous search's end: RMS lists an order a little after its time. */
const QUICK_OVERLAP_MS = 30_000;
/** Open orders a quick read re-reads besides the new ones, longest unread first: how cancellations show up mid-sale. */
const OPEN_ORDERS_PER_QUICK_READ = 100;
/** Orders remembered between reads; beyond it the oldest settled ones are forgotten (a forgotten order is read again as new). */
const MAX_REMEMBERED_ORDERS = 200_000;

/** What this process has read of an order: whether it can still change, when it was read, the events handed out. */
interface SeenOrder {
  settled: boolean;
  readAt: number;
  handedOut: Set<string>;
}

/**
 * Turns RMS order states into urikiri's ordered event stream: searchOrder by order date over
 * windows of at most 63 days (paged by 1,000), getOrder version 10 in batches of 100, events derived
 * per order and handed out oldest first after the cursor's watermark.
 *
 * One download often yields more than a page; the rest is served from memory for the cursor just
 * returned, and the last memory page says `hasMore` so the next call downloads again and sees what
 * arrived meanwhile.
 *
 * RMS cannot list what changed, only orders by date, so a full read downloads every order of the
 * last ten minutes and every order still open: in a flash sale, thousands at 100 per call and one
 * call a second, and each poll slower than the last. While new orders keep coming, a poll is a
 * quick read instead: one search for the orders listed since the previous one, getOrder for those
 * this process has not read, plus a slice of the open orders it has (longest unread first), so a
 * sale reaches the ledger in seconds and a cancellation within a few rounds. A quick read leaves
 * the cursor where it was and says it is not `complete` (the account is not caught up). The first
 * poll in a process, and any poll that finds no new order, is a full read, which moves the cursor.
 * Events handed out are remembered, so neither kind of read hands one out twice in a process.
 */
export class RakutenOrderPoller {
  private pending: { cursor: string; events: OrderEvent[]; from: number } | null = null;
  private readonly restock: RestockSettingReader;
  private readonly seen = new Map<string, SeenOrder>();
  /** Where the last search of this process ended; null before its first full read. */
  private lastSearchEnd: number | null = null;

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
    if (cursorText !== null && this.lastSearchEnd !== null) {
      const quick = await this.quickRead(cursorText, cursor);
      if (quick !== null) return quick;
    }
    return this.fullRead(cursor);
  }

  private async fullRead(cursor: OrderCursor): Promise<OrderPage> {
    const end = floorToSecond(this.clock());
    const orders = await this.download(floorToSecond(cursor.from), end);
    this.lastSearchEnd = end;
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
    this.remember(orders);
    // Events a quick read already handed out are not handed out again.
    return this.page(cursor, await this.restock.fill(this.notHandedOut(ranked)), from, false);
  }

  /** New orders since the last search and a slice of the open ones; null when there is no new order. */
  private async quickRead(cursorText: string, cursor: OrderCursor): Promise<OrderPage | null> {
    const end = floorToSecond(this.clock());
    const numbers = await this.search(Math.max(floorToSecond(cursor.from), (this.lastSearchEnd as number) - QUICK_OVERLAP_MS), end);
    this.lastSearchEnd = end;
    const unread = numbers.filter((n) => !this.seen.has(n));
    if (unread.length === 0) return null;
    const open = [...this.seen.entries()]
      .filter(([, order]) => !order.settled)
      .sort((a, b) => a[1].readAt - b[1].readAt)
      .slice(0, OPEN_ORDERS_PER_QUICK_READ)
      .map(([number]) => number);
    const orders = await this.getOrders([...unread, ...open]);
    this.remember(orders);
    const events = await this.restock.fill(this.notHandedOut(orders.flatMap(orderEvents).sort(compareRankedEvents)));
    this.handOut(events);
    return { events, nextCursor: cursorText, hasMore: false, complete: false };
  }

  /** Notes what was read of each order: whether it can still change, and when. */
  private remember(orders: readonly RakutenOrder[]): void {
    const now = this.clock();
    for (const order of orders) {
      const handedOut = this.seen.get(order.orderNumber)?.handedOut ?? new Set<string>();
      // Re-inserted, so the map's order is the order of reading: the longest unread come first.
      this.seen.delete(order.orderNumber);
      this.seen.set(order.orderNumber, { settled: SETTLED_PROGRESS.has(order.orderProgress), readAt: now, handedOut });
    }
    for (const [number, order] of this.seen) {
      if (this.seen.size <= MAX_REMEMBERED_ORDERS) break;
      if (order.settled) this.seen.delete(number);
    }
  }

  private notHandedOut(ranked: readonly RankedEvent[]): RankedEvent[] {
    return ranked.filter((r) => !this.seen.get(r.orderNumber)?.handedOut.has(r.event.eventId));
  }

  private handOut(events: readonly OrderEvent[]): void {
    for (const event of events) this.seen.get(event.orderId)?.handedOut.add(event.eventId);
  }

  private page(cursor: OrderCursor, events: OrderEvent[], from: number, fromMemory: boolean): OrderPage {
    const page = events.slice(0, this.pageSize);
    this.handOut(page);
    const rest = events.slice(this.pageSize);
    const nextCursor = encodeOrderCursor({ from, ...advance(cursor, page) });
    this.pending = rest.length > 0 ? { cursor: nextCursor, events: rest, from } : null;
    return { events: page, nextCursor, hasMore: rest.length > 0 || fromMemory };
  }

  private async download(from: number, end: number): Promise<RakutenOrder[]> {
    return this.getOrders(await this.search(from, end));
  }

  /** Order numbers by order date in [from, end], window by window, page by page. */
  private async search(from: number, end: number): Promise<string[]> {
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
    return [...numbers];
  }

  private async getOrders(numbers: readonly string[]): Promise<RakutenOrder[]> {
    const orders: RakutenOrder[] = [];
    for (let i = 0; i < numbers.length; i += RAKUTEN_ORDER_LIMITS.getOrderBatch) {
      const request: RakutenGetOrderRequest = {
        orderNumberList: numbers.slice(i, i + RAKUTEN_ORDER_LIMITS.getOrderBatch),
        version: RAKUTEN_ORDER_LIMITS.getOrderVersion,
      };
      const { data } = await this.send<RakutenGetOrderResponse>('orders', { method: 'POST', url: '/es/2.0/order/getOrder/', data: request });
      orders.push(...data.OrderModelList);
    }
    return orders;
  }
}
