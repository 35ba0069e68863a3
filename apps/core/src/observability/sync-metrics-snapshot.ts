import { LATENCY_BUCKETS_MS, leLabel } from './latency-buckets';
import { parseCounterField, parseLatencyField } from './metrics-keys';
import { estimateQuantile } from './quantile-estimate';
import type { CounterMetric, LatencyMetric, MetricLabels } from './sync-metric-names';

export interface LatencyBucketCount {
  /** Upper bound in ms as Prometheus writes it: "250", …, "+Inf". */
  le: string;
  /** Observations at most `le` (cumulative, as in Prometheus). */
  count: number;
}

export interface LatencySeries extends MetricLabels {
  metric: LatencyMetric;
  count: number;
  sumMs: number;
  /** Estimated from the buckets (Prometheus' histogram_quantile); at most the highest finite bound. */
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  buckets: LatencyBucketCount[];
}

export interface CounterSeries extends MetricLabels {
  metric: CounterMetric;
  value: number;
}

/** Every process's observations added up, per metric and channel account. */
export interface SyncMetricsSnapshot {
  latency: LatencySeries[];
  counters: CounterSeries[];
}

interface LatencyTally extends MetricLabels {
  metric: LatencyMetric;
  perBucket: number[];
  sumMs: number;
}

const seriesKey = (metric: string, labels: MetricLabels) => JSON.stringify([metric, labels.account, labels.channel]);
const bySeries = (a: MetricLabels & { metric: string }, b: MetricLabels & { metric: string }) =>
  a.metric.localeCompare(b.metric) || a.account.localeCompare(b.account) || a.channel.localeCompare(b.channel);
// Interpolated estimates carry no meaning past a tenth of a millisecond.
const tenth = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

function latencySeries(tally: LatencyTally): LatencySeries {
  let running = 0;
  const cumulative = tally.perBucket.map((inBucket, index) => ({ le: LATENCY_BUCKETS_MS[index], count: (running += inBucket) }));
  return {
    metric: tally.metric,
    account: tally.account,
    channel: tally.channel,
    // The count is the buckets' total, never a field of its own, so count and +Inf always agree.
    count: running,
    sumMs: tally.sumMs,
    p50Ms: tenth(estimateQuantile(0.5, cumulative)),
    p95Ms: tenth(estimateQuantile(0.95, cumulative)),
    p99Ms: tenth(estimateQuantile(0.99, cumulative)),
    buckets: cumulative.map(({ le, count }) => ({ le: leLabel(le), count })),
  };
}

/** The snapshot from the two Redis hashes (see metrics-keys.ts); unknown fields are skipped. */
export function snapshotFromHashes(latency: Record<string, string>, counters: Record<string, string>): SyncMetricsSnapshot {
  const bucketOf = new Map(LATENCY_BUCKETS_MS.map((upper, index) => [leLabel(upper), index]));
  const tallies = new Map<string, LatencyTally>();
  for (const [field, raw] of Object.entries(latency)) {
    const parsed = parseLatencyField(field);
    const value = Number(raw);
    if (!parsed || !Number.isFinite(value)) continue;
    const index = parsed.slot.kind === 'bucket' ? bucketOf.get(parsed.slot.le) : undefined;
    if (parsed.slot.kind === 'bucket' && index === undefined) continue;
    const key = seriesKey(parsed.metric, parsed);
    let tally = tallies.get(key);
    if (!tally) {
      tally = { metric: parsed.metric, account: parsed.account, channel: parsed.channel, perBucket: LATENCY_BUCKETS_MS.map(() => 0), sumMs: 0 };
      tallies.set(key, tally);
    }
    if (index === undefined) tally.sumMs = value;
    else tally.perBucket[index] = value;
  }
  const counterSeries: CounterSeries[] = [];
  for (const [field, raw] of Object.entries(counters)) {
    const parsed = parseCounterField(field);
    const value = Number(raw);
    if (parsed && Number.isFinite(value)) counterSeries.push({ ...parsed, value });
  }
  return {
    latency: [...tallies.values()].map(latencySeries).sort(bySeries),
    counters: counterSeries.sort(bySeries),
  };
}
