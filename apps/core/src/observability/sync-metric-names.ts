/**
 * The sync pipeline's measurements, by name. The names become Prometheus series and JSON fields,
 * so renaming one breaks dashboards and alerts: add, do not rename.
 */

/** Latencies, in milliseconds, each from the moment the change happened to the moment it is visible. */
export const LATENCY_METRICS = ['ingest', 'push', 'end_to_end'] as const;
export type LatencyMetric = (typeof LATENCY_METRICS)[number];

export const LATENCY_METRIC_MEANINGS: Record<LatencyMetric, string> = {
  ingest: 'sale on the channel → reserved in the ledger',
  push: 'ledger change committed → the channel holds the new value',
  end_to_end: 'sale on one channel → another channel updated',
};

/** Running totals; each only ever grows (rate_limit_wait_ms by the milliseconds waited). */
export const COUNTER_METRICS = [
  'pushes',
  'push_failures',
  'rate_limited',
  'retries',
  'dead_letters',
  'stale_pushes',
  'drift_found',
  'drift_repaired',
  'orders_ingested',
  'rate_limit_wait_ms',
] as const;
export type CounterMetric = (typeof COUNTER_METRICS)[number];

export const COUNTER_METRIC_MEANINGS: Record<CounterMetric, string> = {
  pushes: 'stock pushes a channel accepted',
  push_failures: 'stock pushes that failed (each attempt)',
  rate_limited: 'calls a channel answered with its rate limit',
  retries: 'pushes scheduled again after a failure',
  dead_letters: 'listings set aside after failing too often',
  stale_pushes: 'pushes a channel refused because its quantity had moved (compare-and-set)',
  drift_found: 'listings whose channel quantity differed from what it should be',
  drift_repaired: 'drifted listings repaired',
  orders_ingested: 'order events ingested',
  rate_limit_wait_ms: 'milliseconds spent waiting for a channel rate limit',
};

/** Every series belongs to one channel account; the channel is repeated so dashboards can group by it. */
export interface MetricLabels {
  account: string;
  channel: string;
}
