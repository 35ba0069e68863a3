import type { LogLevel, Role } from './config-variables';

export type DatabaseConfig =
  | { readonly dialect: 'sqlite'; readonly path: string; readonly embeddedDefault: boolean }
  | { readonly dialect: 'postgresql'; readonly url: string };

/** Where Redis is: one server, a Redis Cluster, or a master found through Sentinels. */
export type RedisConfig =
  | {
      readonly mode: 'single';
      readonly url: string;
      /** False when REDIS_URL was not set: only then may start-up fall back to a private redis-server. */
      readonly explicit: boolean;
    }
  | {
      readonly mode: 'cluster';
      /** Seed nodes; their credentials and TLS apply to every node. */
      readonly nodes: readonly string[];
    }
  | {
      readonly mode: 'sentinel';
      /** The Sentinels; credentials, database and TLS of these URLs are the master's. */
      readonly sentinels: readonly string[];
      readonly name: string;
      readonly sentinelPassword: string | undefined;
    };

/** The validated configuration, injected under the `AppConfig` class token. */
export abstract class AppConfig {
  abstract readonly port: number;
  abstract readonly host: string;
  abstract readonly database: DatabaseConfig;
  abstract readonly redis: RedisConfig;
  abstract readonly adminKey: string | undefined;
  abstract readonly role: Role;
  abstract readonly logLevel: LogLevel;
  abstract readonly timeZone: string;
  abstract readonly reservationExpiryIntervalMs: number;
  abstract readonly ledgerCheckpointIntervalMs: number;
  abstract readonly queuePrefix: string;
  abstract readonly queueLocks: QueueLockConfig;
  abstract readonly sync: SyncConfig;
  abstract readonly security: SecurityConfig;
}

/** How long a dead worker's jobs wait before another worker takes them up (BullMQ's lock and stalled check). */
export interface QueueLockConfig {
  readonly lockDurationMs: number;
  readonly stalledIntervalMs: number;
}

export interface SecurityConfig {
  /** Requests per minute; 0: no limit. */
  readonly rateLimit: { readonly perKeyPerMinute: number; readonly perIpPerMinute: number };
  /** Reverse proxies in front whose forwarding headers are believed. */
  readonly trustProxyHops: number;
  /** 0: no Strict-Transport-Security. */
  readonly hstsMaxAgeSeconds: number;
  /** Empty: no cross-origin browser access. */
  readonly corsOrigins: readonly string[];
}

export interface SyncConfig {
  readonly connectorPackages: readonly string[];
  /** Where non-bundled connector packages are resolved from. */
  readonly connectorsDir: string;
  /** Absent: a generated key file under ./data. */
  readonly credentialsKey: string | undefined;
  readonly orderPollIntervalMs: number;
  /** Scheduled polls of an account whose webhooks arrive: once per this interval. */
  readonly webhookPollIntervalMs: number;
  readonly reconcileIntervalMs: number;
  readonly outboxRelayIntervalMs: number;
  readonly alertWebhookUrl: string | undefined;
  readonly lowStockThreshold: number;
  readonly orderRetentionDays: number;
  readonly push: { readonly maxFailures: number; readonly retryBaseMs: number; readonly retryMaxMs: number };
}

export function runsApi(config: AppConfig): boolean {
  return config.role === 'api' || config.role === 'all';
}

export function runsWorker(config: AppConfig): boolean {
  return config.role === 'worker' || config.role === 'all';
}

export function runsScheduler(config: AppConfig): boolean {
  return config.role === 'scheduler' || config.role === 'all';
}
