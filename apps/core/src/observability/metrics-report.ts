import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { type QueueDepth, QueueDepths } from './queue-depths';
import { SyncMetrics } from './sync-metrics';
import type { SyncMetricsSnapshot } from './sync-metrics-snapshot';

/** What /metrics and /api/v1/sync/metrics show: the sync measurements and the queues' depths. */
export interface SyncMetricsReport extends SyncMetricsSnapshot {
  queues: QueueDepth[];
}

@Injectable()
export class MetricsReport {
  constructor(
    private readonly metrics: SyncMetrics,
    private readonly depths: QueueDepths,
  ) {}

  async read(): Promise<SyncMetricsReport> {
    const [snapshot, queues] = await Promise.all([
      this.metrics.snapshot().catch((error: unknown) => {
        // 503, not 500: Prometheus marks the target down, which is what happened to the store.
        throw new ServiceUnavailableException(
          `The metrics could not be read from Redis: ${error instanceof Error ? error.message : String(error)}`,
        );
      }),
      this.depths.read(),
    ]);
    return { ...snapshot, queues };
  }
}
