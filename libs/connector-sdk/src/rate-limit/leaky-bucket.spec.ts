import { LeakyBucket } from './leaky-bucket';

describe('LeakyBucket', () => {
  it('takes calls by cost until full, then drains at its rate', () => {
    let now = 0;
    const bucket = new LeakyBucket({ capacity: 100, leakPerSecond: 50, clock: () => now });
    expect(bucket.tryAdd(60)).toBe(true);
    expect(bucket.tryAdd(50)).toBe(false);
    expect(bucket.available()).toBe(40);
    expect(bucket.msUntilAvailable(50)).toBe(200);
    now = 200;
    expect(bucket.tryAdd(50)).toBe(true);
    expect(bucket.available()).toBe(0);
  });

  it('refuses a call that could never fit', () => {
    const bucket = new LeakyBucket({ capacity: 10, leakPerSecond: 1 });
    expect(() => bucket.tryAdd(11)).toThrow('can never fit');
  });
});
