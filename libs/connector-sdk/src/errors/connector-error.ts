/**
 * What the caller should do about a failure. Every connector maps its channel's errors onto these
 * kinds, so the push queue and the order poller treat all channels alike.
 * - `retryable`: transient (network, timeout, 5xx, maintenance); try again later.
 * - `rate-limited`: the channel asked us to slow down; wait `retryAfterMs` before the next call.
 * - `permanent`: the request itself is wrong (unknown listing, invalid quantity); retrying cannot help.
 * - `auth`: credentials were refused even after one refresh; a person must fix the account.
 * - `stale`: a compare-and-set was refused because the channel changed (usually a sale we have not
 *   ingested); ingest the channel's orders, recompute, then push again. Never re-assert the old target.
 */
export const ERROR_KINDS = ['retryable', 'rate-limited', 'permanent', 'auth', 'stale'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ConnectorErrorOptions {
  retryAfterMs?: number;
  /** The channel's own error code, kept for people reading logs (e.g. `IE0004`, `st-02101`). */
  code?: string;
  httpStatus?: number;
  cause?: unknown;
}

export class ConnectorError extends Error {
  readonly kind: ErrorKind;
  readonly retryAfterMs?: number;
  readonly code?: string;
  readonly httpStatus?: number;

  constructor(kind: ErrorKind, message: string, options: ConnectorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConnectorError';
    this.kind = kind;
    this.retryAfterMs = options.retryAfterMs;
    this.code = options.code;
    this.httpStatus = options.httpStatus;
  }
}

/** A webhook whose signature does not match its body: answer 401 and ingest nothing from it. */
export class WebhookRejectedError extends ConnectorError {
  constructor(message: string) {
    super('permanent', message);
    this.name = 'WebhookRejectedError';
  }
}
