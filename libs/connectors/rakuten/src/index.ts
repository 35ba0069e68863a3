import type { ConnectorPackageExports } from '@urikiri/connector-sdk';
import { RakutenConnector } from './rakuten.connector';

export { RakutenConnector } from './rakuten.connector';
export { rakutenManifest } from './rakuten.manifest';
export { rakutenCredentials, esaAuthorization, type RakutenCredentials } from './rakuten.credentials';
export { RAKUTEN_API_LIMITS } from './rakuten-api.limits';
export {
  RakutenListingIdError,
  formatRakutenListingId,
  listingIdProblem,
  parseRakutenListingId,
  type RakutenListingRef,
} from './rakuten-listing-id.codec';

/** What the connector registry reads when this package is configured. */
export const connectors: ConnectorPackageExports['connectors'] = [RakutenConnector];
