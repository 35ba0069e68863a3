import { BUNDLED_CONNECTOR_PACKAGES } from '../sync/connectors/bundled-connector-packages';
import { resolve } from 'node:path';
import { CONFIG_VARIABLES } from './config-variables';
import { ConfigError, loadConfig } from './load-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, '/srv/urikiri');
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs on the embedded default with no variables at all', () => {
    const config = loadConfig({}, '/srv/urikiri');
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      database: { dialect: 'sqlite', path: resolve('/srv/urikiri', 'data/urikiri.sqlite'), embeddedDefault: true },
      redis: { mode: 'single', url: 'redis://127.0.0.1:6379', explicit: false },
      adminKey: undefined,
      role: 'all',
      logLevel: 'info',
      timeZone: 'Asia/Tokyo',
      reservationExpiryIntervalMs: 60_000,
      ledgerCheckpointIntervalMs: 21_600_000,
      queuePrefix: 'urikiri',
      sync: {
        connectorPackages: [...BUNDLED_CONNECTOR_PACKAGES],
        connectorsDir: expect.any(String),
        credentialsKey: undefined,
        orderPollIntervalMs: 10_000,
        reconcileIntervalMs: 3_600_000,
        outboxRelayIntervalMs: 100,
        alertWebhookUrl: undefined,
        lowStockThreshold: 5,
        orderRetentionDays: 90,
        push: { maxFailures: 8, retryBaseMs: 500, retryMaxMs: 60_000 },
      },
      security: {
        rateLimit: { perKeyPerMinute: 6000, perIpPerMinute: 12_000 },
        trustProxyHops: 0,
        hstsMaxAgeSeconds: 31_536_000,
        corsOrigins: [],
      },
    });
  });

  it('picks PostgreSQL or another SQLite file from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/stock' }).database).toEqual({
      dialect: 'postgresql',
      url: 'postgres://u:p@db:5432/stock',
    });
    expect(loadConfig({ DATABASE_URL: 'sqlite:var/ledger.sqlite' }, '/srv').database).toEqual({
      dialect: 'sqlite',
      path: '/srv/var/ledger.sqlite',
      embeddedDefault: false,
    });
  });

  it('marks REDIS_URL explicit only when it is set, and treats an empty variable as unset', () => {
    expect(loadConfig({ REDIS_URL: 'redis://cache:6380/2' }).redis).toEqual({ mode: 'single', url: 'redis://cache:6380/2', explicit: true });
    expect(loadConfig({ REDIS_URL: '', PORT: '' })).toMatchObject({ port: 3000, redis: { explicit: false } });
  });

  it('opens CORS only to the origins named, exactly as browsers send them', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://admin.example.com, http://localhost:5173' }).security.corsOrigins).toEqual([
      'https://admin.example.com',
      'http://localhost:5173',
    ]);
    expect(problemsOf({ CORS_ORIGINS: 'https://admin.example.com/' })).toEqual([
      'CORS_ORIGINS must be comma-separated origins, each http:// or https:// with a host, an optional port and nothing after it, but "https://admin.example.com/" is not.',
    ]);
    expect(problemsOf({ CORS_ORIGINS: '*' })).toHaveLength(1);
  });

  it.each([
    ['PORT', 'eighty', 'PORT must be an integer from 0 to 65535, but "eighty" is not.'],
    ['PORT', '70000', 'PORT must be an integer from 0 to 65535, but "70000" is not.'],
    ['ROLE', 'web', 'ROLE must be one of api, worker, scheduler, all, but "web" is not.'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, but "loud" is not.'],
    ['TIMEZONE', 'Mars/Olympus', 'TIMEZONE must be an IANA time zone name such as Asia/Tokyo or UTC, but "Mars/Olympus" is not.'],
    ['RESERVATION_EXPIRY_INTERVAL_MS', '5', 'RESERVATION_EXPIRY_INTERVAL_MS must be an integer from 100 to 86400000, but "5" is not.'],
    ['HOST', 'my host', 'HOST must be a host name or IP address without spaces, but "my host" is not.'],
    ['QUEUE_PREFIX', 'a:b', 'QUEUE_PREFIX must be letters, digits, "_" or "-", at most 64 characters, but "a:b" is not.'],
  ])('stops on a wrong %s with one sentence naming it', (name, value, sentence) => {
    expect(problemsOf({ [name]: value })).toEqual([sentence]);
  });

  it('never repeats the value of a secret', () => {
    const problems = problemsOf({
      DATABASE_URL: 'mysql://root:hunter2@db/stock',
      REDIS_URL: 'http://:hunter2@cache',
      URIKIRI_ADMIN_KEY: 'hunter2',
    });
    expect(problems).toEqual([
      'DATABASE_URL must be a postgres:// or postgresql:// URL, or sqlite: followed by a file path, but the value given is not.',
      'REDIS_URL must be a redis:// or rediss:// URL, but the value given is not.',
      'URIKIRI_ADMIN_KEY must be uk_ followed by at least 32 letters, digits, "_" or "-", but the value given is not.',
    ]);
    expect(problems.join(' ')).not.toContain('hunter2');
  });

  it('describes every variable and flags the secrets', () => {
    for (const variable of Object.values(CONFIG_VARIABLES)) {
      expect(variable.description.length).toBeGreaterThan(20);
      expect(typeof variable.sensitive).toBe('boolean');
    }
    const secrets = Object.entries(CONFIG_VARIABLES).filter(([, variable]) => variable.sensitive).map(([name]) => name);
    expect(secrets).toEqual(['DATABASE_URL', 'REDIS_URL', 'URIKIRI_ADMIN_KEY', 'CREDENTIALS_KEY', 'ALERT_WEBHOOK_URL']);
  });
});
