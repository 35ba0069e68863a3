import type { DemoChannelId } from '../demo/demo-channel-ids';

/**
 * The operation names each channel's sandbox counts calls under (faults, limits, request log): every
 * call the service makes to that channel, from its token to its pushes. Amazon's push and read are the
 * listings PATCH and GET; its feeds, reports and documents carry their own SP-API names.
 */
export const CHANNEL_OPERATIONS: Record<DemoChannelId, readonly string[]> = {
  amazon: [
    'lwaToken', 'push', 'read', 'searchListingsItems', 'searchOrders', 'getOrders', 'getOrderItems', 'getInventorySummaries',
    'createFeedDocument', 'createFeed', 'getFeed', 'getFeedDocument', 'uploadDocument', 'downloadDocument',
    'createReport', 'getReport', 'getReportDocument',
  ],
  rakuten: ['push', 'read', 'catalogue', 'orders'],
  shopify: ['push', 'read', 'catalogue', 'orders'],
  yahoo: ['auth', 'push', 'read', 'catalogue', 'orders', 'order-info'],
};
