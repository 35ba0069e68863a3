import { percentile, summarize } from './percentiles';

describe('percentiles', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('summarizes, rounding to whole milliseconds', () => {
    expect(summarize([1.4, 2.6, 3])).toEqual({ count: 3, p50Ms: 3, p95Ms: 3, p99Ms: 3 });
  });
});
