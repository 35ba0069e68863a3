import type { ConnectorPackageExports } from '@urikiri/connector-sdk';
import { AmazonConnector } from './amazon.connector';

export {
  AmazonConnector,
  type AmazonConnectorContext,
  type FbaStock,
} from './amazon.connector';
export { amazonManifest } from './amazon.manifest';
export {
  amazonCredentials,
  LWA_TOKEN_URL,
  type AmazonCredentials,
} from './amazon.credentials';
export {
  amazonSettings,
  type AmazonSettings,
  type AmazonSettingsInput,
} from './amazon.settings';
export {
  AMAZON_OPERATIONS,
  JAPAN_MARKETPLACE_ID,
  type AmazonOperation,
  type AmazonUsagePlan,
} from './amazon-operations';

/** What the connector registry reads when this package is configured. */
export const connectors: ConnectorPackageExports['connectors'] = [
  AmazonConnector,
];
