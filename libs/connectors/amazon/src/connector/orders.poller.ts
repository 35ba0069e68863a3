import type { OrderPage } from '@urikiri/connector-sdk';
import type { SearchOrdersResponse } from '../amazon-wire.types';
import type { AmazonSettings } from '../amazon.settings';
import type { AmazonCaller } from './amazon-caller';
import { decodeOrderCursor, encodeOrderCursor } from './order-cursor';
import {
  compareKeys,
  deriveOrderEvents,
  type PositionedEvent,
} from './order-snapshot';
import { snapshotFromOrder } from './order-snapshot.mappers';

const DAY_MS = 86_400_000;

/**
 * The safety net behind notifications: searchOrders (Orders 2026-01-01) for merchant-fulfilled
 * orders updated since the last event handed out. Every order changed since then is read in full
 * and its events derived again, so an event is never skipped because its order changed twice;
 * the cursor (the last event's sort key) drops those already handed out.
 */
export class OrdersPoller {
  constructor(
    private readonly caller: AmazonCaller,
    private readonly marketplaceId: string,
    private readonly settings: AmazonSettings,
    private readonly pageSize: number,
  ) {}

  async fetch(cursor: string | null): Promise<OrderPage> {
    const after = cursor === null ? null : decodeOrderCursor(cursor);
    const since =
      after?.[0] ??
      new Date(
        this.caller.now() - this.settings.ordersLookbackDays * DAY_MS,
      ).toISOString();
    const events: PositionedEvent[] = [];
    let token: string | undefined;
    do {
      const page: SearchOrdersResponse =
        await this.caller.call<SearchOrdersResponse>('orders', 'searchOrders', {
          method: 'GET',
          url: '/orders/2026-01-01/orders',
          params: {
            lastUpdatedAfter: since,
            marketplaceIds: this.marketplaceId,
            fulfilledBy: 'MERCHANT',
            includedData: 'FULFILLMENT',
            maxResultsPerPage: this.settings.ordersPageSize,
            ...(token === undefined ? {} : { paginationToken: token }),
          },
        });
      for (const order of page.orders) {
        events.push(
          ...deriveOrderEvents(snapshotFromOrder(order), this.settings),
        );
      }
      token = page.pagination?.nextToken;
    } while (token !== undefined);

    const fresh = events
      .filter((e) => after === null || compareKeys(e.key, after) > 0)
      .sort((a, b) => compareKeys(a.key, b.key));
    const page = fresh.slice(0, this.pageSize);
    const last = page.at(-1);
    return {
      events: page.map((e) => e.event),
      nextCursor: last
        ? encodeOrderCursor(last.key)
        : (cursor ?? encodeOrderCursor([since, '0', 0, 0, 0])),
      hasMore: fresh.length > page.length,
    };
  }
}
