import type {
  SandboxRequest,
  SandboxResponse,
  SandboxRoute,
} from '@urikiri/connector-sdk/testing';
import type {
  GetOrderItemsResponse,
  GetOrdersResponse,
  SearchOrdersResponse,
} from '../amazon-wire.types';
import {
  amazonRoute,
  jsonResponse,
  listParam,
  type AmazonSandboxContext,
} from './amazon-sandbox.context';
import { amazonError, invalidInput } from './amazon-sandbox.errors';
import {
  orderViews,
  toOrder2026,
  toOrderV0,
  type OrderView,
} from './order-views';

interface Paging {
  ids: string[];
  offset: number;
}

/**
 * The window both order APIs take: exactly one of created-after and last-updated-after (Amazon
 * refuses both or neither), and the marketplace. A page token pins the list it pages through, so
 * orders that change meanwhile neither shift nor skip the remaining pages.
 */
function window(
  ctx: AmazonSandboxContext,
  req: SandboxRequest,
  names: {
    createdAfter: string;
    lastUpdatedAfter: string;
    marketplaceIds: string;
  },
): { select: (view: OrderView) => boolean } | SandboxResponse {
  const created = req.query.get(names.createdAfter);
  const updated = req.query.get(names.lastUpdatedAfter);
  if ((created === null) === (updated === null)) {
    return invalidInput(
      `Exactly one of ${names.createdAfter} and ${names.lastUpdatedAfter} must be given.`,
    );
  }
  const since = created ?? (updated as string);
  if (Number.isNaN(Date.parse(since))) {
    return invalidInput(
      `${created === null ? names.lastUpdatedAfter : names.createdAfter} must be an ISO 8601 date-time, got "${since}".`,
    );
  }
  const marketplaces = listParam(req, names.marketplaceIds);
  if (marketplaces.length === 0) {
    return invalidInput(`${names.marketplaceIds} is required.`);
  }
  const from = Date.parse(since);
  return {
    select: (view) =>
      marketplaces.includes(ctx.account.marketplaceId) &&
      Date.parse(created === null ? view.updatedAt : view.createdAt) >= from,
  };
}

function pageSize(req: SandboxRequest, name: string): number | SandboxResponse {
  const size = Number(req.query.get(name) ?? 100);
  return Number.isInteger(size) && size >= 1 && size <= 100
    ? size
    : invalidInput(`${name} must be an integer from 1 to 100.`);
}

export function ordersRoutes(ctx: AmazonSandboxContext): SandboxRoute[] {
  const pagings = new Map<string, Paging>();

  const page = (
    req: SandboxRequest,
    tokenName: string,
    size: number,
    select: () => OrderView[],
  ) => {
    const token = req.query.get(tokenName);
    let paging: Paging;
    if (token !== null) {
      const known = pagings.get(token);
      if (!known) {
        return invalidInput(
          `${tokenName} is not a token this API issued, or it has expired.`,
        );
      }
      paging = known;
    } else {
      paging = { ids: select().map((v) => v.order.orderId), offset: 0 };
    }
    const views = new Map(orderViews(ctx).map((v) => [v.order.orderId, v]));
    const slice = paging.ids
      .slice(paging.offset, paging.offset + size)
      .map((id) => views.get(id) as OrderView);
    const nextOffset = paging.offset + slice.length;
    let next: string | undefined;
    if (nextOffset < paging.ids.length) {
      next = ctx.random.hex(40);
      pagings.set(next, { ids: paging.ids, offset: nextOffset });
    }
    return { views: slice, next };
  };

  return [
    amazonRoute(ctx, {
      method: 'GET',
      path: '/orders/2026-01-01/orders',
      operation: 'searchOrders',
      handler: (req) => {
        const range = window(ctx, req, {
          createdAfter: 'createdAfter',
          lastUpdatedAfter: 'lastUpdatedAfter',
          marketplaceIds: 'marketplaceIds',
        });
        if (!('select' in range)) {
          return range;
        }
        const size = pageSize(req, 'maxResultsPerPage');
        if (typeof size !== 'number') {
          return size;
        }
        const fulfilledBy = listParam(req, 'fulfilledBy');
        const included = listParam(req, 'includedData');
        const result = page(req, 'paginationToken', size, () =>
          fulfilledBy.length > 0 && !fulfilledBy.includes('MERCHANT')
            ? []
            : orderViews(ctx).filter(range.select),
        );
        if ('status' in result) {
          return result;
        }
        const answer: SearchOrdersResponse = {
          orders: result.views.map((v) =>
            toOrder2026(ctx, v, included.includes('FULFILLMENT')),
          ),
          ...(result.next ? { pagination: { nextToken: result.next } } : {}),
        };
        return jsonResponse(200, answer);
      },
    }),
    amazonRoute(ctx, {
      method: 'GET',
      path: '/orders/v0/orders',
      operation: 'getOrders',
      handler: (req) => {
        const range = window(ctx, req, {
          createdAfter: 'CreatedAfter',
          lastUpdatedAfter: 'LastUpdatedAfter',
          marketplaceIds: 'MarketplaceIds',
        });
        if (!('select' in range)) {
          return range;
        }
        const size = pageSize(req, 'MaxResultsPerPage');
        if (typeof size !== 'number') {
          return size;
        }
        const statuses = listParam(req, 'OrderStatuses');
        const result = page(req, 'NextToken', size, () =>
          orderViews(ctx)
            .filter(range.select)
            .filter(
              (v) =>
                statuses.length === 0 ||
                statuses.includes(toOrderV0(ctx, v).OrderStatus),
            ),
        );
        if ('status' in result) {
          return result;
        }
        const answer: GetOrdersResponse = {
          payload: {
            Orders: result.views.map((v) => toOrderV0(ctx, v)),
            ...(result.next ? { NextToken: result.next } : {}),
          },
        };
        return jsonResponse(200, answer);
      },
    }),
    amazonRoute(ctx, {
      method: 'GET',
      path: '/orders/v0/orders/:orderId/orderItems',
      operation: 'getOrderItems',
      handler: (req) => {
        const order = ctx.stock.order(req.params.orderId);
        if (!order) {
          return amazonError(
            404,
            'InvalidInput',
            `Order ${req.params.orderId} was not found.`,
          );
        }
        const answer: GetOrderItemsResponse = {
          payload: {
            AmazonOrderId: order.orderId,
            OrderItems: order.lines.map((line) => ({
              ASIN:
                ctx.stock.fbaOf(line.listingId)?.asin ??
                `B0${line.listingId.length}SANDBOX`.slice(0, 10),
              SellerSKU: line.listingId,
              OrderItemId: line.lineId,
              Title: ctx.stock.listing(line.listingId)?.title,
              QuantityOrdered: line.quantity,
              QuantityShipped:
                order.status === 'shipped' ? line.quantity - line.cancelled : 0,
            })),
          },
        };
        return jsonResponse(200, answer);
      },
    }),
  ];
}
