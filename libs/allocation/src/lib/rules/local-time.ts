/**
 * Turns the date-times operators write in rule sets ("2026-12-04T20:00", read in Asia/Tokyo unless
 * another zone or an explicit offset is given) into epoch milliseconds. Uses the built-in Intl time
 * zone data, so it stays free of I/O and gives the same answer for the same text on every machine.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

const DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:\d{2})?$/;

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

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
  return wallClockInZoneToEpoch(wallClockAsUtc, timeZone);
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

// The zone's offset can differ on either side of a DST change, so the guess is corrected once
// with the offset in force at the first estimate.
function wallClockInZoneToEpoch(
  wallClockAsUtc: number,
  timeZone: string,
): number {
  const firstGuess = wallClockAsUtc - zoneOffsetMs(wallClockAsUtc, timeZone);
  return wallClockAsUtc - zoneOffsetMs(firstGuess, timeZone);
}

function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const field = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wallClock = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return wallClock - Math.floor(epochMs / 1000) * 1000;
}
