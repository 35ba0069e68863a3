import { jsonResponse, type SandboxRoute } from '@urikiri/connector-sdk/testing';
import { parseRakutenTime } from '../jst-time.codec';
import {
  RAKUTEN_ORDER_LIMITS,
  type RakutenGetOrderResponse,
  type RakutenOrder,
  type RakutenSearchOrderResponse,
} from '../rakuten-wire.types';
import { buildOrderModel, orderCreatedAt } from './order-model.builder';
import { orderApiError } from './rakuten-error.responses';
import { isRecord, type RakutenSandboxContext } from './rakuten-sandbox.context';

const ORDER_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0900$/;

function timeField(value: unknown): number | null {
  return typeof value === 'string' && ORDER_TIME.test(value) ? parseRakutenTime(value) : null;
}

export function orderRoutes(ctx: RakutenSandboxContext): SandboxRoute[] {
  return [
    {
      method: 'POST',
      path: '/es/2.0/order/searchOrder',
      operation: 'orders',
      handler: (req) => {
        const refused = ctx.refuse(req);
        if (refused) {
          return refused;
        }
        const body = isRecord(req.body) ? req.body : {};
        if (body.dateType !== 1) {
          return orderApiError(400, 'ORDER_EXT_API_SEARCH_ORDER_ERROR_DATE_TYPE', 'The sandbox searches by dateType 1 (order datetime) only');
        }
        const start = timeField(body.startDatetime);
        const end = timeField(body.endDatetime);
        if (start === null || end === null || end < start) {
          return orderApiError(400, 'ORDER_EXT_API_SEARCH_ORDER_ERROR_DATETIME', 'startDatetime and endDatetime must look like 2026-12-04T20:00:00+0900, start first');
        }
        if (end - start > RAKUTEN_ORDER_LIMITS.searchWindowMs) {
          return orderApiError(400, 'ORDER_EXT_API_SEARCH_ORDER_ERROR_PERIOD', 'The search period must not exceed 63 days');
        }
        const paging = isRecord(body.PaginationRequestModel) ? body.PaginationRequestModel : {};
        const amount = paging.requestRecordsAmount;
        const page = paging.requestPage;
        if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > RAKUTEN_ORDER_LIMITS.searchPageSize) {
          return orderApiError(400, 'ORDER_EXT_API_SEARCH_ORDER_ERROR_PAGING', `requestRecordsAmount must be 1 to ${RAKUTEN_ORDER_LIMITS.searchPageSize}`);
        }
        if (typeof page !== 'number' || !Number.isInteger(page) || page < 1) {
          return orderApiError(400, 'ORDER_EXT_API_SEARCH_ORDER_ERROR_PAGING', 'requestPage must be 1 or more');
        }
        const progress = Array.isArray(body.orderProgressList) ? new Set(body.orderProgressList) : null;
        // Order datetimes are whole seconds in RMS, so the window compares at that precision.
        const matching = ctx.stock
          .orderIds()
          .map((id) => ({ id, at: Math.floor(orderCreatedAt(ctx.stock, id) / 1000) * 1000 }))
          .filter(({ at }) => at >= start && at <= end)
          .filter(({ id }) => progress === null || progress.has(buildOrderModel(ctx.stock, id)?.orderProgress))
          .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
        const totalPages = Math.ceil(matching.length / amount);
        const answer: RakutenSearchOrderResponse = {
          orderNumberList: matching.slice((page - 1) * amount, page * amount).map((m) => m.id),
          MessageModelList: [{ messageType: 'INFO', messageCode: 'ORDER_EXT_API_SEARCH_ORDER_INFO_101', message: '注文検索に成功しました。' }],
          PaginationResponseModel: { totalRecordsAmount: matching.length, totalPages, requestPage: page },
        };
        return jsonResponse(200, answer);
      },
    },
    {
      method: 'POST',
      path: '/es/2.0/order/getOrder',
      operation: 'orders',
      handler: (req) => {
        const refused = ctx.refuse(req);
        if (refused) {
          return refused;
        }
        const body = isRecord(req.body) ? req.body : {};
        const numbers = body.orderNumberList;
        if (!Array.isArray(numbers) || numbers.length === 0 || numbers.length > RAKUTEN_ORDER_LIMITS.getOrderBatch) {
          return orderApiError(400, 'ORDER_EXT_API_GET_ORDER_ERROR_LIST', `orderNumberList must hold 1 to ${RAKUTEN_ORDER_LIMITS.getOrderBatch} order numbers`);
        }
        if (body.version !== RAKUTEN_ORDER_LIMITS.getOrderVersion) {
          return orderApiError(400, 'ORDER_EXT_API_GET_ORDER_ERROR_VERSION', `The sandbox answers version ${RAKUTEN_ORDER_LIMITS.getOrderVersion} only`);
        }
        const orders = numbers.flatMap((n) => (typeof n === 'string' ? buildOrderModel(ctx.stock, n) ?? [] : [])) as RakutenOrder[];
        const answer: RakutenGetOrderResponse = { OrderModelList: orders, MessageModelList: [] };
        return jsonResponse(200, answer);
      },
    },
  ];
}
