import { runConnectorConformance } from '@urikiri/connector-sdk/testing';
import { createAmazonSandbox } from './sandbox/amazon.sandbox';
import { AmazonConnector } from './amazon.connector';

runConnectorConformance({
  connector: AmazonConnector,
  sandbox: () => createAmazonSandbox({ seed: 7 }),
});
