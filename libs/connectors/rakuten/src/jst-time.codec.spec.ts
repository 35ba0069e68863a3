import { parseRakutenTime, rakutenTimeToIso, toRakutenIsoTime, toRakutenOrderTime } from './jst-time.codec';

describe('JST times', () => {
  const at = Date.parse('2026-12-04T11:00:00.750Z');

  it('writes the order API and inventory API forms in JST, to the second', () => {
    expect(toRakutenOrderTime(at)).toBe('2026-12-04T20:00:00+0900');
    expect(toRakutenIsoTime(at)).toBe('2026-12-04T20:00:00+09:00');
  });

  it('reads both forms back as the same instant', () => {
    expect(rakutenTimeToIso('2026-12-04T20:00:00+0900')).toBe('2026-12-04T11:00:00.000Z');
    expect(parseRakutenTime('2026-12-04T20:00:00+09:00')).toBe(Date.parse('2026-12-04T11:00:00Z'));
    expect(() => parseRakutenTime('2026/12/04 20:00')).toThrow('expected e.g. 2026-12-04T20:00:00+0900');
  });
});
