// @ts-check
import { messageOf } from './api.js';
import { h } from './dom.js';

/** @typedef {import('./dom.js').Child} Child */

/**
 * @param {Child[]} headers
 * @param {HTMLTableRowElement[]} rows
 * @param {string} [empty] shown instead of the table when there are no rows
 * @param {Record<string, string>} [attributes]
 */
export function table(headers, rows, empty, attributes = {}) {
  if (rows.length === 0 && empty) return h('p', { class: 'empty' }, empty);
  return h('table', attributes, h('thead', {}, h('tr', {}, headers.map((title) => h('th', {}, title)))), h('tbody', {}, rows));
}

/**
 * @param {string} text
 * @param {'ok' | 'warn' | 'bad' | 'info'} kind
 */
export function badge(text, kind) {
  return h('span', { class: `badge ${kind}` }, text);
}

/** @param {unknown} error */
export function errorBox(error) {
  return h('pre', { class: 'error', role: 'alert' }, messageOf(error));
}

/**
 * A trace of the rule engine, one step per line.
 * @param {readonly string[]} steps
 */
export function trace(steps) {
  return steps.length === 0 ? h('span', { class: 'muted' }, '—') : h('ol', { class: 'trace' }, steps.map((step) => h('li', {}, step)));
}

/**
 * A section with a heading.
 * @param {string} title
 * @param {...(Child | Child[])} children
 */
export function section(title, ...children) {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}
