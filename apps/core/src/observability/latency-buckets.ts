/**
 * Upper bounds (inclusive, in ms) of the latency histogram's buckets, fixed so that every process
 * adds into the same buckets and Prometheus can aggregate them across processes and time. The range
 * covers the one-second target closely and a minute of backlog coarsely; beyond that is +Inf.
 */
export const LATENCY_BUCKETS_MS: readonly number[] = [
  5, 10, 25, 50, 100, 250, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000, 30000, 60000, Number.POSITIVE_INFINITY,
];

/** The index of the first bucket whose upper bound is at least `ms` (Prometheus `le` semantics). */
export function bucketIndex(ms: number): number {
  const index = LATENCY_BUCKETS_MS.findIndex((upper) => ms <= upper);
  return index === -1 ? LATENCY_BUCKETS_MS.length - 1 : index;
}

/** A bound as Prometheus writes it in `le`. */
export function leLabel(upper: number): string {
  return Number.isFinite(upper) ? String(upper) : '+Inf';
}
