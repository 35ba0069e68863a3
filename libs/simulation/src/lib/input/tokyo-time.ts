/**
 * Dates and times as Japanese shops write them. A value without an offset is Asia/Tokyo (JST,
 * UTC+9, no daylight saving time), so a fixed offset is exact and needs no time-zone database.
 */
export const JST_OFFSET_MS = 9 * 3_600_000;
export const DAY_MS = 86_400_000;

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Epoch milliseconds, or null when `text` is not a real date or date-time. */
export function parseTokyoDateTime(text: string): number | null {
  const match = DATE_TIME.exec(text.trim());
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => (part === undefined ? 0 : Number(part)));
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallClock);
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return null;
  return wallClock - offsetMs(match[7]);
}

function offsetMs(text: string | undefined): number {
  if (text === undefined) return JST_OFFSET_MS;
  if (text === 'Z') return 0;
  const digits = text.slice(1).replace(':', '');
  const sign = text.startsWith('-') ? -1 : 1;
  return (
    sign *
    (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) *
    60_000
  );
}

/** Days since 1970-01-01 on the Tokyo calendar. */
export function tokyoDayNumber(epochMs: number): number {
  return Math.floor((epochMs + JST_OFFSET_MS) / DAY_MS);
}

/** Epoch milliseconds of Tokyo midnight starting the given day number. */
export function tokyoMidnight(dayNumber: number): number {
  return dayNumber * DAY_MS - JST_OFFSET_MS;
}

/** `2026-12-04` for a Tokyo day number. */
export function formatTokyoDate(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** `2026-12-04T20:00+09:00` for an instant. */
export function formatTokyoDateTime(epochMs: number): string {
  return `${new Date(epochMs + JST_OFFSET_MS).toISOString().slice(0, 16)}+09:00`;
}

/** Day of the week on the Tokyo calendar, 0 = Sunday. */
export function tokyoWeekday(dayNumber: number): number {
  return (dayNumber + 4) % 7;
}
