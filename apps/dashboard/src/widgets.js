// @ts-check
import { messageOf } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

/** @typedef {import('./dom.js').Child} Child */
/** @typedef {import('../types/api').RiskView} RiskView */

/** @type {Record<RiskView['severity'], 'bad' | 'warn' | 'info'>} */
const RISK_BADGES = { high: 'bad', warning: 'warn', info: 'info' };

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
 * Risks of the rule engine's assessment, each with its severity and the server's wording of it.
 * @param {readonly RiskView[]} risks
 */
export function riskList(risks) {
  return h(
    'ul',
    { class: 'risks' },
    risks.map((r) => h('li', { 'data-risk': r.code }, badge(t(`risk.${r.severity}`), RISK_BADGES[r.severity]), ' ', r.message)),
  );
}

/**
 * A section with a heading.
 * @param {string} title
 * @param {...(Child | Child[])} children
 */
export function section(title, ...children) {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}
