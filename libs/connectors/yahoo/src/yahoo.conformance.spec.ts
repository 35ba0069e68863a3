import { runConnectorConformance } from '@urikiri/connector-sdk/testing';
import { createYahooSandbox } from './sandbox/yahoo.sandbox';
import { YahooConnector } from './yahoo.connector';

runConnectorConformance({
  connector: YahooConnector,
  sandbox: () => createYahooSandbox({ seed: 7 }),
});
