import { isKnownTimeZone, wallClockToEpoch, zoneOffsetMs } from './zoned-time';

describe('zoned time', () => {
  it('reads a Tokyo wall-clock time as nine hours ahead of UTC', () => {
    expect(new Date(wallClockToEpoch(Date.UTC(2026, 11, 4, 20, 0), 'Asia/Tokyo')).toISOString()).toBe('2026-12-04T11:00:00.000Z');
    expect(zoneOffsetMs(Date.UTC(2026, 6, 1), 'Asia/Tokyo')).toBe(9 * 3_600_000);
  });

  it('follows a daylight-saving change on either side of it', () => {
    // New York: EST (−5) before 2026-03-08 02:00, EDT (−4) after.
    expect(new Date(wallClockToEpoch(Date.UTC(2026, 2, 8, 1, 30), 'America/New_York')).toISOString()).toBe('2026-03-08T06:30:00.000Z');
    expect(new Date(wallClockToEpoch(Date.UTC(2026, 2, 8, 3, 30), 'America/New_York')).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('knows real zones and refuses made-up ones', () => {
    expect(isKnownTimeZone('Asia/Tokyo')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
