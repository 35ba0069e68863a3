import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, runsApi } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { loggerOptions } from '../logging/logger-options';
import { ObservabilityModule } from '../observability/observability.module';
import { QueueModule } from '../queue/queue.module';
import { ApiModule } from './api.module';
import { ShutdownLogger } from './shutdown-logger.service';

/** The whole service for one validated configuration; ROLE decides which parts are present. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        DatabaseModule.register(config),
        QueueModule.register(config),
        ObservabilityModule,
        ...(runsApi(config) ? [ApiModule] : []),
      ],
      providers: [ShutdownLogger],
    };
  }
}
