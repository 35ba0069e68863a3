import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '../config/app-config';
import { createRedisClient, type RedisClient } from '../redis/redis-client';
import { withTimeout } from './with-timeout';

/**
 * Pings the Redis the queues use, on a connection of its own that fails a command at once while
 * disconnected (the queues' connections wait for Redis to return, which a health check must not).
 */
@Injectable()
export class RedisHealthIndicator implements OnApplicationShutdown {
  private readonly client: RedisClient;

  constructor(
    config: AppConfig,
    private readonly indicators: HealthIndicatorService,
  ) {
    this.client = createRedisClient(config.redis, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    // Failures are reported by ping(); without a listener ioredis would also print each one.
    this.client.on('error', () => undefined);
  }

  async ping(key: string, timeoutMs = 1000) {
    const check = this.indicators.check(key);
    try {
      if (this.client.status === 'wait') await this.client.connect();
      await withTimeout(this.client.ping(), timeoutMs, 'Redis');
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}
