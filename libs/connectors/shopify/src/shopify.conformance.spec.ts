import { runConnectorConformance } from '@urikiri/connector-sdk/testing';
import { createShopifySandbox } from './sandbox/shopify.sandbox';
import { ShopifyConnector } from './shopify.connector';

runConnectorConformance({
  connector: ShopifyConnector,
  sandbox: () => createShopifySandbox({ seed: 7 }),
});
