/**
 * The version of the connector contract this SDK implements. A connector's manifest declares the
 * range it was built for (`sdkRange`); the registry refuses to start when this version is outside it.
 * Raise the major version whenever a change would break a connector written for the previous one,
 * the minor one when the contract gains something optional (1.1: webhook events resolved after the
 * answer, `resolveWebhookEvents` and `deliveryEvents`; 1.2: `OrderEvent.restocked` on cancellations
 * and `PushRetryable.retryAfterMs`, both optional, so a connector built for 1.0 or 1.1 still fits;
 * 1.3: the `returned` order line status, sent only by connectors whose channel reports returns, which
 * then declare `^1.3.0`; 1.4: `OrderPage.complete`, optional).
 */
export const SDK_VERSION = '1.4.0';
