/**
 * The version of the connector contract this SDK implements. A connector's manifest declares the
 * range it was built for (`sdkRange`); the registry refuses to start when this version is outside it.
 * Raise the major version whenever a change would break a connector written for the previous one,
 * the minor one when the contract gains something optional (1.1: webhook events resolved after the
 * answer, `resolveWebhookEvents` and `deliveryEvents`).
 */
export const SDK_VERSION = '1.1.0';
