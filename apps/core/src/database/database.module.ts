import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { MigrationRunner } from './migration-runner.service';
import { createOrmOptions } from './orm-options';

/**
 * One MikroORM for the process, migrated at start. No request-context middleware: the ledger and the
 * services fork an EntityManager for every call and job, and the global one refuses to be used
 * (allowGlobalContext: false), so a forgotten fork fails loudly instead of sharing state.
 */
@Module({})
export class DatabaseModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        MikroOrmModule.forRootAsync({
          driver: config.database.dialect === 'postgresql' ? PostgreSqlDriver : BetterSqliteDriver,
          useFactory: () => ({ ...createOrmOptions(config.database), registerRequestContext: false }),
        }),
      ],
      providers: [MigrationRunner],
    };
  }
}
