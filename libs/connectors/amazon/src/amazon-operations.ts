/**
 * The SP-API operations this connector and its sandbox use, each with the usage plan Amazon
 * documents for it (token bucket: requests per second and burst). Amazon throttles per operation, not
 * per API, so one slow operation (createFeed: one call every two minutes) must not hold back another.
 */
export const AMAZON_OPERATIONS = {
  patchListingsItem: { ratePerSecond: 5, burst: 5 },
  getListingsItem: { ratePerSecond: 5, burst: 10 },
  searchListingsItems: { ratePerSecond: 5, burst: 5 },
  createFeedDocument: { ratePerSecond: 0.5, burst: 15 },
  createFeed: { ratePerSecond: 0.0083, burst: 15 },
  getFeed: { ratePerSecond: 2, burst: 15 },
  getFeedDocument: { ratePerSecond: 0.0222, burst: 10 },
  createReport: { ratePerSecond: 0.0167, burst: 15 },
  getReport: { ratePerSecond: 2, burst: 15 },
  getReportDocument: { ratePerSecond: 0.0167, burst: 15 },
  searchOrders: { ratePerSecond: 0.0056, burst: 20 },
  getOrders: { ratePerSecond: 0.0167, burst: 20 },
  getOrderItems: { ratePerSecond: 0.5, burst: 30 },
  getInventorySummaries: { ratePerSecond: 2, burst: 2 },
} as const satisfies Record<string, AmazonUsagePlan>;

export interface AmazonUsagePlan {
  ratePerSecond: number;
  burst: number;
}

export type AmazonOperation = keyof typeof AMAZON_OPERATIONS;

export const AMAZON_OPERATION_NAMES = Object.keys(
  AMAZON_OPERATIONS,
) as AmazonOperation[];

/** Amazon Japan; the marketplace an account uses unless its settings say otherwise. */
export const JAPAN_MARKETPLACE_ID = 'A1VC38T7YXB528';

/** The fulfillment channel code of merchant-fulfilled (MFN) stock, the only stock urikiri writes. */
export const MERCHANT_CHANNEL_CODE = 'DEFAULT';
