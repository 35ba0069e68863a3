/** `2026-12-04`, `2026-12-04T20:00`, `2026-12-04 20:00:00.000`: a wall-clock time with no zone or offset. */
const ZONELESS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `utcMs`, in milliseconds. */
function offsetAt(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wallAsUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wallAsUtc - Math.floor(utcMs / 1000) * 1000;
}

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
  // Twice: the offset at the first guess can differ from the offset at the answer across a DST change.
  const guess = wallAsUtc - offsetAt(wallAsUtc, timeZone);
  return new Date(wallAsUtc - offsetAt(guess, timeZone)).toISOString();
}
