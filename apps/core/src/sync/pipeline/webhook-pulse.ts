import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { createRedisClient, type RedisClient } from '../../redis/redis-client';
import { type RedisKeyspace, redisKeyspace } from '../../redis/redis-keyspace';

/**
 * Whether an account's order webhooks are arriving. While they are, its scheduled order polls (and
 * those after a refused push, whose sale a webhook is about to bring) are only a safety net for lost
 * deliveries and run once per WEBHOOK_POLL_INTERVAL_MS: polling every few seconds would only spend
 * the channel's request budget that pushes need. Once no webhook has arrived for that long (never set up,
 * or stopped), polling goes back to ORDER_POLL_INTERVAL_MS by itself. Kept in Redis, so every
 * process agrees; losing it only means a few extra polls.
 */
@Injectable()
export class WebhookPulse implements OnApplicationShutdown {
  private readonly redis: RedisClient;
  private readonly keyspace: RedisKeyspace;

  constructor(private readonly config: AppConfig) {
    this.redis = createRedisClient(config.redis, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.keyspace = redisKeyspace(config.queuePrefix);
  }

  /** A webhook of the account was ingested. */
  async seen(accountId: string): Promise<void> {
    await this.redis.set(this.key('webhook-seen', accountId), '1', 'PX', this.config.sync.webhookPollIntervalMs);
  }

  /** Whether a safety-net poll of the account should run now: always without webhooks, once per interval with them. */
  async safetyPollDue(accountId: string): Promise<boolean> {
    if ((await this.redis.exists(this.key('webhook-seen', accountId))) === 0) return true;
    return (await this.redis.set(this.key('safety-poll', accountId), '1', 'PX', this.config.sync.webhookPollIntervalMs, 'NX')) === 'OK';
  }

  private key(kind: string, accountId: string): string {
    return this.keyspace.key(kind, accountId);
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
