import type { RedisKeyspace } from '../redis/redis-keyspace';
import { COUNTER_METRICS, type CounterMetric, LATENCY_METRICS, type LatencyMetric, type MetricLabels } from './sync-metric-names';

/**
 * Where the metrics live in Redis: two hashes and a set in the installation's keyspace, so installations sharing
 * one Redis keep apart and a scrape reads everything with a few commands. A field names its series as a
 * JSON array, because account ids and channel names are the operator's and may contain any separator.
 */
export interface MetricsKeys {
  /** Fields [metric, account, channel, le] → observations in that bucket (not cumulative); [.., "sum"] → ms. */
  readonly latency: string;
  /** Fields [metric, account, channel] → the total. */
  readonly counters: string;
  /** A set: the name of every queue any process registered, so an API process can show queues it never opened. */
  readonly queues: string;
}

export function metricsKeys(keyspace: RedisKeyspace): MetricsKeys {
  return {
    latency: keyspace.key('metrics', 'sync-latency'),
    counters: keyspace.key('metrics', 'sync-counters'),
    queues: keyspace.key('metrics', 'queues'),
  };
}

/** What a latency field holds: one bucket's count, or the sum of every observation. */
export type LatencySlot = { kind: 'bucket'; le: string } | { kind: 'sum' };

export interface LatencyField extends MetricLabels {
  metric: LatencyMetric;
  slot: LatencySlot;
}

export interface CounterField extends MetricLabels {
  metric: CounterMetric;
}

const SUM = 'sum';

export function latencyField(metric: LatencyMetric, labels: MetricLabels, slot: LatencySlot): string {
  return JSON.stringify([metric, labels.account, labels.channel, slot.kind === 'sum' ? SUM : slot.le]);
}

export function counterField(metric: CounterMetric, labels: MetricLabels): string {
  return JSON.stringify([metric, labels.account, labels.channel]);
}

function strings(field: string, length: number): string[] | null {
  try {
    const parsed: unknown = JSON.parse(field);
    return Array.isArray(parsed) && parsed.length === length && parsed.every((part) => typeof part === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

const isLatencyMetric = (name: string): name is LatencyMetric => (LATENCY_METRICS as readonly string[]).includes(name);
const isCounterMetric = (name: string): name is CounterMetric => (COUNTER_METRICS as readonly string[]).includes(name);

/** Null for a field this version does not know (written by a newer one, or by hand): it is skipped. */
export function parseLatencyField(field: string): LatencyField | null {
  const parts = strings(field, 4);
  if (!parts || !isLatencyMetric(parts[0])) return null;
  const [metric, account, channel, slot] = parts;
  return { metric, account, channel, slot: slot === SUM ? { kind: 'sum' } : { kind: 'bucket', le: slot } };
}

export function parseCounterField(field: string): CounterField | null {
  const parts = strings(field, 3);
  if (!parts || !isCounterMetric(parts[0])) return null;
  const [metric, account, channel] = parts;
  return { metric, account, channel };
}
