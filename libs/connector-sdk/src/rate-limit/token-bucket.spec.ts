import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a burst, then one call per 1/rate seconds', () => {
    let now = 0;
    const bucket = new TokenBucket({ ratePerSecond: 5, burst: 3, clock: () => now });
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, true, false]);
    expect(bucket.msUntilAvailable()).toBe(200);
    now = 199;
    expect(bucket.tryTake()).toBe(false);
    now = 200;
    expect(bucket.tryTake()).toBe(true);
  });

  it('never holds more than its burst after a long quiet period', () => {
    let now = 0;
    const bucket = new TokenBucket({ ratePerSecond: 100, burst: 2, clock: () => now });
    now = 60_000;
    expect(bucket.available()).toBe(2);
  });

  it('refuses settings that would never let a call through, naming the setting', () => {
    expect(() => new TokenBucket({ ratePerSecond: 0, burst: 1 })).toThrow('ratePerSecond');
    expect(() => new TokenBucket({ ratePerSecond: 1, burst: 0.5 })).toThrow('burst');
  });
});
