import fc from 'fast-check';
import { bucketIndex, LATENCY_BUCKETS_MS } from './latency-buckets';
import { type CumulativeBucket, estimateQuantile } from './quantile-estimate';

function histogram(observations: readonly number[]): CumulativeBucket[] {
  const perBucket = LATENCY_BUCKETS_MS.map(() => 0);
  for (const ms of observations) perBucket[bucketIndex(ms)] += 1;
  let running = 0;
  return perBucket.map((count, index) => ({ le: LATENCY_BUCKETS_MS[index], count: (running += count) }));
}

describe('latency buckets', () => {
  it('put an observation in the first bucket whose bound is at least it (le is inclusive)', () => {
    expect(bucketIndex(0)).toBe(0);
    expect(bucketIndex(5)).toBe(0);
    expect(bucketIndex(5.01)).toBe(1);
    expect(LATENCY_BUCKETS_MS[bucketIndex(1000)]).toBe(1000);
    expect(LATENCY_BUCKETS_MS[bucketIndex(60_001)]).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('quantile estimate from buckets', () => {
  it('interpolates inside the bucket that holds the rank, as histogram_quantile does', () => {
    // Four observations in (100, 250]: the median rank 2 is halfway through that bucket.
    expect(estimateQuantile(0.5, histogram([120, 130, 140, 150]))).toBe(175);
    // Rank 1 of 2 falls at the top of the first bucket holding anything.
    expect(estimateQuantile(0.5, histogram([3, 800]))).toBe(5);
    expect(estimateQuantile(1, histogram([3, 800]))).toBe(1000);
  });

  it('answers the highest finite bound for a rank beyond it, and null for an empty histogram', () => {
    expect(estimateQuantile(0.99, histogram([10, 90_000]))).toBe(60_000);
    expect(estimateQuantile(0.5, histogram([]))).toBeNull();
  });

  it('refuses a quantile outside (0, 1]', () => {
    expect(() => estimateQuantile(0, histogram([1]))).toThrow(RangeError);
    expect(() => estimateQuantile(1.5, histogram([1]))).toThrow(RangeError);
  });

  it('lands in the true value’s bucket, and grows with q', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 59_999, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.constantFrom(0.5, 0.9, 0.95, 0.99),
        (observations, q) => {
          const buckets = histogram(observations);
          const estimate = estimateQuantile(q, buckets) as number;
          const sorted = [...observations].sort((a, b) => a - b);
          const truth = sorted[Math.ceil(q * sorted.length) - 1];
          const index = bucketIndex(truth);
          const lower = index === 0 ? 0 : LATENCY_BUCKETS_MS[index - 1];
          expect(estimate).toBeGreaterThanOrEqual(lower);
          expect(estimate).toBeLessThanOrEqual(LATENCY_BUCKETS_MS[index]);
          expect(estimateQuantile(Math.min(1, q + 0.01), buckets)).toBeGreaterThanOrEqual(estimate);
        },
      ),
    );
  });
});
