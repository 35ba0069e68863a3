import { randomStream } from '../random/seeded-random';
import { poisson } from '../random/random-variates';
import { scaledErrors } from './accuracy-metrics';
import type { DemandSeries } from './demand-series';
import { backtest } from './rolling-origin.backtest';

describe('scaledErrors', () => {
  it('divides the forecast errors by the in-sample seasonal naive errors', () => {
    const training = [1, 3, 1, 3, 2, 4];
    const use = training.map(() => true);
    // Lag-2 differences: 0, 0, 1, 1 → mean |d| 0.5, mean d² 0.5.
    const result = scaledErrors(training, use, [2, 4], [true, true], [3, 4], 2);
    expect(result?.mase).toBeCloseTo(0.5 / 0.5, 10);
    expect(result?.rmsse).toBeCloseTo(Math.sqrt(0.5 / 0.5), 10);
  });

  it('cannot scale a constant training series', () => {
    expect(scaledErrors([2, 2, 2, 2], [true, true, true, true], [2], [true], [2], 1)).toBeNull();
  });
});

describe('backtest', () => {
  it('scores a seasonal series with rolling origins, and smoothing beats seasonal naive', () => {
    const random = randomStream(5);
    const week = [1.4, 0.8, 0.8, 0.9, 1, 1, 1.1];
    const series: DemandSeries[] = ['A', 'B', 'C'].map((sku) => ({
      sku,
      channel: 'rakuten',
      granularity: 'day',
      startDay: 20000,
      values: Array.from({ length: 200 }, (_, t) => poisson(random, 30 * week[t % 7])),
      promo: Array.from({ length: 200 }, () => false),
    }));
    const summary = backtest(series, { horizon: 12, period: 7, origins: 4 });
    expect(summary.series).toHaveLength(3);
    expect(summary.series.every((s) => s.origins === 4)).toBe(true);
    expect(summary.meanMase).toBeLessThan(summary.naiveMeanMase);
    expect(summary.meanRmsse).toBeLessThan(summary.naiveMeanRmsse);
  });

  it('skips series too short for one origin', () => {
    const short: DemandSeries = {
      sku: 'S',
      channel: 'amazon',
      granularity: 'day',
      startDay: 20000,
      values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      promo: Array.from({ length: 10 }, () => false),
    };
    expect(backtest([short], { horizon: 12, period: 7, origins: 4 }).skipped).toBe(1);
  });
});
