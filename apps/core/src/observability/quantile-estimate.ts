/** A histogram bucket as Prometheus exposes it: how many observations were at most `le`. */
export interface CumulativeBucket {
  le: number;
  count: number;
}

/**
 * The q-quantile of a histogram, estimated as Prometheus' `histogram_quantile` does, so the JSON API
 * and a Grafana panel over /metrics agree: find the bucket holding the rank, assume observations are
 * spread evenly inside it, interpolate. A rank in the +Inf bucket answers the highest finite bound
 * (the true value is only known to be above it). Null when nothing was observed.
 */
export function estimateQuantile(q: number, buckets: readonly CumulativeBucket[]): number | null {
  if (!(q > 0 && q <= 1)) throw new RangeError(`A quantile must be above 0 and at most 1, not ${q}.`);
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0) return null;
  const rank = q * total;
  const index = buckets.findIndex((bucket) => bucket.count >= rank);
  const bucket = buckets[index];
  if (!Number.isFinite(bucket.le)) return index > 0 ? buckets[index - 1].le : null;
  const lower = index > 0 ? buckets[index - 1] : { le: 0, count: 0 };
  const inBucket = bucket.count - lower.count;
  return lower.le + (bucket.le - lower.le) * ((rank - lower.count) / inBucket);
}
