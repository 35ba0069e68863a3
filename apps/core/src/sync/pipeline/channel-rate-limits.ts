import type { ConnectorManifest } from '@urikiri/connector-sdk';

/**
 * The BullMQ limiter of an account's push queue, from the connector's published push limit. The
 * limiter lives in Redis, so it holds across every worker process; one push job is one batch call.
 * Bursts are not used: the sustained rate is what a channel enforces over a sale.
 */
export function pushRateLimit(manifest: ConnectorManifest): { max: number; duration: number } {
  const callsPerSecond = sustainedCallsPerSecond(manifest, 'push');
  if (callsPerSecond >= 1) return { max: Math.floor(callsPerSecond), duration: 1000 };
  return { max: 1, duration: Math.ceil(1000 / callsPerSecond) };
}

/** Calls per second an operation may make over time, from the connector's published limit. */
export function sustainedCallsPerSecond(manifest: ConnectorManifest, operation: 'push' | 'read' | 'catalogue' | 'orders'): number {
  const limit = manifest.rateLimits[operation];
  return limit.kind === 'token-bucket' ? limit.ratePerSecond : limit.leakPerSecond / limit.costPerCall;
}

/**
 * How often an account's orders are polled: the configured interval, but never faster than the
 * channel lets its order search be called over time. Polling faster would only make jobs wait inside
 * the connector's rate gate, holding order workers every other account needs.
 */
export function orderPollIntervalMs(manifest: ConnectorManifest, configuredMs: number): number {
  return Math.max(configuredMs, Math.ceil(1000 / sustainedCallsPerSecond(manifest, 'orders')));
}
