import { randomUUID } from 'node:crypto';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { createRedisClient, type RedisClient } from '../../redis/redis-client';
import { type RedisKeyspace, redisKeyspace } from '../../redis/redis-keyspace';

/**
 * A holder that dies (a killed worker) frees the lock after this; a living holder renews it every
 * third of it however long its ingestion takes (a poll waiting for the channel's order budget), so
 * it only has to outlast a renewal that comes late, not the work.
 */
const LEASE_MS = 5000;
const RENEW_MS = LEASE_MS / 3;
const RETRY_MS = 20;
/** Releases the lock only if this holder still owns it (a lease that expired may belong to another). */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
/** Extends the lease only if this holder still owns it. */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/**
 * One ingestion at a time per channel account, across every process. Two at once (a scheduled poll,
 * a poll asked for after a refused push, a webhook, reconciliation catching up) would each see the
 * other's events as duplicates and could declare the account caught up while the first was still
 * bringing a sale into the ledger — and reconciliation would then "repair" that sale away.
 */
@Injectable()
export class AccountIngestionLock implements OnApplicationShutdown {
  private readonly redis: RedisClient;
  private readonly keyspace: RedisKeyspace;

  constructor(config: AppConfig) {
    this.redis = createRedisClient(config.redis, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.keyspace = redisKeyspace(config.queuePrefix);
  }

  async run<T>(accountId: string, work: () => Promise<T>): Promise<T> {
    const key = this.keyspace.key('ingestion-lock', accountId);
    const token = randomUUID();
    while ((await this.redis.set(key, token, 'PX', LEASE_MS, 'NX')) !== 'OK') {
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
    // A renewal that fails (Redis away for a moment) is tried again at the next tick; the lease covers three.
    const renewal = setInterval(() => void this.redis.eval(RENEW, 1, key, token, LEASE_MS).catch(() => undefined), RENEW_MS);
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      await this.redis.eval(RELEASE, 1, key, token);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
