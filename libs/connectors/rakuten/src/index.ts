import type { ConnectorPackageExports } from '@urikiri/connector-sdk';
import { RakutenConnector } from './rakuten.connector';

export { RakutenConnector } from './rakuten.connector';
export { rakutenManifest } from './rakuten.manifest';
export {
  rakutenCredentials,
  type RakutenCredentials,
} from './rakuten.credentials';

/** What the connector registry reads when this package is configured. */
export const connectors: ConnectorPackageExports['connectors'] = [
  RakutenConnector,
];
