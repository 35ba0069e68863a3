import type { Request } from 'express';
import { QUEUES_BOARD_PATH } from './queues-board';

/**
 * Where the board's admin key can come from. Browsers cannot send a bearer header when navigating,
 * so the key may come once as `?key=`, which is then kept in an HttpOnly cookie that only /queues
 * receives (SameSite=Strict: no other site can make the browser send it).
 */
export type KeySource = 'header' | 'query' | 'cookie';

export const BOARD_COOKIE = 'urikiri_queues_key';
const KEY_PARAM = 'key';
const BEARER = /^Bearer\s+(\S+)\s*$/i;

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator !== -1 && pair.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(pair.slice(separator + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The key the request presents, header first, then the one-time query parameter, then the cookie. */
export function presentedKey(request: Request): { key: string; source: KeySource } | null {
  const bearer = BEARER.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) return { key: bearer, source: 'header' };
  const query = new URL(request.originalUrl, 'http://board').searchParams.get(KEY_PARAM);
  if (query) return { key: query, source: 'query' };
  const cookie = cookieValue(request.headers.cookie, BOARD_COOKIE);
  return cookie ? { key: cookie, source: 'cookie' } : null;
}

/** The same address without the key, so it leaves the address bar and the browser's history. */
export function withoutKey(originalUrl: string): string {
  const url = new URL(originalUrl, 'http://board');
  url.searchParams.delete(KEY_PARAM);
  return `${url.pathname}${url.search}`;
}

/** Set-Cookie for the key: for this browser session, never readable by scripts, sent only to /queues. */
export function keyCookie(key: string, secure: boolean): string {
  return `${BOARD_COOKIE}=${encodeURIComponent(key)}; Path=${QUEUES_BOARD_PATH}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** Set-Cookie that forgets a key which no longer works (revoked, or no longer admin). */
export function expiredKeyCookie(): string {
  return `${BOARD_COOKIE}=; Path=${QUEUES_BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=0`;
}
