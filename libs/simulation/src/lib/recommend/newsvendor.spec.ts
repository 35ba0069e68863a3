import { criticalRatio, newsvendorQuantity } from './newsvendor';

describe('newsvendor', () => {
  it('sets the critical ratio from the cost of a unit short and a unit left over', () => {
    expect(criticalRatio(900, 100)).toBeCloseTo(0.9, 10);
    expect(criticalRatio(0, 0)).toBe(0.5);
  });

  it('stocks up to the demand quantile at the ratio', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(newsvendorQuantity(samples, 0.9)).toBe(90);
    expect(newsvendorQuantity(samples, 0.5)).toBe(50);
    expect(newsvendorQuantity(samples, 1)).toBe(100);
    expect(newsvendorQuantity([], 0.9)).toBe(0);
  });
});
