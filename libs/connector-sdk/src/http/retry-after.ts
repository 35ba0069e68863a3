/**
 * Parses an HTTP `Retry-After` value (RFC 9110: delay-seconds or an HTTP-date) into milliseconds from
 * `now`. Returns null for a missing or unreadable value so the caller can apply its own default
 * instead of hammering the channel with a zero wait.
 */
export function parseRetryAfter(value: string | number | undefined | null, now: number = Date.now()): number | null {
  if (value === undefined || value === null) {
    return null;
  }
  const text = String(value).trim();
  if (text === '') {
    return null;
  }
  if (/^\d+(\.\d+)?$/.test(text)) {
    return Math.ceil(Number(text) * 1000);
  }
  // Every HTTP-date form carries a time of day. Without this check Date.parse would read "-5" or
  // "1 hour" as some date and the caller would skip its default.
  if (!/\d{1,2}:\d{2}:\d{2}/.test(text)) {
    return null;
  }
  const at = Date.parse(text);
  if (Number.isNaN(at)) {
    return null;
  }
  return Math.max(0, at - now);
}
