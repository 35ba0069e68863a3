import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { createRedisClient, type RedisClient } from '../redis/redis-client';
import { type RedisKeyspace, redisKeyspace } from '../redis/redis-keyspace';
import { SESSION_TTL_SECONDS } from './session-cookie';

/**
 * Dashboard sessions, kept in Redis so every API process knows them and signing out ends a session
 * everywhere. A session names only the API key it was opened with: the guard checks that key on
 * every request, so revoking the key ends its sessions too. Stored under the token's SHA-256, so
 * reading Redis yields no usable cookie.
 */
@Injectable()
export class SessionStore implements OnModuleDestroy {
  private readonly redis: RedisClient;
  private readonly keyspace: RedisKeyspace;

  constructor(config: AppConfig) {
    this.redis = createRedisClient(config.redis, { lazyConnect: true, maxRetriesPerRequest: 2 });
    this.keyspace = redisKeyspace(config.queuePrefix);
  }

  /** A new session for the key; the token goes into the cookie and nowhere else. */
  async open(apiKeyId: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(this.keyOf(token), String(apiKeyId), 'EX', SESSION_TTL_SECONDS);
    return token;
  }

  /** The API key id of a live session, or null for an unknown or expired token. */
  async apiKeyIdOf(token: string): Promise<number | null> {
    const stored = await this.redis.get(this.keyOf(token));
    const id = stored === null ? NaN : Number(stored);
    return Number.isInteger(id) ? id : null;
  }

  async close(token: string): Promise<void> {
    await this.redis.del(this.keyOf(token));
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }

  private keyOf(token: string): string {
    return this.keyspace.key('session', createHash('sha256').update(token, 'utf8').digest('hex'));
  }
}
