import type { ConnectorPackageExports } from '@urikiri/connector-sdk';
import { AmazonConnector } from './amazon.connector';

export { AmazonConnector } from './amazon.connector';
export { amazonManifest } from './amazon.manifest';
export {
  amazonCredentials,
  type AmazonCredentials,
} from './amazon.credentials';

/** What the connector registry reads when this package is configured. */
export const connectors: ConnectorPackageExports['connectors'] = [
  AmazonConnector,
];
