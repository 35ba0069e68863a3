/**
 * Turns the date-times operators write in rule sets ("2026-12-04T20:00", read in Asia/Tokyo unless
 * another zone or an explicit offset is given) into epoch milliseconds. Uses the built-in Intl time
 * zone data, so it stays free of I/O and gives the same answer for the same text on every machine.
 */

import { DEFAULT_TIME_ZONE, isKnownTimeZone, wallClockToEpoch } from '@urikiri/zoned-time';

export { DEFAULT_TIME_ZONE, isKnownTimeZone };

const DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Epoch milliseconds of `text` read in `timeZone`, or null when the text is not a real date-time. */
export function parseZonedDateTime(
  text: string,
  timeZone: string,
): number | null {
  const match = DATE_TIME_PATTERN.exec(text);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => (part === undefined ? 0 : Number(part)));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const offsetText = match[7];
  if (offsetText !== undefined)
    return wallClockAsUtc - explicitOffsetMs(offsetText);
  return wallClockToEpoch(wallClockAsUtc, timeZone);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function explicitOffsetMs(offsetText: string): number {
  if (offsetText === 'Z') return 0;
  const sign = offsetText.startsWith('-') ? -1 : 1;
  const [hours, minutes] = offsetText.slice(1).split(':').map(Number);
  return sign * (hours * 60 + minutes) * 60_000;
}
