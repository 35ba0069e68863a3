import type { ConnectorPackageExports } from '@urikiri/connector-sdk';
import { TestshopConnector } from './testshop.connector';

export { TestshopConnector } from './testshop.connector';
export { testshopManifest } from './testshop.manifest';
export {
  testshopCredentials,
  type TestshopCredentials,
} from './testshop.credentials';

/** What the connector registry reads when this package is configured. */
export const connectors: ConnectorPackageExports['connectors'] = [
  TestshopConnector,
];
