import { createHash, randomBytes } from 'node:crypto';

const KEY_PREFIX = 'uk_';
const VISIBLE_LENGTH = KEY_PREFIX.length + 8;

/** 32 random bytes: far beyond guessing, so a fast unsalted SHA-256 is a sound way to store it. */
export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function visiblePrefix(key: string): string {
  return key.slice(0, VISIBLE_LENGTH);
}
