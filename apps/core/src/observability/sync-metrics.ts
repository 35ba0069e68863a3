import { Injectable, Logger } from '@nestjs/common';
import type { ChainableCommander } from 'ioredis';
import { bucketIndex, LATENCY_BUCKETS_MS, leLabel } from './latency-buckets';
import { counterField, latencyField } from './metrics-keys';
import { MetricsRedis } from './metrics-redis';
import type { CounterMetric, LatencyMetric, MetricLabels } from './sync-metric-names';
import { snapshotFromHashes, type SyncMetricsSnapshot } from './sync-metrics-snapshot';
import { ThrottledWarning } from './throttled-warning';

export type { CounterMetric, LatencyMetric, MetricLabels } from './sync-metric-names';
export type { CounterSeries, LatencyBucketCount, LatencySeries, SyncMetricsSnapshot } from './sync-metrics-snapshot';

/**
 * The sync pipeline's latencies and counters, added up in Redis so that every process (API, workers,
 * schedulers, each replica) counts into the same totals and any API process can show them.
 *
 * Writes never fail the caller: a measurement that cannot be stored is logged (at most once per
 * interval) and dropped. Reads (`snapshot`) do fail, since their caller asked for the numbers.
 */
@Injectable()
export class SyncMetrics {
  private readonly logger = new Logger(SyncMetrics.name);
  private readonly dropped = new ThrottledWarning(this.logger, 'Sync metrics could not be written to Redis and were dropped');
  private readonly misuse = new ThrottledWarning(this.logger, 'A sync metric with an impossible value was ignored');

  constructor(private readonly redis: MetricsRedis) {}

  /** One latency, in milliseconds, into the histogram of `metric` for this account and channel. */
  async observe(metric: LatencyMetric, labels: MetricLabels, ms: number): Promise<void> {
    if (!Number.isFinite(ms)) {
      this.misuse.warn(`${metric} latency of ${ms} ms for account ${labels.account}`);
      return;
    }
    // Start and end can be stamped by different clocks (a channel's order time, another process):
    // a small skew must not turn into a negative latency.
    const latency = Math.max(0, ms);
    const { latency: key } = this.redis.keys;
    const le = leLabel(LATENCY_BUCKETS_MS[bucketIndex(latency)]);
    await this.send(
      this.redis.client
        .pipeline()
        .hincrby(key, latencyField(metric, labels, { kind: 'bucket', le }), 1)
        .hincrbyfloat(key, latencyField(metric, labels, { kind: 'sum' }), latency),
    );
  }

  /** Adds `by` (default 1) to a counter of this account and channel; counters never go down. */
  async increment(metric: CounterMetric, labels: MetricLabels, by = 1): Promise<void> {
    if (!Number.isFinite(by) || by < 0) {
      this.misuse.warn(`${metric} incremented by ${by} for account ${labels.account}`);
      return;
    }
    if (by === 0) return;
    // HINCRBYFLOAT for every counter: rate_limit_wait_ms may grow by fractions, and one command for
    // all keeps a field from ever holding a float that HINCRBY would then refuse.
    await this.send(this.redis.client.pipeline().hincrbyfloat(this.redis.keys.counters, counterField(metric, labels), by));
  }

  /** Every process's measurements, added up, with percentiles estimated from the buckets. */
  async snapshot(): Promise<SyncMetricsSnapshot> {
    const [latency, counters] = await Promise.all([
      this.redis.client.hgetall(this.redis.keys.latency),
      this.redis.client.hgetall(this.redis.keys.counters),
    ]);
    return snapshotFromHashes(latency, counters);
  }

  private async send(pipeline: ChainableCommander): Promise<void> {
    try {
      const results = (await pipeline.exec()) ?? [];
      const failure = results.find(([error]) => error)?.[0];
      if (failure) this.dropped.warn(failure);
    } catch (error) {
      this.dropped.warn(error);
    }
  }
}
