import { wallClockToEpoch } from '@urikiri/zoned-time';

/** `2026-12-04`, `2026-12-04T20:00`, `2026-12-04 20:00:00.000`: a wall-clock time with no zone or offset. */
const ZONELESS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/**
 * The UTC ISO string of a zone-less wall-clock time read in `timeZone` (Asia/Tokyo by default), or
 * the input unchanged when it already says its zone or is not a date at all.
 */
export function resolveZonelessDate(value: string, timeZone: string): string {
  const match = ZONELESS.exec(value.trim());
  if (!match) return value;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0'] = match;
  const wallAsUtc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    Number(fraction.padEnd(3, '0')),
  );
  return new Date(wallClockToEpoch(wallAsUtc, timeZone)).toISOString();
}

/** `2026-12-04`, optionally followed by a time of day and anything else (a zone, an offset). */
const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * Why a date-like value names no real instant ("2026-02-30", "2026-13-01", "25:61"), or undefined.
 * JavaScript's Date rolls such values over into the next month or day without a word, so the
 * ledger would store a date nobody wrote; they are refused instead. Values that do not look like
 * a date at all are left to the field's own validation.
 */
export function impossibleDate(value: string): string | undefined {
  const match = DATE_PREFIX.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  if (month < 1 || month > 12) return `has month ${String(month).padStart(2, '0')}; months run from 01 to 12`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `has day ${String(day).padStart(2, '0')}, but ${year}-${String(month).padStart(2, '0')} has ${days} days`;
  if (match[4] !== undefined && (hour > 23 || minute > 59 || (match[6] !== undefined && second > 59))) {
    return `has the time ${match[4]}:${match[5]}${match[6] === undefined ? '' : `:${match[6]}`}, which no day has`;
  }
  return undefined;
}
