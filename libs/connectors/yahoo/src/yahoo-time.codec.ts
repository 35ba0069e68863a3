/** Yahoo! writes times as `YYYYMMDDHHmmss` in JST (UTC+9, no DST). */
const JST_OFFSET_MS = 9 * 3_600_000;
const YAHOO_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

export function toYahooTime(epochMs: number): string {
  return new Date(epochMs + JST_OFFSET_MS)
    .toISOString()
    .replace(/\D/g, '')
    .slice(0, 14);
}

/** ISO-8601 in UTC, to the second, for order events. */
export function yahooTimeToIso(value: string): string {
  const m = YAHOO_TIME.exec(value);
  if (!m) {
    throw new RangeError(
      `"${value}" is not a Yahoo! time; expected YYYYMMDDHHmmss (JST)`,
    );
  }
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return new Date(
    Date.UTC(y, mo - 1, d, h, mi, s) - JST_OFFSET_MS,
  ).toISOString();
}
