import type { NextFunction, Request, Response } from 'express';

/**
 * The API answers JSON and CSV: nothing in it may load, run, be framed or submit anywhere. Browsers
 * that open an answer directly (or are tricked into it) render it inert.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Swagger UI: its own scripts and styles (served beside the page), its inline <style> blocks, the
 * data: images its stylesheet embeds, and calls back to this service for the document and "try it out".
 */
export const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The queue board (bull-board): its own scripts, styles and fonts, its inline styles, calls back to
 * this service. Its stylesheet's web fonts from Google are not allowed: an admin page does not tell a
 * third party who opens it, and the board falls back to system fonts.
 */
export const BOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'none'";

export interface SecurityHeaderOptions {
  /** HTML pages under these paths get their own policy; everything else the API's. Pages that set one themselves (the dashboard) keep theirs. */
  pages: { path: string; csp: string }[];
  /** 0: no Strict-Transport-Security. */
  hstsMaxAgeSeconds: number;
}

/**
 * Headers every answer carries, set before any route runs, so errors (a body over the limit, an
 * unknown route) carry them too. A route may set a stricter or different CSP of its own afterwards.
 */
export function securityHeaders(options: SecurityHeaderOptions) {
  const pages = options.pages.map((page) => ({ path: `/${page.path.replace(/^\/+/, '')}`, csp: page.csp }));
  return (request: Request, response: Response, next: NextFunction): void => {
    const page = pages.find(({ path }) => request.path === path || request.path.startsWith(`${path}/`));
    response.setHeader('Content-Security-Policy', page?.csp ?? API_CSP);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    // For browsers that predate frame-ancestors.
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    // Browsers ignore it over plain HTTP anyway; sent only when the request came over HTTPS (RFC 6797).
    if (options.hstsMaxAgeSeconds > 0 && request.secure) {
      response.setHeader('Strict-Transport-Security', `max-age=${options.hstsMaxAgeSeconds}; includeSubDomains`);
    }
    next();
  };
}
