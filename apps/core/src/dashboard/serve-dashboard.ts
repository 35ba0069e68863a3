import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { dashboardFilesDir } from './dashboard-files';

export const DASHBOARD_PATH = '/dashboard';

// Only the dashboard's own files run: no inline scripts, no other origin. The simulation report
// (same origin, its own stricter policy) may be framed.
const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the dashboard at /dashboard, outside /api/v1 and outside the API key guard: its files are
 * public (they hold no data); everything it shows comes from the API with the session cookie.
 */
export function serveDashboard(app: NestExpressApplication): void {
  const dir = dashboardFilesDir();
  if (!dir) {
    new Logger('Dashboard').warn(`The dashboard's files were not found, so ${DASHBOARD_PATH} is not served`);
    return;
  }
  app.useStaticAssets(dir, {
    prefix: DASHBOARD_PATH,
    index: 'index.html',
    setHeaders: (response) => {
      // Small files, changed with each release: always revalidated (ETag), never served stale.
      response.setHeader('Cache-Control', 'no-cache');
      response.setHeader('Content-Security-Policy', DASHBOARD_CSP);
      response.setHeader('X-Content-Type-Options', 'nosniff');
      response.setHeader('Referrer-Policy', 'no-referrer');
    },
  });
}
