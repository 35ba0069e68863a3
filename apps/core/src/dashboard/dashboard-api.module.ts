import { MikroORM } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { StockQueryService } from '@urikiri/inventory';
import { AllocationPlanner } from '@urikiri/sync';
import { AppConfig } from '../config/app-config';
import { RuleSetStore } from '../sync/rules/rule-set-store';
import { SyncServicesModule } from '../sync/sync-services.module';
import { ChangeFeed } from './change-feed.service';
import { EventsController } from './events.controller';
import { StockOverviewController } from './stock-overview.controller';
import { StockOverviewQuery } from './stock-overview.query';
import { StockRisks } from './stock-risks';

/** The routes only the dashboard needs: the stock list across channels and the live event stream. */
@Module({
  imports: [SyncServicesModule],
  controllers: [StockOverviewController, EventsController],
  providers: [
    ChangeFeed,
    {
      provide: StockOverviewQuery,
      inject: [MikroORM, StockQueryService, AppConfig, AllocationPlanner, RuleSetStore],
      useFactory: (orm: MikroORM, stock: StockQueryService, config: AppConfig, planner: AllocationPlanner, rules: RuleSetStore) =>
        new StockOverviewQuery(orm, stock, config.sync.lowStockThreshold, new StockRisks(planner, rules)),
    },
  ],
})
export class DashboardApiModule {}
