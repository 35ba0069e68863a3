import { formatTokyoDate, formatTokyoDateTime, parseTokyoDateTime, tokyoDayNumber, tokyoWeekday } from './tokyo-time';

describe('Tokyo time', () => {
  it('reads dates and date-times without an offset as Asia/Tokyo', () => {
    expect(parseTokyoDateTime('2026-12-04')).toBe(Date.parse('2026-12-03T15:00:00Z'));
    expect(parseTokyoDateTime('2026-12-04 20:00')).toBe(Date.parse('2026-12-04T11:00:00Z'));
    expect(parseTokyoDateTime('2026-12-04T20:00:30Z')).toBe(Date.parse('2026-12-04T20:00:30Z'));
    expect(parseTokyoDateTime('2026-12-04T20:00+0100')).toBe(Date.parse('2026-12-04T19:00:00Z'));
  });

  it('refuses dates that do not exist', () => {
    expect(parseTokyoDateTime('2026-02-30')).toBeNull();
    expect(parseTokyoDateTime('2026-12-04T24:00')).toBeNull();
    expect(parseTokyoDateTime('04/12/2026')).toBeNull();
  });

  it('counts days on the Tokyo calendar', () => {
    const lateEvening = Date.parse('2026-12-04T23:30:00+09:00');
    expect(formatTokyoDate(tokyoDayNumber(lateEvening))).toBe('2026-12-04');
    expect(tokyoWeekday(tokyoDayNumber(lateEvening))).toBe(5);
    expect(formatTokyoDateTime(lateEvening)).toBe('2026-12-04T23:30+09:00');
  });
});
