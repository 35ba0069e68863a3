import { getQueueToken } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ALL_QUEUES } from '../queue/queue-names';
import { MetricsRedis } from './metrics-redis';
import { QueueCatalog } from './queue-catalog';
import { QueueDirectory } from './queue-directory';
import { SyncMetrics } from './sync-metrics';

/**
 * Measuring, in every role: SyncMetrics to record sync latencies and counters, QueueCatalog to make
 * queues visible. Global, so the sync module injects them without importing anything. The HTTP side
 * (/metrics, /api/v1/sync/metrics, /queues) is ObservabilityApiModule, present only where ROLE serves HTTP.
 */
@Global()
@Module({
  providers: [
    MetricsRedis,
    SyncMetrics,
    {
      provide: QueueCatalog,
      // The fixed queues are known from the start; per-account queues are registered as they open.
      inject: ALL_QUEUES.map((name) => getQueueToken(name)),
      useFactory: (...queues: Queue[]) => {
        const catalog = new QueueCatalog();
        for (const queue of queues) catalog.register(queue);
        return catalog;
      },
    },
    QueueDirectory,
  ],
  exports: [SyncMetrics, QueueCatalog, QueueDirectory],
})
export class ObservabilityModule {}
