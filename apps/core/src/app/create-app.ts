import { type INestApplicationContext, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { type AppConfig, runsApi } from '../config/app-config';
import { mountQueuesBoard } from '../observability/mount-queues-board';
import { setUpOpenApi } from '../openapi/openapi.setup';
import { serveDashboard } from '../dashboard/serve-dashboard';
import { applyHttpSecurity } from '../security/apply-http-security';
import { AppModule } from './app.module';

export const API_PREFIX = 'api/v1';

/** The HTTP service (ROLE api or all): routes under /api/v1; /health, /metrics, /queues and the docs outside it. */
export async function createHttpApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bufferLogs: true,
    bodyParser: false,
    // Channel webhooks are verified against the exact bytes the channel signed.
    rawBody: true,
    // Errors reach main.ts, which says why start-up failed, instead of Nest exiting on its own.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  applyHttpSecurity(app, config);
  app.useBodyParser('json', { limit: '5mb' });
  // CSV imports arrive as text; a catalogue of tens of thousands of rows is a few megabytes.
  app.useBodyParser('text', { type: ['text/csv', 'text/plain', 'text/yaml', 'application/yaml'], limit: '50mb' });
  // Some channels post webhooks as forms; the connector parses the raw bytes itself.
  app.useBodyParser('urlencoded', { extended: false, limit: '5mb' });
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  mountQueuesBoard(app, config);
  setUpOpenApi(app);
  serveDashboard(app);
  app.enableShutdownHooks();
  return app;
}

/** A process without HTTP (ROLE worker or scheduler): queues and schedules only. */
export async function createBackgroundApp(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.register(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}

export function createApp(config: AppConfig): Promise<INestApplicationContext> {
  return runsApi(config) ? createHttpApp(config) : createBackgroundApp(config);
}
