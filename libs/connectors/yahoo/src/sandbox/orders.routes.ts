import {
  xmlResponse,
  type SandboxRequest,
  type SandboxRoute,
} from '@urikiri/connector-sdk/testing';
import {
  YAHOO_PATHS,
  type YahooOrderInfoAnswer,
  type YahooOrderListAnswer,
} from '../yahoo-wire.types';
import { admit, type YahooSandboxContext } from './yahoo-sandbox.context';
import { yahooError } from './yahoo-sandbox.errors';

const MAX_RESULTS = 2000;

interface OrderListRequest {
  Req?: {
    SellerId?: string;
    Search?: {
      Result?: string;
      Start?: string;
      Sort?: string;
      Condition?: { LastUpdateTimeFrom?: string };
    };
  };
}

interface OrderInfoRequest {
  Req?: { SellerId?: string; Target?: { OrderId?: string } };
}

function xmlBody<T>(req: SandboxRequest): T | null {
  return typeof req.body === 'object' && req.body !== null
    ? (req.body as T)
    : null;
}

/**
 * orderList (search, XML body) and orderInfo (one order, XML body), each its own URL with its own
 * limit. Orders come oldest update first (`+last_update_time`), then by order id.
 */
export function orderRoutes(context: YahooSandboxContext): SandboxRoute[] {
  return [
    {
      method: 'POST',
      path: YAHOO_PATHS.orderList,
      operation: 'orders',
      handler: (req) => {
        const body = xmlBody<OrderListRequest>(req);
        const refused = admit(context, req, 'orders', body?.Req?.SellerId);
        if (refused) {
          return refused;
        }
        const search = body?.Req?.Search;
        if (!search) {
          return yahooError(
            400,
            'The body must be <Req><Search>...</Search><SellerId>...</SellerId></Req>',
          );
        }
        const result = Number(search.Result ?? '10');
        const start = Number(search.Start ?? '1');
        const from = search.Condition?.LastUpdateTimeFrom ?? '';
        if (
          !Number.isInteger(result) ||
          result < 1 ||
          result > MAX_RESULTS ||
          !Number.isInteger(start) ||
          start < 1
        ) {
          return yahooError(
            400,
            `Search/Result must be 1-${MAX_RESULTS} and Search/Start 1 or more`,
          );
        }
        if (from !== '' && !/^\d{14}$/.test(from)) {
          return yahooError(
            400,
            `LastUpdateTimeFrom "${from}" must be YYYYMMDDHHmmss (JST)`,
          );
        }
        if (search.Sort !== undefined && search.Sort !== '+last_update_time') {
          return yahooError(
            400,
            `Sort "${search.Sort}" is not supported by this sandbox; use +last_update_time`,
          );
        }
        const matching = context.stock
          .orderSummaries()
          .filter((o) => o.LastUpdateTime >= from);
        const page = matching.slice(start - 1, start - 1 + result);
        const answer: YahooOrderListAnswer = {
          Result: {
            Status: 'OK',
            Search: { TotalCount: String(matching.length), OrderInfo: page },
          },
        };
        return xmlResponse(200, answer);
      },
    },
    {
      method: 'POST',
      path: YAHOO_PATHS.orderInfo,
      operation: 'order-info',
      handler: (req) => {
        const body = xmlBody<OrderInfoRequest>(req);
        const refused = admit(context, req, 'order-info', body?.Req?.SellerId);
        if (refused) {
          return refused;
        }
        const orderId = body?.Req?.Target?.OrderId;
        if (!orderId) {
          return yahooError(
            400,
            'The body must be <Req><Target><OrderId>...</OrderId></Target><SellerId>...</SellerId></Req>',
          );
        }
        const order = context.stock.orderSummary(orderId);
        if (!order) {
          return yahooError(404, `No order ${orderId} in this store`);
        }
        const answer: YahooOrderInfoAnswer = {
          ResultSet: { Result: { Status: 'OK', OrderInfo: order } },
        };
        return xmlResponse(200, answer);
      },
    },
  ];
}
