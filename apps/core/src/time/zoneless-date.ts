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
