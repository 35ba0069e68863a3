import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const GENERATED_KEY_PATH = 'data/credentials.key';

/**
 * The secret that encrypts channel credentials: CREDENTIALS_KEY when set, otherwise a key generated
 * once into ./data (owner-only), so a single-machine install works without setup and keeps its
 * credentials readable across restarts.
 */
export function credentialsKey(configured: string | undefined, cwd = process.cwd()): string {
  if (configured) return configured;
  const path = resolve(cwd, GENERATED_KEY_PATH);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
