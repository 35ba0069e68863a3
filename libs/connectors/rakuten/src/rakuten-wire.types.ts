/**
 * The RMS Web Service bodies urikiri uses, shared by the connector and its sandbox so the two cannot
 * drift apart. Field names are Rakuten's own, including their mixed casing.
 */

// Inventory API 2.0 ---------------------------------------------------------------------------

export type RakutenInventoryMode = 'ABSOLUTE' | 'RELATIVE';

export interface RakutenUpsertItem {
  manageNumber: string;
  variantId: string;
  mode: RakutenInventoryMode;
  /** ABSOLUTE: 0..99999; RELATIVE: the change, -99999..99999. */
  quantity: number;
}

export interface RakutenBulkUpsertRequest {
  inventories: RakutenUpsertItem[];
}

/** Body of the single-variant `PUT .../manage-numbers/{m}/variants/{v}`. */
export interface RakutenVariantUpsertRequest {
  mode: RakutenInventoryMode;
  quantity: number;
}

export interface RakutenBulkGetRequest {
  inventories: { manageNumber: string; variantId: string }[];
}

export interface RakutenInventoryRecord {
  manageNumber: string;
  variantId: string;
  quantity: number;
  /** JST, e.g. `2026-12-04T20:00:00+09:00`. */
  created: string;
  updated: string;
}

export interface RakutenBulkGetResponse {
  inventories: RakutenInventoryRecord[];
}

/** Error body of the 2.0 APIs: `IE....` validation codes, `GE0014` not found. */
export interface RakutenApiError {
  code: string;
  message: string;
  metadata?: { propertyPath?: string };
}

export interface RakutenErrorBody {
  errors: RakutenApiError[];
}

/** What RMS answers to a refused `Authorization: ESA ...` header. */
export interface RakutenAuthErrorBody {
  Results: { errorCode: string; message: string };
}

// Items API 2.0 -------------------------------------------------------------------------------

export interface RakutenItemVariant {
  merchantDefinedSkuId: string | null;
  /** カタログID: the JAN code for most goods. */
  articleNumber?: { value?: string };
  /** 在庫切れ時の注文受付: keeps taking orders at 0, selling units that do not exist. */
  backOrderFlag: boolean;
  /** 在庫戻しフラグ: a cancelled order gives its units back. */
  restockOnCancel: boolean;
}

export interface RakutenItem {
  manageNumber: string;
  itemNumber: string | null;
  title: string;
  /** 在庫設定なし: the item is sold without any stock count. */
  unlimitedInventoryFlag: boolean;
  variants: Record<string, RakutenItemVariant>;
  created: string;
  updated: string;
}

export interface RakutenItemSearchResponse {
  numFound: number;
  offset: number;
  /** Equal to the cursorMark sent once there is nothing more. */
  nextCursorMark: string;
  results: { item: RakutenItem }[];
}

// RakutenPay order API ------------------------------------------------------------------------

export interface RakutenSearchOrderRequest {
  /** 1: order datetime. */
  dateType: number;
  startDatetime: string;
  endDatetime: string;
  orderProgressList?: number[];
  PaginationRequestModel: { requestRecordsAmount: number; requestPage: number };
}

export interface RakutenMessage {
  messageType: 'INFO' | 'WARNING' | 'ERROR';
  messageCode: string;
  message: string;
}

export interface RakutenSearchOrderResponse {
  orderNumberList: string[];
  MessageModelList: RakutenMessage[];
  PaginationResponseModel: { totalRecordsAmount: number; totalPages: number; requestPage: number };
}

export interface RakutenGetOrderRequest {
  orderNumberList: string[];
  version: number;
}

export interface RakutenSkuModel {
  variantId: string;
  merchantDefinedSkuId: string | null;
}

export interface RakutenOrderItem {
  itemDetailId: number;
  itemName: string;
  itemNumber: string | null;
  manageNumber: string;
  /** Units still ordered, after any cancellation. */
  units: number;
  /** 0: follow the item's 在庫戻し setting, 1: restore stock on cancel, 2: do not. */
  restoreInventoryFlag: 0 | 1 | 2;
  /** 1 once the line is cancelled as a whole. */
  deleteItemFlag: 0 | 1;
  SkuModelList: RakutenSkuModel[];
}

export interface RakutenPackage {
  basketId: number;
  ItemModelList: RakutenOrderItem[];
}

/** changeType 0: cancellation. */
export const RAKUTEN_CHANGE_CANCEL = 0;

export interface RakutenChangeReason {
  changeId: number;
  changeType: number;
  changeApplyDatetime: string | null;
  changeFixDatetime: string | null;
  /** Set when the change is complete and, for a cancellation, the stock decision applied. */
  changeCmplDatetime: string | null;
  /** Units cancelled per line by this change (the sandbox's form of a partial cancellation). */
  ChangeItemModelList: { itemDetailId: number; units: number }[];
}

export interface RakutenOrder {
  orderNumber: string;
  orderProgress: number;
  orderDatetime: string;
  /** 注文確定日時: payment authorised, the order moves to 300. */
  orderFixDatetime: string | null;
  shippingCmplRptDatetime: string | null;
  PackageModelList: RakutenPackage[];
  ChangeReasonModelList: RakutenChangeReason[];
}

export interface RakutenGetOrderResponse {
  OrderModelList: RakutenOrder[];
  MessageModelList: RakutenMessage[];
}

/** Order API limits: search windows and page sizes RMS accepts. */
export const RAKUTEN_ORDER_LIMITS = {
  searchWindowMs: 63 * 24 * 3_600_000,
  searchPageSize: 1000,
  getOrderBatch: 100,
  getOrderVersion: 10,
} as const;

/** Inventory API limits. */
export const RAKUTEN_INVENTORY_LIMITS = {
  bulkUpsert: 400,
  bulkGet: 1000,
  maxQuantity: 99_999,
} as const;

export const RAKUTEN_ITEM_SEARCH_MAX_HITS = 100;
