import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MetricsController } from './metrics.controller';
import { MetricsReport } from './metrics-report';
import { QueueDepths } from './queue-depths';
import { QueuesBoard } from './queues-board';
import { QueuesBoardAuth } from './queues-board-auth';
import { SyncMetricsController } from './sync-metrics.controller';

/** /metrics, /api/v1/sync/metrics and the board at /queues (mounted by mountQueuesBoard). */
@Module({
  imports: [AuthModule],
  controllers: [MetricsController, SyncMetricsController],
  providers: [QueueDepths, MetricsReport, QueuesBoard, QueuesBoardAuth],
})
export class ObservabilityApiModule {}
