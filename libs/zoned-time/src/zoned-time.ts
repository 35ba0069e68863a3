/**
 * Wall-clock times in a named time zone, from the built-in Intl zone data: no I/O, the same answer
 * for the same input on every machine. Operators write times in Asia/Tokyo unless they say otherwise.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `epochMs`, in milliseconds. */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
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
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wallClock = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  return wallClock - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant at which `timeZone`'s wall clock shows `wallClockAsUtc` (the wall-clock fields encoded
 * as if they were UTC). The offset can differ on either side of a DST change, so the first guess is
 * corrected once with the offset in force at it.
 */
export function wallClockToEpoch(wallClockAsUtc: number, timeZone: string): number {
  const firstGuess = wallClockAsUtc - zoneOffsetMs(wallClockAsUtc, timeZone);
  return wallClockAsUtc - zoneOffsetMs(firstGuess, timeZone);
}
