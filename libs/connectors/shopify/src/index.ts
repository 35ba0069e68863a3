import type { ConnectorPackageExports } from '@urikiri/connector-sdk';
import { ShopifyConnector } from './shopify.connector';

export { ShopifyConnector, type ShopifyLevelQuantities } from './shopify.connector';
export { shopifyManifest } from './shopify.manifest';
export { shopifyCredentials, type ShopifyCredentials } from './shopify.credentials';
export { LISTING_ID_FORMAT, parseListingId, type ShopifyListingRef } from './shopify-listing-id';
export { SHOPIFY_API_VERSION, SHOPIFY_ORDER_TOPICS, SHOPIFY_WEBHOOK_HEADERS } from './shopify-api.constants';
export {
  ShopifyWebhookInbox,
  type ResolvedDelivery,
  type ShopifyWebhookInboxOptions,
  type WebhookAnswer,
} from './shopify-webhook.inbox';

/** What the connector registry reads when this package is configured. */
export const connectors: ConnectorPackageExports['connectors'] = [ShopifyConnector];
