/**
 * RMS speaks Japan Standard Time with second precision: the order API as `2026-12-04T20:00:00+0900`,
 * the inventory API as `2026-12-04T20:00:00+09:00`. Japan has no daylight saving time, so a fixed
 * +9 hours is exact.
 */
const JST_OFFSET_MS = 9 * 3_600_000;

function jstParts(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000 + JST_OFFSET_MS).toISOString().slice(0, 19);
}

/** The order API form: `2026-12-04T20:00:00+0900`. */
export function toRakutenOrderTime(ms: number): string {
  return `${jstParts(ms)}+0900`;
}

/** The inventory API form: `2026-12-04T20:00:00+09:00`. */
export function toRakutenIsoTime(ms: number): string {
  return `${jstParts(ms)}+09:00`;
}

const RAKUTEN_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:?\d{2}|Z)$/;

/** Epoch milliseconds of a Rakuten time in either form; throws on anything else. */
export function parseRakutenTime(text: string): number {
  if (!RAKUTEN_TIME.test(text)) {
    throw new RangeError(`"${text}" is not a Rakuten time; expected e.g. 2026-12-04T20:00:00+0900`);
  }
  const normalised = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return Date.parse(normalised);
}

/** The same instant as urikiri's ISO-8601 UTC form. */
export function rakutenTimeToIso(text: string): string {
  return new Date(parseRakutenTime(text)).toISOString();
}

/** Floors to the second, the precision RMS reports times in. */
export function floorToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
