import { formatDateTime, formatDuration, formatNumber, formatYen } from '../src/format.js';
import { setLang } from '../src/i18n.js';

describe('formatting', () => {
  afterEach(() => setLang('ja', undefined));

  it('writes numbers for Japan and dates in Japan time, whatever the language', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(null)).toBe('—');
    expect(formatYen(42705.4)).toBe('¥42,705');
    // 15:30 UTC is 00:30 the next day in Tokyo.
    expect(formatDateTime('2026-12-04T15:30:05Z')).toBe('2026/12/05 00:30:05');
    setLang('en', undefined);
    expect(formatDateTime('2026-12-04T15:30:05Z')).toBe('2026/12/05 00:30:05 JST');
    expect(formatDateTime(null)).toBe('—');
  });

  it('says durations the way people read them', () => {
    expect(formatDuration(850)).toBe('850 ミリ秒');
    expect(formatDuration(12_540)).toBe('12.5 秒');
    expect(formatDuration(200_000)).toBe('3 分 20 秒');
    setLang('en', undefined);
    expect(formatDuration(12_540)).toBe('12.5 s');
    expect(formatDuration(null)).toBe('—');
  });
});
