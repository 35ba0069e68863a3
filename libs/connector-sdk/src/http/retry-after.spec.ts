import { parseRetryAfter } from './retry-after';

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(0.5)).toBe(500);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    const now = Date.parse('2026-12-04T11:00:00Z');
    expect(parseRetryAfter('Fri, 04 Dec 2026 11:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 04 Dec 2026 10:59:00 GMT', now)).toBe(0);
  });

  it('returns null for missing or unreadable values so the caller applies its default', () => {
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter('')).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('refuses what only looks like a number or a date, rather than reading some other instant into it', () => {
    const now = Date.parse('2026-12-04T11:00:00Z');
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter(-5, now)).toBeNull();
    expect(parseRetryAfter('1 hour', now)).toBeNull();
    expect(parseRetryAfter('Friday, 04-Dec-26 11:01:00 GMT', now)).toBe(60_000);
  });
});
