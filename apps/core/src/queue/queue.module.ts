import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { AppConfig, runsScheduler, runsWorker } from '../config/app-config';
import { LedgerModule } from '../inventory/ledger.module';
import { SimulationProcessor } from '../simulation/simulation.processor';
import { LedgerCheckpointProcessor } from './ledger-checkpoint/ledger-checkpoint.processor';
import { LedgerCheckpointScheduler } from './ledger-checkpoint/ledger-checkpoint.scheduler';
import { QueueConnection } from './queue-connection';
import { ALL_QUEUES } from './queue-names';
import { QueueStateWatch } from './queue-state-watch.service';
import { ReservationExpiryProcessor } from './reservation-expiry/reservation-expiry.processor';
import { ReservationExpiryScheduler } from './reservation-expiry/reservation-expiry.scheduler';
import { AlertDeliveryProcessor } from '../sync/alerts/alert-delivery.processor';
import { AccountSchedules } from '../sync/pipeline/account-schedules.service';
import { AllocationProcessor } from '../sync/pipeline/allocation.processor';
import { LostWorkRecovery } from '../sync/pipeline/lost-work-recovery.service';
import { MaintenanceProcessor } from '../sync/pipeline/maintenance.processor';
import { OrdersProcessor } from '../sync/pipeline/orders.processor';
import { OutboxRelay } from '../sync/pipeline/outbox-relay.service';
import { PushWorkers } from '../sync/pipeline/push-workers.service';
import { SyncServicesModule } from '../sync/sync-services.module';

/**
 * The queues every role can enqueue to; processors only where ROLE includes `worker`, schedules only
 * where it includes `scheduler`, so API, workers and schedulers scale apart.
 */
@Module({})
export class QueueModule {
  static register(config: AppConfig): DynamicModule {
    const providers: Provider[] = [
      ...(runsWorker(config)
        ? [
            ReservationExpiryProcessor,
            LedgerCheckpointProcessor,
            OutboxRelay,
            AllocationProcessor,
            PushWorkers,
            OrdersProcessor,
            AlertDeliveryProcessor,
            MaintenanceProcessor,
            SimulationProcessor,
          ]
        : []),
      ...(runsScheduler(config) ? [ReservationExpiryScheduler, LedgerCheckpointScheduler, AccountSchedules, LostWorkRecovery, QueueStateWatch] : []),
    ];
    return {
      module: QueueModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [QueueConnection],
          useFactory: (queues: QueueConnection) => ({ connection: queues.connection, prefix: queues.prefix }),
        }),
        BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
        LedgerModule,
        SyncServicesModule,
      ],
      providers: [QueueConnection, ...providers],
      exports: [BullModule, QueueConnection],
    };
  }
}
