import { classify, DEFAULT_RETRY_AFTER_MS } from '../errors/classify-error';
import type { PushItem, PushResult } from './connector.types';

/** The per-item result for an item whose call failed as a whole (timeout, 429, 5xx, auth...). */
export function pushResultFromError(item: PushItem, error: unknown): PushResult {
  const c = classify(error);
  const base = { listingId: item.listingId, version: item.version };
  switch (c.kind) {
    case 'rate-limited':
      return { ...base, status: 'rate-limited', retryAfterMs: c.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS, message: c.message };
    case 'permanent':
      return { ...base, status: 'permanent', message: c.message, code: c.code ?? null };
    case 'auth':
      return { ...base, status: 'auth', message: c.message };
    case 'stale':
      return { ...base, status: 'stale', message: c.message, channelQuantity: null };
    case 'retryable':
      // A channel in maintenance often says when it is back; without it the caller backs off alone.
      return c.retryAfterMs === undefined
        ? { ...base, status: 'retryable', message: c.message }
        : { ...base, status: 'retryable', message: c.message, retryAfterMs: c.retryAfterMs };
  }
}
