import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { MigrationRunner } from './migration-runner.service';
import { createOrmOptions } from './orm-options';

/**
 * One MikroORM for the process. The request-context middleware forks the EntityManager per HTTP
 * request; job processors fork their own.
 */
@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...createOrmOptions(config.database), registerRequestContext: true }),
    }),
  ],
  providers: [MigrationRunner],
})
export class DatabaseModule {}
