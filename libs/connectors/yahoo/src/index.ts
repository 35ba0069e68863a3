import type { ConnectorPackageExports } from '@urikiri/connector-sdk';
import { YahooConnector } from './yahoo.connector';

export { YahooConnector } from './yahoo.connector';
export { yahooManifest } from './yahoo.manifest';
export { yahooCredentials, type YahooCredentials } from './yahoo.credentials';

/** What the connector registry reads when this package is configured. */
export const connectors: ConnectorPackageExports['connectors'] = [
  YahooConnector,
];
