import { isAxiosError } from 'axios';
import { parseRetryAfter } from '../http/retry-after';
import { ConnectorError, type ErrorKind } from './connector-error';

export interface ErrorClassification {
  kind: ErrorKind;
  message: string;
  retryAfterMs?: number;
  httpStatus?: number;
  code?: string;
}

/** Used when a channel says 429 without a readable Retry-After: long enough not to be blocked. */
export const DEFAULT_RETRY_AFTER_MS = 1000;

const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNABORTED',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ERR_NETWORK',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

function headerValue(headers: unknown, name: string): string | undefined {
  if (headers === null || typeof headers !== 'object') {
    return undefined;
  }
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function kindForStatus(status: number): ErrorKind {
  if (status === 429) {
    return 'rate-limited';
  }
  if (status === 401 || status === 403) {
    return 'auth';
  }
  if (status === 408 || status === 425 || status >= 500) {
    return 'retryable';
  }
  return 'permanent';
}

/**
 * How long the channel asked us to wait. A 429 always gets a wait (the default when Retry-After is
 * missing or unreadable: no wait would hammer it). A transient failure (503 in maintenance or
 * overload, any 5xx, 408, 425) gets one only when the channel sent Retry-After; otherwise the
 * caller's own backoff decides.
 */
function retryAfterOf(kind: ErrorKind, headers: unknown, now: number): number | undefined {
  if (kind !== 'rate-limited' && kind !== 'retryable') {
    return undefined;
  }
  const said = parseRetryAfter(headerValue(headers, 'retry-after'), now);
  if (said !== null) {
    return said;
  }
  return kind === 'rate-limited' ? DEFAULT_RETRY_AFTER_MS : undefined;
}

/**
 * One reading of any failure for every connector: a ConnectorError keeps the kind its connector
 * chose; an HTTP answer is judged by its status (429 → rate-limited with Retry-After, 401/403 → auth,
 * 408/425/5xx → retryable, with Retry-After when sent, other 4xx → permanent); network failures and
 * timeouts are retryable, a request that could not be built is permanent.
 * Anything else is a programming error, and retrying a programming error only repeats it.
 */
export function classify(error: unknown, now: number = Date.now()): ErrorClassification {
  if (error instanceof ConnectorError) {
    return {
      kind: error.kind,
      message: error.message,
      retryAfterMs: error.retryAfterMs,
      httpStatus: error.httpStatus,
      code: error.code,
    };
  }
  if (isAxiosError(error)) {
    const status = error.response?.status;
    if (status !== undefined) {
      const kind = kindForStatus(status);
      return {
        kind,
        message: `HTTP ${status} from ${error.config?.url ?? 'the channel'}`,
        retryAfterMs: retryAfterOf(kind, error.response?.headers, now),
        httpStatus: status,
      };
    }
    if (error.code !== undefined && RETRYABLE_NETWORK_CODES.has(error.code)) {
      return { kind: 'retryable', message: `${error.code}: ${error.message}`, code: error.code };
    }
    // No answer and no network trouble: the request could not even be built (bad URL, bad option).
    return { kind: 'permanent', message: error.message, code: error.code };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'permanent', message };
}

/** The same reading as a ConnectorError, for code paths that rethrow. */
export function toConnectorError(error: unknown, now: number = Date.now()): ConnectorError {
  if (error instanceof ConnectorError) {
    return error;
  }
  const c = classify(error, now);
  return new ConnectorError(c.kind, c.message, {
    retryAfterMs: c.retryAfterMs,
    httpStatus: c.httpStatus,
    code: c.code,
    cause: error,
  });
}
