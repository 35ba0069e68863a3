import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { createRedisClient, type RedisClient } from '../../redis/redis-client';
import { type RedisKeyspace, redisKeyspace } from '../../redis/redis-keyspace';
import { GCRA_SCRIPT } from './gcra.lua';

export const RATE_WINDOW_MS = 60_000;

export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** Requests still allowed right now. */
  remaining: number;
  /** Milliseconds until the next request is allowed (0 when allowed). */
  retryAfterMs: number;
  /** Milliseconds until the bucket is full again. */
  resetMs: number;
}

type RedisWithGcra = RedisClient & {
  gcraTake(key: string, intervalUs: number, windowUs: number): Promise<[number, number, number]>;
};

/** How often Redis being unreachable is logged: once per minute is enough to be noticed. */
const WARN_EVERY_MS = 60_000;

/**
 * Buckets of requests per minute, kept in the installation's Redis keyspace. When Redis does not answer the
 * request is let through (and that is logged): the ledger staying reachable in a Redis outage matters
 * more than the limit, and the queues are down then anyway.
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly redis: RedisWithGcra;
  private readonly keyspace: RedisKeyspace;
  private lastWarning = 0;

  constructor(config: AppConfig) {
    this.keyspace = redisKeyspace(config.queuePrefix);
    this.redis = createRedisClient(config.redis, {
      // Connected before the app listens (onModuleInit), so the first requests are counted too.
      lazyConnect: true,
      // A request must not wait for Redis to come back: fail fast, let it through.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 1000,
    }) as RedisWithGcra;
    this.redis.defineCommand('gcraTake', { numberOfKeys: 1, lua: GCRA_SCRIPT });
    this.redis.on('error', () => undefined);
  }

  async onModuleInit(): Promise<void> {
    await this.redis.connect().catch((error: unknown) => this.warnUnavailable(error));
  }

  /** Takes one request from `bucket` (e.g. `key:<hash>`, `ip:<address>`), which holds `perMinute`. */
  async take(bucket: string, perMinute: number): Promise<RateDecision> {
    const intervalUs = Math.ceil((RATE_WINDOW_MS * 1000) / perMinute);
    try {
      const [allowed, retryAfterUs, aheadUs] = await this.redis.gcraTake(this.keyspace.key('rate-limit', bucket), intervalUs, RATE_WINDOW_MS * 1000);
      const remaining = Math.max(0, Math.floor((RATE_WINDOW_MS * 1000 - aheadUs) / intervalUs));
      return { allowed: allowed === 1, limit: perMinute, remaining, retryAfterMs: Math.ceil(retryAfterUs / 1000), resetMs: Math.ceil(aheadUs / 1000) };
    } catch (error) {
      this.warnUnavailable(error);
      return { allowed: true, limit: perMinute, remaining: perMinute, retryAfterMs: 0, resetMs: 0 };
    }
  }

  private warnUnavailable(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn({ err: error }, 'Rate limits are not applied: Redis did not answer. Requests are let through until it does.');
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
