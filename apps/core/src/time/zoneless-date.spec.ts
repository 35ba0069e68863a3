import { resolveZonelessDate } from './zoneless-date';

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
