/**
 * Yahoo!ショッピング store API wire format, shared by the connector and its sandbox so the two
 * cannot drift apart. Requests to setStock/getStock are form-encoded; order searches are XML;
 * every answer is XML.
 */

export const YAHOO_PATHS = {
  token: '/yconnect/v2/token',
  setStock: '/ShoppingWebService/V1/setStock',
  getStock: '/ShoppingWebService/V1/getStock',
  myItemList: '/ShoppingWebService/V1/myItemList',
  orderList: '/ShoppingWebService/V1/orderList',
  orderInfo: '/ShoppingWebService/V1/orderInfo',
} as const;

/** Where production tokens come from (Yahoo! ID連携); a sandbox serves the same path itself. */
export const YAHOO_AUTH_URL = 'https://auth.login.yahoo.co.jp';

export const YAHOO_LIMITS = {
  itemCodesPerCall: 1000,
  itemListPage: 100,
  /** Events per order page; whole orders are taken, so it also bounds the orders per orderList call. */
  orderEventsPage: 100,
  maxQuantity: 99999,
  itemCodeLength: 99,
} as const;

/** Per-item and whole-call error codes of the stock API. */
export const YAHOO_STOCK_ERRORS = {
  badItemCode: 'st-02101',
  overLimit: 'st-02102',
  duplicate: 'st-02103',
  badQuantity: 'st-02104',
  countMismatch: 'st-02105',
} as const;

/** Form fields of setStock and getStock. */
export interface YahooStockForm {
  seller_id: string;
  /** Comma list, `code` or `code:subcode`. */
  item_code: string;
  /** setStock only: same count as item_code; `5` sets, `+5` adds, `-5` subtracts. */
  quantity?: string;
}

/** One `<Result>` of setStock/getStock: a quantity, or an error code in a 207 answer. */
export interface YahooStockResult {
  ItemCode: string;
  SubCode?: string;
  Quantity?: string;
  /** getStock: 1 when the item takes orders while out of stock (在庫切れ時の注文受付). */
  AllowOverdraft?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

export interface YahooStockAnswer {
  ResultSet: { Result?: YahooStockResult[] };
}

/** One item of myItemList. */
export interface YahooItemListResult {
  ItemCode: string;
  SubCode?: string;
  Name: string;
  Jan?: string;
  ProductCode?: string;
}

export interface YahooItemListAnswer {
  ResultSet: {
    '@_totalResultsAvailable': string;
    '@_firstResultPosition': string;
    Result?: YahooItemListResult[];
  };
}

/** OrderStatus: 1 reserved (予約中), 2 processing (処理中), 3 on hold (保留), 4 cancelled, 5 complete. */
export const YAHOO_ORDER_STATUS = {
  reserved: '1',
  processing: '2',
  onHold: '3',
  cancelled: '4',
  complete: '5',
} as const;

/** A cancellation of some units of one line, as the order's change history records it. */
export interface YahooCancelRecord {
  Quantity: string;
  Time: string;
}

export interface YahooOrderItem {
  LineId: string;
  ItemId: string;
  SubCode?: string;
  /** Units ordered; cancellations are listed separately. */
  Quantity: string;
  Cancel?: YahooCancelRecord[];
}

export interface YahooOrderSummary {
  OrderId: string;
  OrderTime: string;
  LastUpdateTime: string;
  OrderStatus: string;
  /** 0 unpaid, 1 paid. */
  PayStatus: string;
  PayDate?: string;
  ShipDate?: string;
  Item?: YahooOrderItem[];
}

export interface YahooOrderListAnswer {
  Result: {
    Status: string;
    Search: { TotalCount: string; OrderInfo?: YahooOrderSummary[] };
  };
}

export interface YahooOrderInfoAnswer {
  ResultSet: { Result: { Status: string; OrderInfo: YahooOrderSummary } };
}

export interface YahooErrorAnswer {
  Error: { Message: string; Code?: string };
}

/** Field list the connector asks of orderList: what event derivation needs and nothing more. */
export const YAHOO_ORDER_FIELDS = [
  'OrderId',
  'OrderTime',
  'LastUpdateTime',
  'OrderStatus',
  'PayStatus',
  'PayDate',
  'ShipDate',
  'LineId',
  'ItemId',
  'SubCode',
  'Quantity',
  'Cancel',
] as const;

/** Element paths that may repeat, so the XML reader always gives arrays for them. */
export const YAHOO_REPEATED_PATHS = [
  'ResultSet.Result',
  'Result.Search.OrderInfo',
  '.Item',
  '.Cancel',
] as const;
