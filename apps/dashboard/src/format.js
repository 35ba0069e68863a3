// @ts-check
import { lang, t } from './i18n.js';

/** Operators work in Japan: dates are shown in Japan time and numbers in Japanese notation, whatever the language. */
export const TIME_ZONE = 'Asia/Tokyo';

const numbers = new Intl.NumberFormat('ja-JP');
const dates = new Intl.DateTimeFormat('ja-JP', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** @param {number | null | undefined} value */
export function formatNumber(value) {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : numbers.format(value);
}

/** @param {string | number | Date | null | undefined} value */
export function formatDateTime(value) {
  if (value === null || value === undefined) return '—';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return `${dates.format(date)}${lang() === 'en' ? ' JST' : ''}`;
}

/**
 * A duration as people say it: 850 ms, 12.5 s, 3 min 20 s.
 * @param {number | null | undefined} ms
 */
export function formatDuration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1000) return t('unit.ms', { n: numbers.format(Math.round(ms)) });
  if (ms < 60_000) return t('unit.s', { n: numbers.format(Math.round(ms / 100) / 10) });
  const minutes = Math.floor(ms / 60_000);
  return t('unit.min', { m: numbers.format(minutes), s: numbers.format(Math.round((ms % 60_000) / 1000)) });
}

/**
 * Yen, as the simulation's costs are.
 * @param {number | null | undefined} value
 */
export function formatYen(value) {
  return value === null || value === undefined ? '—' : `¥${numbers.format(Math.round(value))}`;
}
