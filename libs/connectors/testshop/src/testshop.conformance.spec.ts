import { runConnectorConformance } from '@urikiri/connector-sdk/testing';
import { createTestshopSandbox } from './sandbox/testshop.sandbox';
import { TestshopConnector } from './testshop.connector';

runConnectorConformance({
  connector: TestshopConnector,
  sandbox: () => createTestshopSandbox({ seed: 7 }),
});
