import { type INestApplicationContext, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pino from 'pino';
import { API_PREFIX, createApp } from './app/create-app';
import { listenUrl } from './app/listen-url';
import { type AppConfig, runsApi } from './config/app-config';
import { ConfigError, loadConfig } from './config/load-config';
import { DOCS_PATH } from './openapi/openapi.setup';
import { RedisUnavailableError, redisAtStartup } from './redis/redis-startup';

// tools/scripts/start.js watches for this event to print where the service listens.
const LISTENING_EVENT = 'listening';

function isHttpApp(app: INestApplicationContext, config: AppConfig): app is NestExpressApplication {
  return runsApi(config);
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // Nest's logger exists only once the app does; what happens before it is logged the same way.
  const log = pino({ level: config.logLevel, base: { service: 'urikiri-core', role: config.role } });
  const redis = await redisAtStartup(config.redis, (url) =>
    log.warn(
      { redis: url },
      'Nothing answered on redis://127.0.0.1:6379, so a private redis-server was started for this process; ' +
        'it keeps queues in memory only and stops with the service. Set REDIS_URL to use a Redis of your own.',
    ),
  );
  const effective: AppConfig = { ...config, redis: redis.redis };
  const app = await createApp(effective);
  // Through the app's logger from here on, so these lines keep their order with the app's own.
  const logger = new Logger('Main');
  if (!isHttpApp(app, effective)) {
    await app.init();
    logger.log({ role: effective.role }, 'Started without HTTP');
    return;
  }
  await app.listen(effective.port, effective.host);
  const url = listenUrl(app.getHttpServer(), effective.host);
  logger.log(
    { event: LISTENING_EVENT, url, api: `${url}/${API_PREFIX}`, docs: `${url}/${DOCS_PATH}` },
    `urikiri core is listening on ${url}`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof RedisUnavailableError) {
    process.stderr.write(`urikiri cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(`urikiri cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
