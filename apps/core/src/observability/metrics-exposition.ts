import { familyHeader, type LabelPairs, sampleLine } from './prometheus-text';
import { QUEUE_JOB_STATES, type QueueDepth } from './queue-depths';
import {
  COUNTER_METRIC_MEANINGS,
  COUNTER_METRICS,
  LATENCY_METRIC_MEANINGS,
  LATENCY_METRICS,
  type MetricLabels,
} from './sync-metric-names';
import type { SyncMetricsSnapshot } from './sync-metrics-snapshot';

export const LATENCY_FAMILY = 'urikiri_sync_latency_ms';
export const QUEUE_JOBS_FAMILY = 'urikiri_queue_jobs';
export const counterFamily = (name: string) => `urikiri_sync_${name}_total`;

const accountLabels = (series: MetricLabels): LabelPairs => [
  ['account', series.account],
  ['channel', series.channel],
];

function latencyLines(snapshot: SyncMetricsSnapshot): string[] {
  const meanings = LATENCY_METRICS.map((metric) => `${metric}: ${LATENCY_METRIC_MEANINGS[metric]}`).join('; ');
  const lines = familyHeader(LATENCY_FAMILY, 'histogram', `Sync latencies in milliseconds, per metric and channel account. ${meanings}.`);
  for (const series of snapshot.latency) {
    const labels: LabelPairs = [['metric', series.metric], ...accountLabels(series)];
    for (const bucket of series.buckets) lines.push(sampleLine(`${LATENCY_FAMILY}_bucket`, [...labels, ['le', bucket.le]], bucket.count));
    lines.push(sampleLine(`${LATENCY_FAMILY}_sum`, labels, series.sumMs), sampleLine(`${LATENCY_FAMILY}_count`, labels, series.count));
  }
  return lines;
}

function counterLines(snapshot: SyncMetricsSnapshot): string[] {
  // Every family is announced even before it has a sample, so dashboards can be built on a fresh install.
  return COUNTER_METRICS.flatMap((metric) => [
    ...familyHeader(counterFamily(metric), 'counter', `Sync: ${COUNTER_METRIC_MEANINGS[metric]}, per channel account.`),
    ...snapshot.counters
      .filter((series) => series.metric === metric)
      .map((series) => sampleLine(counterFamily(metric), accountLabels(series), series.value)),
  ]);
}

function queueLines(depths: readonly QueueDepth[]): string[] {
  return [
    ...familyHeader(QUEUE_JOBS_FAMILY, 'gauge', 'Jobs in each BullMQ queue by state, read when scraped.'),
    ...depths.flatMap((depth) =>
      QUEUE_JOB_STATES.map((state) => sampleLine(QUEUE_JOBS_FAMILY, [['queue', depth.queue], ['state', state]], depth.jobs[state])),
    ),
  ];
}

/** The whole /metrics answer: every process's sync measurements and the queues' depths. */
export function renderMetrics(snapshot: SyncMetricsSnapshot, depths: readonly QueueDepth[]): string {
  return [...latencyLines(snapshot), ...counterLines(snapshot), ...queueLines(depths)].join('\n') + '\n';
}
