import { runConnectorConformance } from '@urikiri/connector-sdk/testing';
import { createRakutenSandbox } from './sandbox/rakuten.sandbox';
import { RakutenConnector } from './rakuten.connector';

runConnectorConformance({
  connector: RakutenConnector,
  sandbox: () => createRakutenSandbox({ seed: 7 }),
});
