import type { RateLimit } from '@urikiri/connector-sdk';

/**
 * What RMS itself allows, per urikiri operation. The sandbox enforces these; the manifest paces the
 * connector a fifth below them, so that network and event-loop delays rarely land two calls inside
 * one of Rakuten's windows. Inventory limits are the ones integrators report; the item and order API
 * limits could not be confirmed and are set to the inventory write rate to stay on the safe side.
 */
export const RAKUTEN_API_LIMITS = {
  push: { kind: 'token-bucket', ratePerSecond: 1, burst: 1 },
  read: { kind: 'token-bucket', ratePerSecond: 5, burst: 5 },
  catalogue: { kind: 'token-bucket', ratePerSecond: 1, burst: 1 },
  orders: { kind: 'token-bucket', ratePerSecond: 1, burst: 1 },
} as const satisfies Record<string, RateLimit>;

export const PACING_SHARE = 0.8;
