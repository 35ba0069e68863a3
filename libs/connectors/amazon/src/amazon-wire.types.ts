/**
 * The SP-API bodies this connector sends and reads, as the official models define them (the subset
 * used here), shared by the connector and its sandbox so the two cannot drift apart.
 */

/** Login with Amazon answer to the refresh-token grant. */
export interface LwaTokenAnswer {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  refresh_token: string;
}

export interface LwaErrorAnswer {
  error: string;
  error_description: string;
}

export interface AmazonError {
  code: string;
  message: string;
  details?: string;
}

export interface AmazonErrorList {
  errors: AmazonError[];
}

// Listings Items 2021-08-01

export interface FulfillmentAvailabilityValue {
  fulfillment_channel_code: string;
  quantity: number;
}

export interface PatchOperation {
  op: 'add' | 'replace' | 'merge' | 'delete';
  path: string;
  value?: FulfillmentAvailabilityValue[];
}

export interface ListingsItemPatchRequest {
  productType: string;
  patches: PatchOperation[];
}

export interface ListingsIssue {
  code: string;
  message: string;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  attributeNames?: string[];
  categories: string[];
}

export interface ListingsItemSubmissionResponse {
  sku: string;
  status: 'ACCEPTED' | 'INVALID' | 'VALID';
  submissionId: string;
  issues?: ListingsIssue[];
}

export interface FulfillmentAvailability {
  fulfillmentChannelCode: string;
  quantity?: number;
}

export interface ListingsItem {
  sku: string;
  summaries?: {
    marketplaceId: string;
    asin?: string;
    productType: string;
    conditionType?: string;
    status: ('BUYABLE' | 'DISCOVERABLE')[];
    itemName?: string;
    createdDate: string;
    lastUpdatedDate: string;
  }[];
  attributes?: {
    fulfillment_availability?: (Partial<FulfillmentAvailabilityValue> & {
      is_inventory_available?: boolean;
    })[];
  };
  fulfillmentAvailability?: FulfillmentAvailability[];
}

export interface ItemSearchResults {
  numberOfResults: number;
  pagination?: { nextToken?: string; previousToken?: string };
  items: ListingsItem[];
}

/** searchListingsItems takes at most this many identifiers per call. */
export const SEARCH_IDENTIFIERS_MAX = 20;

// Feeds 2021-06-30

export interface CreateFeedDocumentSpecification {
  contentType: string;
}

export interface CreateFeedDocumentResponse {
  feedDocumentId: string;
  url: string;
}

export interface CreateFeedSpecification {
  feedType: string;
  marketplaceIds: string[];
  inputFeedDocumentId: string;
}

export interface CreateFeedResponse {
  feedId: string;
}

export type ProcessingStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'FATAL'
  | 'IN_PROGRESS'
  | 'IN_QUEUE';

export interface Feed {
  feedId: string;
  feedType: string;
  marketplaceIds?: string[];
  createdTime: string;
  processingStatus: ProcessingStatus;
  processingStartTime?: string;
  processingEndTime?: string;
  resultFeedDocumentId?: string;
}

export interface FeedDocument {
  feedDocumentId: string;
  url: string;
}

/** A JSON_LISTINGS_FEED document (listings-feed-schema-v2.json), PATCH messages only. */
export interface ListingsFeedDocument {
  header: { sellerId: string; version: '2.0'; issueLocale?: string };
  messages: ListingsFeedMessage[];
}

export interface ListingsFeedMessage {
  messageId: number;
  sku: string;
  operationType: 'PATCH';
  productType: string;
  patches: PatchOperation[];
}

/** The processing report Amazon writes for a JSON_LISTINGS_FEED: one issue list for all messages. */
export interface ListingsFeedProcessingReport {
  header: { sellerId: string; version: '2.0'; feedId: string };
  issues: {
    messageId: number;
    code: string;
    severity: 'ERROR' | 'WARNING' | 'INFO';
    message: string;
  }[];
  summary: {
    errors: number;
    warnings: number;
    messagesProcessed: number;
    messagesAccepted: number;
    messagesInvalid: number;
  };
}

// Reports 2021-06-30

export interface CreateReportSpecification {
  reportType: string;
  marketplaceIds: string[];
}

export interface CreateReportResponse {
  reportId: string;
}

export interface Report {
  reportId: string;
  reportType: string;
  marketplaceIds?: string[];
  createdTime: string;
  processingStatus: ProcessingStatus;
  processingStartTime?: string;
  processingEndTime?: string;
  reportDocumentId?: string;
}

export interface ReportDocument {
  reportDocumentId: string;
  url: string;
}

export const MERCHANT_LISTINGS_REPORT = 'GET_MERCHANT_LISTINGS_ALL_DATA';
export const LISTINGS_FEED_TYPE = 'JSON_LISTINGS_FEED';

/** Columns of the merchant listings report that urikiri reads (the file has more). */
export const MERCHANT_LISTINGS_COLUMNS = [
  'item-name',
  'listing-id',
  'seller-sku',
  'price',
  'quantity',
  'open-date',
  'product-id-type',
  'product-id',
  'asin1',
  'fulfillment-channel',
  'status',
] as const;

// Orders 2026-01-01 (searchOrders)

export type FulfillmentStatus =
  | 'PENDING_AVAILABILITY'
  | 'PENDING'
  | 'UNSHIPPED'
  | 'PARTIALLY_SHIPPED'
  | 'SHIPPED'
  | 'CANCELLED'
  | 'UNFULFILLABLE';

export interface OrderItem2026 {
  orderItemId: string;
  quantityOrdered: number;
  product: { asin?: string; title?: string; sellerSku?: string };
  fulfillment?: { quantityFulfilled?: number; quantityUnfulfilled?: number };
  cancellation?: {
    cancellationExecution?: { cancelledBy?: string; cancelReason?: string };
  };
}

export interface Order2026 {
  orderId: string;
  createdTime: string;
  lastUpdatedTime: string;
  salesChannel: {
    channelName: string;
    marketplaceId?: string;
    marketplaceName?: string;
  };
  fulfillment?: {
    fulfillmentStatus: FulfillmentStatus;
    fulfilledBy?: 'AMAZON' | 'MERCHANT';
  };
  orderItems: OrderItem2026[];
}

export interface SearchOrdersResponse {
  orders: Order2026[];
  pagination?: { nextToken?: string };
  lastUpdatedBefore?: string;
  createdBefore?: string;
}

// Orders v0

export type OrderStatusV0 =
  | 'Pending'
  | 'Unshipped'
  | 'PartiallyShipped'
  | 'Shipped'
  | 'Canceled'
  | 'Unfulfillable'
  | 'InvoiceUnconfirmed'
  | 'PendingAvailability';

export interface OrderV0 {
  AmazonOrderId: string;
  PurchaseDate: string;
  LastUpdateDate: string;
  OrderStatus: OrderStatusV0;
  FulfillmentChannel?: 'MFN' | 'AFN';
  MarketplaceId?: string;
  NumberOfItemsShipped?: number;
  NumberOfItemsUnshipped?: number;
}

export interface GetOrdersResponse {
  payload?: {
    Orders: OrderV0[];
    NextToken?: string;
    LastUpdatedBefore?: string;
    CreatedBefore?: string;
  };
  errors?: AmazonError[];
}

export interface OrderItemV0 {
  ASIN: string;
  SellerSKU?: string;
  OrderItemId: string;
  Title?: string;
  QuantityOrdered: number;
  QuantityShipped?: number;
}

export interface GetOrderItemsResponse {
  payload?: {
    AmazonOrderId: string;
    OrderItems: OrderItemV0[];
    NextToken?: string;
  };
  errors?: AmazonError[];
}

// FBA Inventory v1

export interface InventorySummary {
  asin?: string;
  fnSku?: string;
  sellerSku?: string;
  condition?: string;
  inventoryDetails?: {
    fulfillableQuantity?: number;
    inboundWorkingQuantity?: number;
    inboundShippedQuantity?: number;
    inboundReceivingQuantity?: number;
    reservedQuantity?: { totalReservedQuantity?: number };
  };
  lastUpdatedTime?: string;
  productName?: string;
  totalQuantity?: number;
}

export interface GetInventorySummariesResponse {
  payload?: {
    granularity: { granularityType?: string; granularityId?: string };
    inventorySummaries: InventorySummary[];
  };
  pagination?: { nextToken?: string };
  errors?: AmazonError[];
}

// Notifications, as delivered to an SQS queue or an EventBridge bus

export interface NotificationMetadata {
  ApplicationId: string;
  SubscriptionId: string;
  PublishTime: string;
  NotificationId: string;
}

export interface OrderChangeNotificationItem {
  OrderItemId: string;
  SellerSKU: string;
  SupplySourceId: string | null;
  OrderItemStatus?: 'Unshipped' | 'Shipped';
  Quantity: number;
  QuantityShipped?: number;
}

export interface OrderChangeNotification {
  NotificationVersion: string;
  NotificationType: 'ORDER_CHANGE';
  PayloadVersion: string;
  EventTime: string;
  Payload: {
    OrderChangeNotification: {
      NotificationLevel: 'OrderItemLevel' | 'OrderLevel';
      SellerId: string;
      AmazonOrderId: string;
      OrderChangeType:
        | 'BuyerRequestedChange'
        | 'DeliveryTipChange'
        | 'OrderStatusChange';
      OrderChangeTrigger: {
        TimeOfOrderChange: string | null;
        ChangeReason: string;
      };
      Summary: {
        MarketplaceId: string;
        OrderStatus: OrderStatusV0;
        PurchaseDate: string | null;
        DestinationPostalCode: string | null;
        FulfillmentType: 'AFN' | 'MFN';
        OrderType:
          | 'StandardOrder'
          | 'LongLeadTimeOrder'
          | 'Preorder'
          | 'BackOrder'
          | 'SourcingOnDemandOrder';
        NumberOfItemsShipped?: number;
        NumberOfItemsUnshipped?: number;
        OrderItems: OrderChangeNotificationItem[];
      };
    };
  };
  NotificationMetadata: NotificationMetadata;
}

export interface MfnQuantityChangeNotification {
  NotificationVersion: string;
  NotificationType: 'LISTINGS_ITEM_MFN_QUANTITY_CHANGE';
  PayloadVersion: string;
  EventTime: string;
  Payload: {
    SellerId: string;
    FulfillmentChannelCode: string;
    Sku: string;
    Quantity: number;
  };
  NotificationMetadata: NotificationMetadata;
}

export type AmazonNotification =
  | OrderChangeNotification
  | MfnQuantityChangeNotification;

/** An EventBridge event whose detail is the notification (SQS delivers the notification itself). */
export interface EventBridgeEnvelope {
  version: string;
  id: string;
  'detail-type': string;
  source: string;
  time: string;
  detail: AmazonNotification;
}

/**
 * Header the notification relay (the small function that reads the SQS queue or receives the
 * EventBridge rule's target) puts on each forwarded body: base64 HMAC-SHA256 of the raw bytes.
 */
export const AMAZON_RELAY_SIGNATURE_HEADER = 'x-urikiri-signature';
