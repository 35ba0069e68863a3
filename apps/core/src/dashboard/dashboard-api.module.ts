import { MikroORM } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { StockQueryService } from '@urikiri/inventory';
import { AppConfig } from '../config/app-config';
import { LedgerModule } from '../inventory/ledger.module';
import { ChangeFeed } from './change-feed.service';
import { EventsController } from './events.controller';
import { StockOverviewController } from './stock-overview.controller';
import { StockOverviewQuery } from './stock-overview.query';

/** The routes only the dashboard needs: the stock list across channels and the live event stream. */
@Module({
  imports: [LedgerModule],
  controllers: [StockOverviewController, EventsController],
  providers: [
    ChangeFeed,
    {
      provide: StockOverviewQuery,
      inject: [MikroORM, StockQueryService, AppConfig],
      useFactory: (orm: MikroORM, stock: StockQueryService, config: AppConfig) =>
        new StockOverviewQuery(orm, stock, config.sync.lowStockThreshold),
    },
  ],
})
export class DashboardApiModule {}
