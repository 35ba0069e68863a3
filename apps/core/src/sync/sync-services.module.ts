import { MikroORM } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { InventoryLedger } from '@urikiri/inventory';
import {
  AllocationPlanner,
  ChannelDirectory,
  CredentialCipher,
  ListingCsvImport,
  ListingDiscovery,
  ListingService,
  OrderIngestor,
  PushExecutor,
  Reconciler,
  ReturnsDestination,
} from '@urikiri/sync';
import { AppConfig } from '../config/app-config';
import { LedgerModule } from '../inventory/ledger.module';
import { AlertService } from './alerts/alert.service';
import { credentialsKey } from './connectors/credentials-key';
import { SyncConnectors } from './connectors/sync-connectors.service';
import { AccountIngestionLock } from './pipeline/account-ingestion-lock';
import { WebhookPulse } from './pipeline/webhook-pulse';
import { OrderPolling } from './pipeline/order-polling.service';
import { PushQueues } from './pipeline/push-queues';
import { SyncDispatcher } from './pipeline/sync-dispatcher.service';
import { RuleSetStore } from './rules/rule-set-store';

/**
 * The sync library's framework-free classes as providers, plus what every role needs to enqueue
 * sync work. Processors and schedules are added by SyncModule per ROLE; controllers by SyncApiModule.
 */
@Module({
  imports: [LedgerModule],
  providers: [
    SyncConnectors,
    RuleSetStore,
    PushQueues,
    SyncDispatcher,
    AlertService,
    AccountIngestionLock,
    WebhookPulse,
    OrderPolling,
    { provide: CredentialCipher, inject: [AppConfig], useFactory: (config: AppConfig) => new CredentialCipher(credentialsKey(config.sync.credentialsKey)) },
    {
      provide: ChannelDirectory,
      inject: [MikroORM, CredentialCipher, SyncConnectors],
      useFactory: (orm: MikroORM, cipher: CredentialCipher, connectors: SyncConnectors) =>
        new ChannelDirectory(orm, cipher, (account, credentials) => connectors.create(account, credentials)),
    },
    { provide: ListingService, inject: [MikroORM], useFactory: (orm: MikroORM) => new ListingService(orm) },
    {
      provide: AllocationPlanner,
      inject: [MikroORM, RuleSetStore],
      useFactory: (orm: MikroORM, rules: RuleSetStore) => new AllocationPlanner(orm, async () => (await rules.active()).compiled),
    },
    {
      provide: PushExecutor,
      inject: [MikroORM, ChannelDirectory, AppConfig],
      useFactory: (orm: MikroORM, directory: ChannelDirectory, config: AppConfig) =>
        new PushExecutor(orm, directory, {
          maxFailures: config.sync.push.maxFailures,
          backoffBaseMs: config.sync.push.retryBaseMs,
          backoffMaxMs: config.sync.push.retryMaxMs,
          random: Math.random,
        }),
    },
    { provide: ReturnsDestination, inject: [MikroORM], useFactory: (orm: MikroORM) => new ReturnsDestination(orm) },
    {
      provide: OrderIngestor,
      inject: [MikroORM, InventoryLedger],
      useFactory: (orm: MikroORM, ledger: InventoryLedger) => new OrderIngestor(orm, ledger),
    },
    { provide: ListingCsvImport, inject: [MikroORM], useFactory: (orm: MikroORM) => new ListingCsvImport(orm) },
    {
      provide: ListingDiscovery,
      inject: [MikroORM, ChannelDirectory],
      useFactory: (orm: MikroORM, directory: ChannelDirectory) => new ListingDiscovery(orm, directory),
    },
    {
      provide: Reconciler,
      inject: [MikroORM, ChannelDirectory, OrderPolling],
      // Drift is judged only once the account's orders are fetched past the channel's answer.
      useFactory: (orm: MikroORM, directory: ChannelDirectory, polling: OrderPolling) =>
        new Reconciler(orm, directory, { ingestionToleranceMs: 0, catchUp: (accountId) => polling.catchUp(accountId) }),
    },
  ],
  exports: [
    WebhookPulse,
    ReturnsDestination,
    ListingCsvImport,
    ListingDiscovery,
    Reconciler,
    LedgerModule,
    SyncConnectors,
    RuleSetStore,
    PushQueues,
    SyncDispatcher,
    AlertService,
    OrderPolling,
    CredentialCipher,
    ChannelDirectory,
    ListingService,
    AllocationPlanner,
    PushExecutor,
    OrderIngestor,
  ],
})
export class SyncServicesModule {}
