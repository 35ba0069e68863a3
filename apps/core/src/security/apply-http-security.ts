import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../config/app-config';
import { QUEUES_BOARD_PATH } from '../observability/queues-board';
import { DOCS_PATH } from '../openapi/openapi.setup';
import { corsOptions } from './cors-options';
import { BOARD_CSP, DOCS_CSP, securityHeaders } from './security-headers';

/**
 * What the HTTP server itself must do before any route: say nothing about what it runs on, believe
 * forwarding headers only from the proxies configured, put the security headers on every answer,
 * and open CORS only to the origins an operator named. Called before the body parsers, so their
 * refusals carry the same headers.
 */
export function applyHttpSecurity(app: NestExpressApplication, config: AppConfig): void {
  app.disable('x-powered-by');
  app.set('trust proxy', config.security.trustProxyHops);
  const pages = [
    { path: DOCS_PATH, csp: DOCS_CSP },
    { path: QUEUES_BOARD_PATH, csp: BOARD_CSP },
  ];
  app.use(securityHeaders({ pages, hstsMaxAgeSeconds: config.security.hstsMaxAgeSeconds }));
  if (config.security.corsOrigins.length > 0) app.enableCors(corsOptions(config.security.corsOrigins));
}
