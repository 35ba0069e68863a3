import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where `npm start` keeps the admin key it configures this installation with (owner-only, never printed). */
export const LOCAL_ADMIN_KEY_FILE = 'data/local-admin.key';
const KEY_NAME = 'npm start (demo and channels file)';
const API_KEY = /^uk_[A-Za-z0-9_-]{32,}$/;

export interface LocalAdminKeyOptions {
  /** The workspace root: the key file and tools/scripts/key.js are found from it. */
  root: string;
  /** The running service's root URL, used to check that a stored key still works. */
  serviceUrl: string;
  /** Environment of the key command: the same DATABASE_URL as the service. */
  env?: NodeJS.ProcessEnv;
  /** Where the key is kept; LOCAL_ADMIN_KEY_FILE under `root` unless given. */
  file?: string;
}

export interface LocalAdminKey {
  key: string;
  /** True when this call made it (the file was missing, or its key no longer works). */
  created: boolean;
  file: string;
}

/**
 * The admin key `npm start` needs on every start to seed the demo or apply the channels file. The
 * first-start key is shown to the operator once and not kept anywhere, so the start script keeps a
 * key of its own: made with the key command (which writes to the database directly, so it works
 * before anyone has a key), stored with owner-only permissions next to the database it opens, and
 * made again when the stored one stops working (revoked, or the database was replaced).
 */
export async function ensureLocalAdminKey(options: LocalAdminKeyOptions): Promise<LocalAdminKey> {
  const file = options.file ?? join(options.root, LOCAL_ADMIN_KEY_FILE);
  const stored = readKeyFile(file);
  if (stored && (await isAdminKey(options.serviceUrl, stored))) return { key: stored, created: false, file };
  const key = await createAdminKey(options.root, options.env ?? process.env);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  // The mode above applies only to a new file; an older file keeps its mode unless told.
  chmodSync(file, 0o600);
  return { key, created: true, file };
}

function readKeyFile(file: string): string | null {
  if (!existsSync(file)) return null;
  // Someone loosened the permissions: tighten them again rather than use a key others could read.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const key = readFileSync(file, 'utf8').trim();
  return API_KEY.test(key) ? key : null;
}

async function isAdminKey(serviceUrl: string, key: string): Promise<boolean> {
  // Listing API keys needs the admin scope, so a 200 proves the key is known, unrevoked and admin.
  const response = await fetch(`${serviceUrl}/api/v1/api-keys`, { headers: { authorization: `Bearer ${key}` } });
  await response.arrayBuffer();
  if (response.status === 401 || response.status === 403) return false;
  if (!response.ok) throw new Error(`GET /api/v1/api-keys answered ${response.status} while checking ${LOCAL_ADMIN_KEY_FILE}`);
  return true;
}

/** Runs the key command without blocking: the demo's sandboxes answer the service meanwhile. */
function createAdminKey(root: string, env: NodeJS.ProcessEnv): Promise<string> {
  const args = [join(root, 'tools/scripts/key.js'), 'create', '--scopes', 'admin', '--name', KEY_NAME];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: root, env, encoding: 'utf8' }, (error, stdout, stderr) => {
      const key = stdout
        .split('\n')
        .map((line) => line.trim())
        .find((line) => API_KEY.test(line));
      if (error || !key) {
        reject(new Error(`node tools/scripts/key.js create --scopes admin failed (${error?.message ?? 'no key in its output'}): ${stderr.trim() || stdout.trim()}`));
        return;
      }
      resolve(key);
    });
  });
}
