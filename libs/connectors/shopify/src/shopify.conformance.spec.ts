import { runConnectorConformance } from '@urikiri/connector-sdk/testing';
import { createShopifySandbox } from './sandbox/shopify.sandbox';
import { ShopifyConnector } from './shopify.connector';

// A Plus shop's bucket: the suite is about behaviour, and its order paging re-reads many orders.
// Throttling on a Standard shop has its own tests (shopify-throttling.spec.ts).
runConnectorConformance({
  connector: ShopifyConnector,
  sandbox: () => createShopifySandbox({ seed: 7, plan: 'plus' }),
  listingId: (i) => `${44_000_000_000 + i}@71000000001`,
});
