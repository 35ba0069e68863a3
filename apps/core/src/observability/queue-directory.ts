import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { QueueConnection } from '../queue/queue-connection';
import { createRedisClient, type RedisClient } from '../redis/redis-client';
import { MetricsRedis } from './metrics-redis';
import { QueueCatalog } from './queue-catalog';
import { ThrottledWarning } from './throttled-warning';

/**
 * Makes the queue catalogue installation-wide. Push queues are opened per account, on first use, by
 * whichever process needs one: mostly workers. An API process that never opened an account's queue
 * must still show its depth and list it on the board, so every registration is recorded in a Redis
 * set, and `refresh()` opens (on one shared connection) the queues other processes recorded.
 */
@Injectable()
export class QueueDirectory implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueDirectory.name);
  private readonly trouble = new ThrottledWarning(this.logger, 'The installation-wide list of queues could not be updated or read');
  /** Registered here by their owner: recorded in Redis, again after every reconnect (Redis may have restarted empty). */
  private readonly owned = new Set<string>();
  /** Opened here because another process recorded them. */
  private readonly discovered = new Map<string, Queue>();
  private connection: RedisClient | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly catalog: QueueCatalog,
    private readonly redis: MetricsRedis,
    private readonly config: AppConfig,
    private readonly queueConnection: QueueConnection,
  ) {
    catalog.subscribe({ registered: (queue) => this.registered(queue), unregistered: (name) => this.unregistered(name) });
    redis.client.on('ready', () => this.record([...this.owned]));
  }

  /** Opens what other processes recorded and closes what they removed; concurrent callers share one run. */
  refresh(): Promise<void> {
    this.refreshing ??= this.sync()
      .catch((error: unknown) => this.trouble.warn(error))
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  async onApplicationShutdown(): Promise<void> {
    const queues = [...this.discovered.values()];
    this.discovered.clear();
    await Promise.all(queues.map((queue) => queue.close()));
    this.connection?.disconnect();
  }

  private async sync(): Promise<void> {
    const recorded = new Set(await this.redis.client.smembers(this.redis.keys.queues));
    for (const name of recorded) {
      if (this.catalog.has(name)) continue;
      const queue = new Queue(name, { connection: this.sharedConnection(), prefix: this.queueConnection.prefix });
      this.discovered.set(name, queue);
      this.catalog.register(queue);
    }
    for (const [name, queue] of this.discovered) {
      if (recorded.has(name)) continue;
      this.discovered.delete(name);
      this.catalog.unregister(name);
      await queue.close();
    }
  }

  private registered(queue: Queue): void {
    const opened = this.discovered.get(queue.name);
    if (opened === queue) return;
    if (opened) {
      // The owner opened it here too: its instance replaces the one opened for display.
      this.discovered.delete(queue.name);
      void opened.close().catch((error: unknown) => this.trouble.warn(error));
    }
    this.owned.add(queue.name);
    this.record([queue.name]);
  }

  private unregistered(name: string): void {
    if (this.discovered.has(name)) return;
    this.owned.delete(name);
    this.redis.client.srem(this.redis.keys.queues, name).catch((error: unknown) => this.trouble.warn(error));
  }

  private record(names: string[]): void {
    // While disconnected the 'ready' handler records everything owned, so nothing is lost by skipping.
    if (names.length === 0 || this.redis.client.status !== 'ready') return;
    this.redis.client.sadd(this.redis.keys.queues, ...names).catch((error: unknown) => this.trouble.warn(error));
  }

  private sharedConnection(): RedisClient {
    // Queues only send commands (no blocking reads), so one connection serves every discovered queue.
    if (!this.connection) {
      this.connection = createRedisClient(this.config.redis, { maxRetriesPerRequest: null });
      this.connection.on('error', (error: unknown) => this.trouble.warn(error));
    }
    return this.connection;
  }
}
