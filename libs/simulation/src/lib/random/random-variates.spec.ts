import { randomStream } from './seeded-random';
import { gamma, negativeBinomial, poisson } from './random-variates';

function moments(draw: () => number, n: number) {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    squares += x * x;
  }
  const mean = sum / n;
  return { mean, variance: squares / n - mean * mean };
}

describe('random streams and variates', () => {
  it('repeats a stream for the same seed and path, and differs for another path', () => {
    const a = randomStream(1, 2, 3);
    const b = randomStream(1, 2, 3);
    const c = randomStream(1, 2, 4);
    const draws = (r: { next(): number }) => Array.from({ length: 5 }, () => r.next());
    const first = draws(a);
    expect(draws(b)).toEqual(first);
    expect(draws(c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it.each([0.7, 4, 25, 150])('draws Poisson(%d) with mean = variance', (mean) => {
    const random = randomStream(mean * 1000);
    const m = moments(() => poisson(random, mean), 20_000);
    expect(m.mean).toBeCloseTo(mean, 0);
    expect(m.variance / mean).toBeGreaterThan(0.93);
    expect(m.variance / mean).toBeLessThan(1.07);
  });

  it('draws Gamma(k) with mean k and negative binomial with variance mean + mean²/k', () => {
    const random = randomStream(3);
    expect(moments(() => gamma(random, 0.5), 20_000).mean).toBeCloseTo(0.5, 1);
    const m = moments(() => negativeBinomial(random, 10, 2), 40_000);
    expect(m.mean).toBeCloseTo(10, 0);
    expect(m.variance / (10 + 100 / 2)).toBeGreaterThan(0.9);
    expect(m.variance / (10 + 100 / 2)).toBeLessThan(1.1);
  });
});
