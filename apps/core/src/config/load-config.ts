import { resolve } from 'node:path';
import { AppConfig, type DatabaseConfig, type RedisConfig } from './app-config';
import { CONFIG_VARIABLES, type ConfigVariableName, type RawConfig } from './config-variables';

export const EMBEDDED_DATABASE_PATH = 'data/urikiri.sqlite';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Start-up stops on this: one sentence per wrong variable, naming it and what is accepted. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

function describeProblem(name: ConfigVariableName, value: string): string {
  const variable = CONFIG_VARIABLES[name];
  const shown = variable.sensitive ? 'the value given' : `"${value}"`;
  return `${name} must be ${variable.accepted}, but ${shown} is not.`;
}

function parseRaw(env: Readonly<Record<string, string | undefined>>): RawConfig {
  const problems: string[] = [];
  const raw: Partial<Record<ConfigVariableName, unknown>> = {};
  for (const name of Object.keys(CONFIG_VARIABLES) as ConfigVariableName[]) {
    // An empty variable (`PORT=`) means "not set", as shells and .env files usually intend.
    const value = env[name] === '' ? undefined : env[name];
    const result = CONFIG_VARIABLES[name].schema.safeParse(value);
    if (result.success) raw[name] = result.data;
    else problems.push(describeProblem(name, value ?? ''));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return raw as RawConfig;
}

/** Exactly one way to reach Redis; the Sentinel settings only together. */
function redisConfig(raw: RawConfig): RedisConfig {
  const given = (['REDIS_URL', 'REDIS_CLUSTER_NODES', 'REDIS_SENTINELS'] as const).filter((name) => raw[name] !== undefined);
  const problems: string[] = [];
  if (given.length > 1) {
    problems.push(`Set only one of REDIS_URL, REDIS_CLUSTER_NODES and REDIS_SENTINELS, but ${given.join(' and ')} are set.`);
  }
  if (raw.REDIS_SENTINELS !== undefined && raw.REDIS_SENTINEL_NAME === undefined) {
    problems.push('REDIS_SENTINEL_NAME must name the master group the Sentinels watch when REDIS_SENTINELS is set, but it is not set.');
  }
  for (const name of ['REDIS_SENTINEL_NAME', 'REDIS_SENTINEL_PASSWORD'] as const) {
    if (raw[name] !== undefined && raw.REDIS_SENTINELS === undefined) {
      problems.push(`${name} is used only with REDIS_SENTINELS, which is not set: set REDIS_SENTINELS too, or remove ${name}.`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  if (raw.REDIS_CLUSTER_NODES) return { mode: 'cluster', nodes: raw.REDIS_CLUSTER_NODES };
  if (raw.REDIS_SENTINELS && raw.REDIS_SENTINEL_NAME) {
    return { mode: 'sentinel', sentinels: raw.REDIS_SENTINELS, name: raw.REDIS_SENTINEL_NAME, sentinelPassword: raw.REDIS_SENTINEL_PASSWORD };
  }
  return { mode: 'single', url: raw.REDIS_URL ?? DEFAULT_REDIS_URL, explicit: raw.REDIS_URL !== undefined };
}

function databaseConfig(url: string | undefined, cwd: string): DatabaseConfig {
  if (url === undefined) {
    return { dialect: 'sqlite', path: resolve(cwd, EMBEDDED_DATABASE_PATH), embeddedDefault: true };
  }
  if (url.startsWith('sqlite:')) {
    return { dialect: 'sqlite', path: resolve(cwd, url.slice('sqlite:'.length)), embeddedDefault: false };
  }
  return { dialect: 'postgresql', url };
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): AppConfig {
  const raw = parseRaw(env);
  return {
    port: raw.PORT,
    host: raw.HOST,
    database: databaseConfig(raw.DATABASE_URL, cwd),
    redis: redisConfig(raw),
    adminKey: raw.URIKIRI_ADMIN_KEY,
    role: raw.ROLE,
    logLevel: raw.LOG_LEVEL,
    timeZone: raw.TIMEZONE,
    reservationExpiryIntervalMs: raw.RESERVATION_EXPIRY_INTERVAL_MS,
    ledgerCheckpointIntervalMs: raw.LEDGER_CHECKPOINT_INTERVAL_MS,
    queuePrefix: raw.QUEUE_PREFIX,
    queueLocks: { lockDurationMs: raw.QUEUE_LOCK_DURATION_MS, stalledIntervalMs: raw.QUEUE_STALLED_INTERVAL_MS },
    sync: {
      connectorPackages: raw.CONNECTOR_PACKAGES,
      connectorsDir: resolve(cwd, raw.CONNECTORS_DIR ?? '.'),
      credentialsKey: raw.CREDENTIALS_KEY,
      orderPollIntervalMs: raw.ORDER_POLL_INTERVAL_MS,
      webhookPollIntervalMs: raw.WEBHOOK_POLL_INTERVAL_MS,
      reconcileIntervalMs: raw.RECONCILE_INTERVAL_MS,
      outboxRelayIntervalMs: raw.OUTBOX_RELAY_INTERVAL_MS,
      alertWebhookUrl: raw.ALERT_WEBHOOK_URL,
      lowStockThreshold: raw.LOW_STOCK_THRESHOLD,
      orderRetentionDays: raw.ORDER_RETENTION_DAYS,
      push: { maxFailures: raw.PUSH_MAX_FAILURES, retryBaseMs: raw.PUSH_RETRY_BASE_MS, retryMaxMs: raw.PUSH_RETRY_MAX_MS },
    },
    security: {
      rateLimit: { perKeyPerMinute: raw.RATE_LIMIT_PER_KEY, perIpPerMinute: raw.RATE_LIMIT_PER_IP },
      trustProxyHops: raw.TRUST_PROXY_HOPS,
      hstsMaxAgeSeconds: raw.HSTS_MAX_AGE,
      corsOrigins: raw.CORS_ORIGINS,
    },
  };
}
