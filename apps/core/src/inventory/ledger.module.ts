import { MikroORM } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import {
  CatalogCsvService,
  CatalogService,
  InventoryLedger,
  LedgerReplayVerifier,
  StockQueryService,
} from '@urikiri/inventory';

/**
 * The ledger's framework-free classes as Nest providers: one instance of each per process, built on
 * the process's MikroORM. They fork their own EntityManager per call.
 */
@Module({
  providers: [
    { provide: InventoryLedger, inject: [MikroORM], useFactory: (orm: MikroORM) => new InventoryLedger(orm) },
    { provide: CatalogService, inject: [MikroORM], useFactory: (orm: MikroORM) => new CatalogService(orm) },
    { provide: StockQueryService, inject: [MikroORM], useFactory: (orm: MikroORM) => new StockQueryService(orm) },
    { provide: LedgerReplayVerifier, inject: [MikroORM], useFactory: (orm: MikroORM) => new LedgerReplayVerifier(orm) },
    {
      provide: CatalogCsvService,
      inject: [MikroORM, InventoryLedger],
      useFactory: (orm: MikroORM, ledger: InventoryLedger) => new CatalogCsvService(orm, ledger),
    },
  ],
  exports: [InventoryLedger, CatalogService, StockQueryService, LedgerReplayVerifier, CatalogCsvService],
})
export class LedgerModule {}
