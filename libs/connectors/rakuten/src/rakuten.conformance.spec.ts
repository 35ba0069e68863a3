import { runConnectorConformance } from '@urikiri/connector-sdk/testing';
import { createRakutenSandbox } from './sandbox/rakuten.sandbox';
import { RakutenConnector } from './rakuten.connector';

// Rakuten listing ids are manageNumber:variantId.
runConnectorConformance({
  connector: RakutenConnector,
  sandbox: () => createRakutenSandbox({ seed: 7 }),
  listingId: (i) => `conf-${String(i).padStart(4, '0')}:sku-${i}`,
});
