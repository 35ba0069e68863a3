import type { ConnectorManifest } from '@urikiri/connector-sdk';

/**
 * The BullMQ limiter of an account's push queue, from the connector's published push limit. The
 * limiter lives in Redis, so it holds across every worker process; one push job is one batch call.
 * Bursts are not used: the sustained rate is what a channel enforces over a sale.
 */
export function pushRateLimit(manifest: ConnectorManifest): { max: number; duration: number } {
  const limit = manifest.rateLimits.push;
  const callsPerSecond = limit.kind === 'token-bucket' ? limit.ratePerSecond : limit.leakPerSecond / limit.costPerCall;
  if (callsPerSecond >= 1) return { max: Math.floor(callsPerSecond), duration: 1000 };
  return { max: 1, duration: Math.ceil(1000 / callsPerSecond) };
}
