import type { Request } from 'express';

/**
 * The dashboard's session cookie. HttpOnly so no script (an injected one included) can read it,
 * SameSite=Strict so no other site can make the browser send it, and sent only to the API the
 * dashboard calls (/api/v1): the dashboard's own pages and assets are public and need no session.
 */
export const SESSION_COOKIE = 'urikiri_session';
export const SESSION_COOKIE_PATH = '/api/v1';
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

/** The session token the request carries, if any. */
export function sessionTokenFrom(request: Pick<Request, 'headers'>): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1 || pair.slice(0, separator).trim() !== SESSION_COOKIE) continue;
    const value = pair.slice(separator + 1).trim();
    return value.length > 0 ? value : undefined;
  }
  return undefined;
}

/** Set-Cookie for a new session; Secure whenever the request came over TLS. */
export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=${SESSION_COOKIE_PATH}; Max-Age=${SESSION_TTL_SECONDS}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** Set-Cookie that makes the browser forget the session. */
export function expiredSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=${SESSION_COOKIE_PATH}; Max-Age=0; HttpOnly; SameSite=Strict`;
}
