import { randomStream } from '../random/seeded-random';
import { poisson } from '../random/random-variates';
import { forecastBaseline } from './baseline.forecaster';

const WEEK = [1.3, 0.85, 0.85, 0.9, 0.95, 1.0, 1.15];

function weeklySeries(level: number, days: number, seed: number, promoEvery = 0, uplift = 1) {
  const random = randomStream(seed);
  const promo = Array.from({ length: days }, (_, t) => promoEvery > 0 && t % promoEvery === promoEvery - 1);
  const values = promo.map((isPromo, t) => poisson(random, level * WEEK[t % 7] * (isPromo ? uplift : 1)));
  return { values, promo };
}

describe('forecastBaseline', () => {
  it.each([
    [5, 1],
    [20, 2],
    [80, 3],
  ])('recovers a smooth weekly baseline of %d a day within ±10 %, promotions masked', (level, seed) => {
    const { values, promo } = weeklySeries(level, 364, seed, 11, 3);
    const fit = forecastBaseline(values, promo, 7, 28);
    expect(fit.classification.pattern).toBe('smooth');
    expect(fit.chosen.method).toMatch(/^holt-winters/);
    const mean = fit.chosen.forecast.reduce((a, b) => a + b, 0) / 28;
    expect(Math.abs(mean / level - 1)).toBeLessThan(0.1);
    // The weekly pattern is kept: the Sunday forecast is above the Monday one.
    const weekdayOf = (h: number) => (364 + h) % 7;
    const sunday = fit.chosen.forecast.find((_, h) => weekdayOf(h) === 0) as number;
    const monday = fit.chosen.forecast.find((_, h) => weekdayOf(h) === 1) as number;
    expect(sunday).toBeGreaterThan(monday);
  });

  it('does not let promotions lift the baseline', () => {
    const { values, promo } = weeklySeries(20, 364, 9, 5, 4);
    const masked = forecastBaseline(values, promo, 7, 14);
    const unmasked = forecastBaseline(values, promo.map(() => false), 7, 14);
    const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Math.abs(mean(masked.chosen.forecast) / 20 - 1)).toBeLessThan(0.1);
    expect(mean(unmasked.chosen.forecast)).toBeGreaterThan(mean(masked.chosen.forecast) * 1.1);
  });

  it('uses Croston-SBA for intermittent demand and TSB for lumpy demand', () => {
    const random = randomStream(4);
    const intermittent = Array.from({ length: 200 }, () => (random.next() < 0.2 ? 2 : 0));
    const lumpy = Array.from({ length: 200 }, () => (random.next() < 0.2 ? (random.next() < 0.8 ? 1 : 25) : 0));
    const none = intermittent.map(() => false);
    const a = forecastBaseline(intermittent, none, 7, 5);
    const b = forecastBaseline(lumpy, none, 7, 5);
    expect([a.classification.pattern, a.chosen.method]).toEqual(['intermittent', 'croston-sba']);
    expect([b.classification.pattern, b.chosen.method]).toEqual(['lumpy', 'tsb']);
    // Both estimate the rate (probability × size): 0.4 a day for the intermittent series.
    expect(a.chosen.forecast[0]).toBeGreaterThan(0.25);
    expect(a.chosen.forecast[0]).toBeLessThan(0.55);
  });

  it('always computes seasonal naive, repeating the last regular season', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
    const promo = values.map((_, i) => i === 12);
    const fit = forecastBaseline(values, promo, 7, 9);
    // Day 12 is promotional, so its position repeats the regular value one season earlier (6).
    expect(fit.seasonalNaive.forecast).toEqual([8, 9, 10, 11, 12, 6, 14, 8, 9]);
  });

  it('reports overdispersion as a finite negative binomial dispersion, Poisson as none', () => {
    const random = randomStream(11);
    const poissonSeries = Array.from({ length: 300 }, () => poisson(random, 10));
    const overdispersed = Array.from({ length: 300 }, () => poisson(random, random.next() < 0.5 ? 3 : 17));
    const none = poissonSeries.map(() => false);
    expect(forecastBaseline(poissonSeries, none, 7, 1).dispersion).toBe(Infinity);
    expect(Number.isFinite(forecastBaseline(overdispersed, none, 7, 1).dispersion)).toBe(true);
  });
});
