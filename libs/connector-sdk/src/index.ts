export { SDK_VERSION } from './sdk-version';

export * from './connector/connector.types';
export type { ChannelConnector, ConnectorClass, ConnectorContext } from './connector/channel-connector';
export { BaseConnector, DEFAULT_TIMEOUT_MS, type ConnectorDefinition } from './connector/base-connector';
export { CredentialsError, parseCredentials } from './connector/parse-credentials';
export { UncertainWriteJournal } from './connector/uncertain-write-journal';
export { deliveryEvents } from './connector/delivery-events';
export { pushResultFromError } from './connector/push-result-from-error';
export { validatePushItems } from './connector/validate-push-items';

export {
  AUTH_MODES,
  CONNECTOR_OPERATIONS,
  PUSH_SEMANTICS,
  connectorManifestJsonSchema,
  connectorManifestSchema,
  rateLimitSchema,
  type ConnectorManifest,
  type ConnectorManifestInput,
  type ConnectorOperation,
  type PushSemantics,
  type RateLimit,
} from './manifest/manifest.schema';
export { ManifestError, validateManifest } from './manifest/validate-manifest';

export { ConnectorError, ERROR_KINDS, WebhookRejectedError, type ErrorKind } from './errors/connector-error';
export { DEFAULT_RETRY_AFTER_MS, classify, toConnectorError, type ErrorClassification } from './errors/classify-error';

export { parseRetryAfter } from './http/retry-after';
export { headerValue } from './http/header-value';
export { TokenBucket, type Clock, type TokenBucketOptions } from './rate-limit/token-bucket';
export { LeakyBucket, type LeakyBucketOptions } from './rate-limit/leaky-bucket';
export { RequestGate, type Sleep } from './rate-limit/request-gate';
export { TokenRefresher, type AccessToken, type TokenRefresherOptions } from './auth/token-refresher';
export { signHmac, verifyHmacSignature, type HmacAlgorithm, type HmacOptions, type SignatureEncoding } from './security/hmac-signature';

export { satisfies, isValidRange, assertValidRange, parseVersion, SemverRangeError } from './registry/semver-range';
export { ConnectorRegistryError } from './registry/connector-registry-error';
export type { ConnectorPackageExports, LoadedConnector } from './registry/read-connector-package';
export {
  ConnectorRegistry,
  loadConnectorRegistry,
  type ChannelBinding,
  type ConnectorRegistryOptions,
} from './registry/connector-registry';
