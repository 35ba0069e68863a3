import { impossibleDate, resolveZonelessDate } from './zoneless-date';

describe('resolveZonelessDate', () => {
  it('reads a wall-clock time without zone in the given time zone', () => {
    expect(resolveZonelessDate('2026-12-04 20:00', 'Asia/Tokyo')).toBe('2026-12-04T11:00:00.000Z');
    expect(resolveZonelessDate('2026-12-04T20:00:30.5', 'Asia/Tokyo')).toBe('2026-12-04T11:00:30.500Z');
    expect(resolveZonelessDate('2026-12-04', 'Asia/Tokyo')).toBe('2026-12-03T15:00:00.000Z');
    expect(resolveZonelessDate('2026-12-04 20:00', 'UTC')).toBe('2026-12-04T20:00:00.000Z');
  });

  it('follows daylight saving time where a zone has it', () => {
    expect(resolveZonelessDate('2026-07-01 12:00', 'Europe/Berlin')).toBe('2026-07-01T10:00:00.000Z');
    expect(resolveZonelessDate('2026-01-01 12:00', 'Europe/Berlin')).toBe('2026-01-01T11:00:00.000Z');
  });

  it('leaves dates that state their zone, and anything else, as they are', () => {
    expect(resolveZonelessDate('2026-12-04T20:00:00Z', 'Asia/Tokyo')).toBe('2026-12-04T20:00:00Z');
    expect(resolveZonelessDate('2026-12-04T20:00:00+09:00', 'UTC')).toBe('2026-12-04T20:00:00+09:00');
    expect(resolveZonelessDate('next week', 'Asia/Tokyo')).toBe('next week');
  });
});

describe('impossibleDate', () => {
  it('accepts real days and times, with or without a zone, and leaves other text to validation', () => {
    for (const value of ['2028-02-29', '2026-12-31T23:59:59Z', '2026-12-04 20:00', '2026-01-01T00:00:00+09:00', 'next week', '12']) {
      expect(impossibleDate(value)).toBeUndefined();
    }
  });

  it('refuses days, months and times that do not exist instead of rolling them over', () => {
    expect(impossibleDate('2026-02-29T10:00:00Z')).toBe('has day 29, but 2026-02 has 28 days');
    expect(impossibleDate('2026-13-01')).toBe('has month 13; months run from 01 to 12');
    expect(impossibleDate('2026-04-31')).toBe('has day 31, but 2026-04 has 30 days');
    expect(impossibleDate('2026-02-03T25:61')).toBe('has the time 25:61, which no day has');
    expect(impossibleDate('2026-00-10')).toBe('has month 00; months run from 01 to 12');
  });
});
