import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The folder apps/core/webpack.config.js copies the dashboard's files to, beside main.js. */
export const DASHBOARD_BUNDLE_DIR = 'dashboard';

/**
 * Where the dashboard's static files are, or undefined if they are missing. Built, this module is
 * part of dist/apps/core/main.js (webpack leaves __dirname alone for node) and the files lie beside
 * it; from the TypeScript sources (jest, or `npm start` running the sources) they are served straight
 * from apps/dashboard/src, which needs no build: plain ES modules and CSS.
 */
export function dashboardFilesDir(): string | undefined {
  const dir = __filename.endsWith('.ts') ? resolve(__dirname, '../../../dashboard/src') : join(__dirname, DASHBOARD_BUNDLE_DIR);
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}
