import type { ConnectorPackageExports } from '@urikiri/connector-sdk';
import { ShopifyConnector } from './shopify.connector';

export { ShopifyConnector } from './shopify.connector';
export { shopifyManifest } from './shopify.manifest';
export {
  shopifyCredentials,
  type ShopifyCredentials,
} from './shopify.credentials';

/** What the connector registry reads when this package is configured. */
export const connectors: ConnectorPackageExports['connectors'] = [
  ShopifyConnector,
];
