import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { createRedisClient, type RedisClient } from '../redis/redis-client';
import { redisKeyspace } from '../redis/redis-keyspace';
import { type MetricsKeys, metricsKeys } from './metrics-keys';
import { ThrottledWarning } from './throttled-warning';

/**
 * The Redis connection of the metrics, apart from the queues' connections. A measurement is worth
 * less than the push it measures, so it must never hold one up or pile up in memory while Redis is
 * away: commands wait only while a connection is being made, fail together as soon as an attempt
 * fails (their callers drop them), and one that gets no answer gives up after two seconds.
 */
@Injectable()
export class MetricsRedis implements OnApplicationShutdown {
  readonly client: RedisClient;
  readonly keys: MetricsKeys;
  private readonly logger = new Logger(MetricsRedis.name);
  private readonly connectionTrouble = new ThrottledWarning(this.logger, 'The metrics connection to Redis failed; it keeps retrying');

  constructor(config: AppConfig) {
    this.keys = metricsKeys(redisKeyspace(config.queuePrefix));
    this.client = createRedisClient(config.redis, { maxRetriesPerRequest: 0, commandTimeout: 2000 });
    this.client.on('error', (error: unknown) => this.connectionTrouble.warn(error));
  }

  async onApplicationShutdown(): Promise<void> {
    try {
      // QUIT waits for the replies of writes already sent, so the last jobs' measurements are kept.
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
