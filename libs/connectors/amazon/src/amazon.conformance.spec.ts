import { runConnectorConformance } from '@urikiri/connector-sdk/testing';
import { AmazonConnector } from './amazon.connector';
import { createAmazonSandbox } from './sandbox/amazon.sandbox';

// On Amazon the listing id is the seller SKU itself, so the suite's listings use SKU-shaped ids.
runConnectorConformance({
  connector: AmazonConnector,
  sandbox: () => createAmazonSandbox({ seed: 7 }),
  listingId: (index) => `SKU-${index}`,
});
