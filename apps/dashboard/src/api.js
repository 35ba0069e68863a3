// @ts-check
/** Calls to /api/v1 with the session cookie (same origin); errors keep the API's one error shape. */

/** @typedef {import('../types/api').ErrorBody} ErrorBody */

export const API = '/api/v1';

export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {ErrorBody} body
   */
  constructor(status, body) {
    super(body.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** Fired when the session ends (401), so the page can ask to sign in again. */
export const SIGNED_OUT = 'urikiri:signed-out';

/**
 * @template T
 * @param {string} method
 * @param {string} path  below /api/v1
 * @param {{ json?: unknown, text?: string, contentType?: string }} [body]
 * @returns {Promise<T>}
 */
export async function call(method, path, body = {}) {
  /** @type {Record<string, string>} */
  const headers = { accept: 'application/json' };
  /** @type {string | undefined} */
  let payload;
  if (body.text !== undefined) {
    headers['content-type'] = body.contentType ?? 'text/plain';
    payload = body.text;
  } else if (body.json !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  }
  const response = await fetch(API + path, { method, headers, body: payload, credentials: 'same-origin' });
  const text = await response.text();
  const parsed = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    if (response.status === 401 && path !== '/session') window.dispatchEvent(new CustomEvent(SIGNED_OUT));
    throw new ApiError(response.status, typeof parsed === 'object' && parsed ? parsed : { statusCode: response.status, message: String(parsed) });
  }
  return /** @type {T} */ (parsed);
}

/**
 * GET that answers null for 404: for routes an installation may not have yet.
 * @template T
 * @param {string} path
 * @returns {Promise<T | null>}
 */
export async function getOptional(path) {
  try {
    return await call('GET', path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** @param {unknown} error */
export function messageOf(error) {
  if (error instanceof ApiError) {
    const issues = (error.body.issues ?? []).map((i) => `${i.path}${i.row ? ` (row ${i.row})` : ''}: ${i.message}`);
    return [error.body.message ?? `HTTP ${error.status}`, ...issues].join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}
