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
      queueLocks: { lockDurationMs: 30_000, stalledIntervalMs: 30_000 },
      sync: {
        connectorPackages: [...BUNDLED_CONNECTOR_PACKAGES],
        connectorsDir: expect.any(String),
        credentialsKey: undefined,
        orderPollIntervalMs: 10_000,
      webhookPollIntervalMs: 60_000,
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

  it('reads a Redis Cluster or Sentinels instead of REDIS_URL', () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'redis://:pw@n1:7000, redis://:pw@n2:7001' }).redis).toEqual({
      mode: 'cluster',
      nodes: ['redis://:pw@n1:7000', 'redis://:pw@n2:7001'],
    });
    expect(loadConfig({ REDIS_SENTINELS: 'redis://s1:26379,redis://s2:26379', REDIS_SENTINEL_NAME: 'mymaster' }).redis).toEqual({
      mode: 'sentinel',
      sentinels: ['redis://s1:26379', 'redis://s2:26379'],
      name: 'mymaster',
      sentinelPassword: undefined,
    });
  });

  it.each([
    ['a host without a port', 'redis://n1:7000,redis://n2'],
    ['another scheme', 'redis://n1:7000,http://n2:7001'],
    ['URLs that disagree on the password', 'redis://:a@n1:7000,redis://:b@n2:7001'],
    ['URLs that disagree on TLS', 'redis://n1:7000,rediss://n2:7001'],
    ['a database number', 'redis://n1:7000/1'],
    ['a bare address', 'n1:7000'],
  ])('refuses REDIS_CLUSTER_NODES with %s, without repeating it', (_, value) => {
    expect(problemsOf({ REDIS_CLUSTER_NODES: value })).toEqual([
      'REDIS_CLUSTER_NODES must be comma-separated redis:// or rediss:// URLs, each with a host and a port, all with the same scheme, user, password and no database number (a cluster has only database 0), but the value given is not.',
    ]);
  });

  it('refuses Sentinels whose URLs name different databases', () => {
    expect(problemsOf({ REDIS_SENTINELS: 'redis://s1:26379/1,redis://s2:26379/2', REDIS_SENTINEL_NAME: 'm' })).toEqual([
      'REDIS_SENTINELS must be comma-separated redis:// or rediss:// URLs, each with a host and a port, all with the same scheme, user, password and database, but the value given is not.',
    ]);
  });

  it('takes one way to reach Redis, and the Sentinel settings only together', () => {
    expect(problemsOf({ REDIS_URL: 'redis://cache:6379', REDIS_CLUSTER_NODES: 'redis://n1:7000' })).toEqual([
      'Set only one of REDIS_URL, REDIS_CLUSTER_NODES and REDIS_SENTINELS, but REDIS_URL and REDIS_CLUSTER_NODES are set.',
    ]);
    expect(problemsOf({ REDIS_SENTINELS: 'redis://s1:26379' })).toEqual([
      'REDIS_SENTINEL_NAME must name the master group the Sentinels watch when REDIS_SENTINELS is set, but it is not set.',
    ]);
    expect(problemsOf({ REDIS_SENTINEL_NAME: 'mymaster', REDIS_SENTINEL_PASSWORD: 'pw' })).toEqual([
      'REDIS_SENTINEL_NAME is used only with REDIS_SENTINELS, which is not set: set REDIS_SENTINELS too, or remove REDIS_SENTINEL_NAME.',
      'REDIS_SENTINEL_PASSWORD is used only with REDIS_SENTINELS, which is not set: set REDIS_SENTINELS too, or remove REDIS_SENTINEL_PASSWORD.',
    ]);
    expect(problemsOf({ REDIS_SENTINELS: 'redis://s1:26379', REDIS_SENTINEL_NAME: 'my master' })).toEqual([
      'REDIS_SENTINEL_NAME must be letters, digits, ".", "_" or "-", but "my master" is not.',
    ]);
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
    expect(secrets).toEqual(['DATABASE_URL', 'REDIS_URL', 'REDIS_CLUSTER_NODES', 'REDIS_SENTINELS', 'REDIS_SENTINEL_PASSWORD', 'URIKIRI_ADMIN_KEY', 'CREDENTIALS_KEY', 'ALERT_WEBHOOK_URL']);
  });
});
