import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ConnectionOptions } from 'bullmq';
import type { Cluster } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { createRedisClient } from '../redis/redis-client';
import { standaloneOptions } from '../redis/redis-connection-options';
import { redisKeyspace } from '../redis/redis-keyspace';

/**
 * What every BullMQ queue and worker of the service is given: where Redis is and the installation's
 * key prefix. On one server or behind Sentinel these are options, and each queue and worker opens and
 * closes its own connections, as BullMQ prefers. A Redis Cluster can only be handed to BullMQ as a
 * connected client, which BullMQ shares and never closes: this one is closed here, at shutdown, after
 * the workers have stopped (they stop before shutdown) and after HTTP has stopped taking requests.
 */
@Injectable()
export class QueueConnection implements OnApplicationShutdown {
  readonly connection: ConnectionOptions;
  readonly prefix: string;
  private readonly cluster: Cluster | undefined;

  constructor(config: AppConfig) {
    this.prefix = redisKeyspace(config.queuePrefix).bullPrefix;
    if (config.redis.mode === 'cluster') {
      // Workers block on their own duplicate of this client; BullMQ requires both never to give up a command.
      this.cluster = createRedisClient(config.redis, { maxRetriesPerRequest: null }) as Cluster;
      this.connection = this.cluster;
    } else {
      this.connection = standaloneOptions(config.redis);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.cluster) return;
    try {
      await this.cluster.quit();
    } catch {
      this.cluster.disconnect();
    }
  }
}
