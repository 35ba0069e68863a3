// @ts-check
import { MESSAGES } from './messages.js';

/** @typedef {keyof typeof MESSAGES} Lang */

const STORAGE_KEY = 'urikiri.lang';
/** @type {Lang} */
let current = 'ja';

/**
 * Japanese unless the operator chose English on this browser.
 * @param {Pick<Storage, 'getItem'> | undefined} storage
 */
export function loadLang(storage) {
  current = storage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja';
  return current;
}

/**
 * @param {Lang} next
 * @param {Pick<Storage, 'setItem'> | undefined} storage
 */
export function setLang(next, storage) {
  current = next;
  storage?.setItem(STORAGE_KEY, next);
}

/** @returns {Lang} */
export function lang() {
  return current;
}

/**
 * The message in the current language, `{name}` placeholders filled; the key itself if it is unknown,
 * so a missing message shows up as such instead of as an empty label.
 * @param {string} key
 * @param {Record<string, string | number>} [params]
 */
export function t(key, params = {}) {
  /** @type {Record<string, string>} */
  const messages = MESSAGES[current];
  const template = messages[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}
