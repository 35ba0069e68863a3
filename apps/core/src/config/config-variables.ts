import { isKnownTimeZone } from '@urikiri/zoned-time';
import { z } from 'zod';
import { BUNDLED_CONNECTOR_PACKAGES } from '../sync/connectors/bundled-connector-packages';

/**
 * Every environment variable the service reads. The description, the sensitive flag, the accepted
 * values and the default are data, so the start-up error, the redaction in logs and the table in
 * docs/configuration.md all come from this one place.
 */
export interface ConfigVariable<T> {
  readonly description: string;
  /** Secrets (credentials, keys): never echoed in errors or logs. */
  readonly sensitive: boolean;
  /** What a valid value looks like, phrased to complete "<NAME> must be …". */
  readonly accepted: string;
  /** The default as written in the docs; absent when the variable is optional without a default. */
  readonly defaultText?: string;
  readonly schema: z.ZodType<T, string | undefined>;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const ROLES = ['api', 'worker', 'scheduler', 'all'] as const;
export type Role = (typeof ROLES)[number];

const API_KEY_PATTERN = /^uk_[A-Za-z0-9_-]{32,}$/;
const NPM_PACKAGE_NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;

function hasProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const REDIS_URL_LIST_ACCEPTED = 'comma-separated redis:// or rediss:// URLs, each with a host and a port, all with the same scheme, user, password';

/**
 * Entries that name servers of one Redis deployment. ioredis applies one set of credentials and one
 * TLS choice to all of them, so URLs that disagree would silently lose all but the first.
 */
function redisUrlList(options: { database: boolean }) {
  return z
    .string()
    .refine((value) => {
      const entries = value.split(',').map((entry) => entry.trim());
      if (!entries.every((entry) => hasProtocol(entry, ['redis:', 'rediss:']))) return false;
      const urls = entries.map((entry) => new URL(entry));
      const shared = (url: URL) => [url.protocol, url.username, url.password, url.pathname.replace(/^\/$/, '')].join(' ');
      const database = (url: URL) => url.pathname.replace(/^\//, '');
      return (
        urls.every((url) => url.hostname !== '' && url.port !== '' && url.search === '' && shared(url) === shared(urls[0])) &&
        urls.every((url) => (options.database ? /^\d*$/.test(database(url)) : database(url) === ''))
      );
    })
    .optional()
    .transform((value) => value?.split(',').map((entry) => entry.trim()));
}

/** `https://admin.example.com[:port]`, exactly as a browser sends it in the Origin header. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
}

const integer = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((value) => value ?? fallback);

export const CONFIG_VARIABLES = {
  PORT: {
    description: 'TCP port of the HTTP API. 0 picks a free port.',
    sensitive: false,
    accepted: 'an integer from 0 to 65535',
    defaultText: '3000',
    schema: integer(0, 65535, 3000),
  },
  HOST: {
    description: 'Address the HTTP API binds to; `0.0.0.0` to accept connections from other machines.',
    sensitive: false,
    accepted: 'a host name or IP address without spaces',
    defaultText: '127.0.0.1',
    schema: z
      .string()
      .regex(/^[^\s/]+$/)
      .optional()
      .transform((value) => value ?? '127.0.0.1'),
  },
  DATABASE_URL: {
    description:
      'Where the ledger lives. Absent: the embedded SQLite file `./data/urikiri.sqlite` (directory created). ' +
      '`postgres://user:password@host:5432/db`: PostgreSQL. `sqlite:<path>`: another SQLite file.',
    sensitive: true,
    accepted: 'a postgres:// or postgresql:// URL, or sqlite: followed by a file path',
    schema: z
      .string()
      .refine((value) => hasProtocol(value, ['postgres:', 'postgresql:']) || /^sqlite:.+/.test(value))
      .optional(),
  },
  REDIS_URL: {
    description:
      'Redis for the job queues (BullMQ). When it is not set and nothing answers on the default, a private ' +
      '`redis-server` is started if one is on the PATH.',
    sensitive: true,
    accepted: 'a redis:// or rediss:// URL',
    defaultText: 'redis://127.0.0.1:6379',
    schema: z
      .string()
      .refine((value) => hasProtocol(value, ['redis:', 'rediss:']))
      .optional(),
  },
  REDIS_CLUSTER_NODES: {
    description:
      'A Redis Cluster instead of REDIS_URL: some of its nodes, comma-separated (the rest are discovered), e.g. ' +
      '`redis://:password@10.0.0.1:6379,redis://:password@10.0.0.2:6379`. The user, password and TLS (`rediss://`) ' +
      'of the URLs apply to every node.',
    sensitive: true,
    accepted: `${REDIS_URL_LIST_ACCEPTED} and no database number (a cluster has only database 0)`,
    schema: redisUrlList({ database: false }),
  },
  REDIS_SENTINELS: {
    description:
      'Redis behind Sentinel instead of REDIS_URL: the Sentinels, comma-separated, e.g. ' +
      '`redis://:password@10.0.0.1:26379,redis://:password@10.0.0.2:26379`. The user, password, database and TLS ' +
      '(`rediss://`) of the URLs are those of the master the Sentinels name; with REDIS_SENTINEL_NAME.',
    sensitive: true,
    accepted: `${REDIS_URL_LIST_ACCEPTED} and database`,
    schema: redisUrlList({ database: true }),
  },
  REDIS_SENTINEL_NAME: {
    description: 'The master group the Sentinels of REDIS_SENTINELS watch (`sentinel monitor <name> …`).',
    sensitive: false,
    accepted: 'letters, digits, ".", "_" or "-"',
    schema: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/)
      .optional(),
  },
  REDIS_SENTINEL_PASSWORD: {
    description: 'Password of the Sentinels themselves, when they require one (`requirepass` in sentinel.conf).',
    sensitive: true,
    accepted: 'any text',
    schema: z.string().optional(),
  },
  URIKIRI_ADMIN_KEY: {
    description:
      'An admin API key to install at start-up (stored hashed). Without it, the first start on the embedded default creates one and prints it once.',
    sensitive: true,
    accepted: 'uk_ followed by at least 32 letters, digits, "_" or "-"',
    schema: z.string().regex(API_KEY_PATTERN).optional(),
  },
  ROLE: {
    description:
      'What this process runs: `api` (HTTP only), `worker` (job processors), `scheduler` (repeating job schedules) or `all`.',
    sensitive: false,
    accepted: `one of ${ROLES.join(', ')}`,
    defaultText: 'all',
    schema: z
      .enum(ROLES)
      .optional()
      .transform((value) => value ?? 'all'),
  },
  LOG_LEVEL: {
    description: 'Lowest level written to the JSON log on stdout.',
    sensitive: false,
    accepted: `one of ${LOG_LEVELS.join(', ')}`,
    defaultText: 'info',
    schema: z
      .enum(LOG_LEVELS)
      .optional()
      .transform((value) => value ?? 'info'),
  },
  TIMEZONE: {
    description:
      'Time zone of dates sent without one (purchase order arrivals, reservation expiry, movement filters): ' +
      '`2026-12-04 20:00` is 20:00 there. Stored times are UTC.',
    sensitive: false,
    accepted: 'an IANA time zone name such as Asia/Tokyo or UTC',
    defaultText: 'Asia/Tokyo',
    schema: z
      .string()
      .refine(isKnownTimeZone)
      .optional()
      .transform((value) => value ?? 'Asia/Tokyo'),
  },
  RESERVATION_EXPIRY_INTERVAL_MS: {
    description: 'How often expired reservations (cart holds) are released, in milliseconds.',
    sensitive: false,
    accepted: 'an integer from 100 to 86400000',
    defaultText: '60000',
    schema: integer(100, 86_400_000, 60_000),
  },
  LEDGER_CHECKPOINT_INTERVAL_MS: {
    description:
      'How often the ledger writes a checkpoint of every stock level, so replay verification starts there ' +
      'instead of at the first movement ever written. In milliseconds.',
    sensitive: false,
    accepted: 'an integer from 1000 to 604800000',
    defaultText: '21600000',
    schema: integer(1000, 604_800_000, 21_600_000),
  },
  QUEUE_PREFIX: {
    description:
      'Names the installation in Redis: every key the service keeps there (queues, rate limits, sessions, metrics) ' +
      'starts with `{<prefix>}:`, so several installations can share one Redis. The braces are a Redis Cluster hash ' +
      'tag: all keys of an installation live in one slot.',
    sensitive: false,
    accepted: 'letters, digits, "_" or "-", at most 64 characters',
    defaultText: 'urikiri',
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional()
      .transform((value) => value ?? 'urikiri'),
  },
  QUEUE_LOCK_DURATION_MS: {
    description:
      'How long a job a worker took stays locked to it without a renewal (renewed every half of it while the job runs). ' +
      'A worker process that dies (killed, out of memory, its machine gone) holds its jobs for up to this long, plus ' +
      'QUEUE_STALLED_INTERVAL_MS, before another worker takes them up. Shorter recovers sooner; too short for a worker ' +
      'whose event loop stalls (a long synchronous task, a paused VM) lets a second worker run a job still running.',
    sensitive: false,
    accepted: 'an integer from 1000 to 600000',
    defaultText: '30000',
    schema: integer(1000, 600_000, 30_000),
  },
  QUEUE_STALLED_INTERVAL_MS: {
    description:
      'How often each worker process looks for jobs whose lock has expired (their worker died) and puts them back in ' +
      'their queue. A job found so more than once is failed instead, so a job that kills its worker cannot loop.',
    sensitive: false,
    accepted: 'an integer from 1000 to 600000',
    defaultText: '30000',
    schema: integer(1000, 600_000, 30_000),
  },
  CONNECTOR_PACKAGES: {
    description:
      'Comma-separated npm packages that provide channel connectors. The ones in this repository are built into ' +
      'the service; any other name is loaded from node_modules (`npm install <package>` first).',
    sensitive: false,
    accepted: 'comma-separated npm package names',
    defaultText: BUNDLED_CONNECTOR_PACKAGES.join(','),
    schema: z
      .string()
      .refine((value) => value.split(',').every((name) => NPM_PACKAGE_NAME.test(name.trim())))
      .optional()
      .transform((value) => (value ?? BUNDLED_CONNECTOR_PACKAGES.join(',')).split(',').map((name) => name.trim())),
  },
  CONNECTORS_DIR: {
    description:
      'Directory whose `node_modules` holds connector packages that are not built in (resolved as Node would from there).',
    sensitive: false,
    accepted: 'a directory path',
    defaultText: 'the working directory',
    schema: z.string().min(1).optional(),
  },
  CREDENTIALS_KEY: {
    description:
      'Secret that encrypts channel credentials at rest (AES-256-GCM). Every process must share it. Absent: a key ' +
      'is generated once into `./data/credentials.key`, which suits a single machine only.',
    sensitive: true,
    accepted: 'at least 32 characters',
    schema: z.string().min(32).optional(),
  },
  ORDER_POLL_INTERVAL_MS: {
    description: 'How often each channel account is asked for new orders (one poll per interval across all replicas).',
    sensitive: false,
    accepted: 'an integer from 200 to 3600000',
    defaultText: '10000',
    schema: integer(200, 3_600_000, 10_000),
  },
  WEBHOOK_POLL_INTERVAL_MS: {
    description:
      'How often an account whose order webhooks are arriving is polled as well, as a safety net for lost deliveries. ' +
      'An account with no webhook for that long is polled every ORDER_POLL_INTERVAL_MS again.',
    sensitive: false,
    accepted: 'an integer from 1000 to 86400000',
    defaultText: '60000',
    schema: integer(1000, 86_400_000, 60_000),
  },
  RECONCILE_INTERVAL_MS: {
    description: 'How often each channel account\'s quantities are read back and compared with the ledger.',
    sensitive: false,
    accepted: 'an integer from 10000 to 604800000',
    defaultText: '3600000',
    schema: integer(10_000, 604_800_000, 3_600_000),
  },
  OUTBOX_RELAY_INTERVAL_MS: {
    description:
      'How often a worker turns committed ledger changes (outbox rows) into allocation jobs. Sales ingested from ' +
      'channels skip this wait; it bounds the delay of API changes and of changes left by a crashed process.',
    sensitive: false,
    accepted: 'an integer from 10 to 60000',
    defaultText: '100',
    schema: integer(10, 60_000, 100),
  },
  PUSH_MAX_FAILURES: {
    description: 'Failed pushes in a row after which a listing is set aside as a dead letter (visible, retried on demand).',
    sensitive: false,
    accepted: 'an integer from 1 to 100',
    defaultText: '8',
    schema: integer(1, 100, 8),
  },
  PUSH_RETRY_BASE_MS: {
    description: 'Backoff of a failed push: the n-th failure waits a random time up to base × 2^(n−1), capped by PUSH_RETRY_MAX_MS.',
    sensitive: false,
    accepted: 'an integer from 1 to 600000',
    defaultText: '500',
    schema: integer(1, 600_000, 500),
  },
  PUSH_RETRY_MAX_MS: {
    description: 'Longest backoff between two attempts of a failing push.',
    sensitive: false,
    accepted: 'an integer from 1 to 3600000',
    defaultText: '60000',
    schema: integer(1, 3_600_000, 60_000),
  },
  ALERT_WEBHOOK_URL: {
    description: 'Where alerts (oversell, dead letter, drift, low stock) are POSTed as JSON. Absent: alerts are only logged.',
    sensitive: true,
    accepted: 'an http:// or https:// URL',
    schema: z
      .string()
      .refine((value) => hasProtocol(value, ['http:', 'https:']))
      .optional(),
  },
  LOW_STOCK_THRESHOLD: {
    description: 'A SKU whose available stock falls to this many units or fewer raises a low-stock alert.',
    sensitive: false,
    accepted: 'an integer from 0 to 1000000',
    defaultText: '5',
    schema: integer(0, 1_000_000, 5),
  },
  ORDER_RETENTION_DAYS: {
    description:
      'How long order lines and received event ids are kept. Only ids and quantities are stored: no buyer data.',
    sensitive: false,
    accepted: 'an integer from 1 to 3650',
    defaultText: '90',
    schema: integer(1, 3650, 90),
  },
  RATE_LIMIT_PER_KEY: {
    description:
      'Requests per minute one API key (or one dashboard session) may make to the API (a burst of that many at once, then that rate). Beyond it ' +
      'the answer is 429 with Retry-After. Counted in Redis, so the limit holds across every API process. Channel ' +
      'webhooks and /health are not counted. 0 turns the limit off.',
    sensitive: false,
    accepted: 'an integer from 0 to 1000000',
    defaultText: '6000',
    schema: integer(0, 1_000_000, 6000),
  },
  RATE_LIMIT_PER_IP: {
    description:
      'Requests per minute from one client address to the API, with or without a key, counted like RATE_LIMIT_PER_KEY. ' +
      'Behind a proxy, set TRUST_PROXY_HOPS so that the client, not the proxy, is counted. 0 turns the limit off.',
    sensitive: false,
    accepted: 'an integer from 0 to 1000000',
    defaultText: '12000',
    schema: integer(0, 1_000_000, 12_000),
  },
  TRUST_PROXY_HOPS: {
    description:
      'How many reverse proxies (load balancer, TLS terminator) stand in front of the service. Their X-Forwarded-For ' +
      'and X-Forwarded-Proto are then believed: the client address the rate limit counts, and whether the request ' +
      'came over HTTPS. 0: the address of the connection itself, and headers that claim otherwise are ignored.',
    sensitive: false,
    accepted: 'an integer from 0 to 10',
    defaultText: '0',
    schema: integer(0, 10, 0),
  },
  HSTS_MAX_AGE: {
    description:
      'Seconds a browser must keep to HTTPS once it has seen the service over HTTPS (Strict-Transport-Security). Sent ' +
      'only on answers to HTTPS requests, which the service sees through a trusted proxy (TRUST_PROXY_HOPS) that ' +
      'terminates TLS. 0: never sent.',
    sensitive: false,
    accepted: 'an integer from 0 to 63072000',
    defaultText: '31536000',
    schema: integer(0, 63_072_000, 31_536_000),
  },
  CORS_ORIGINS: {
    description:
      'Web origins whose pages may call the API from a browser, comma-separated, e.g. `https://admin.example.com`. ' +
      'Absent: none, so browsers refuse cross-origin calls (other clients are not affected by CORS).',
    sensitive: false,
    accepted: 'comma-separated origins, each http:// or https:// with a host, an optional port and nothing after it',
    schema: z
      .string()
      .refine((value) => value.split(',').every((origin) => isOrigin(origin.trim())))
      .optional()
      .transform((value) => (value ?? '').split(',').map((origin) => origin.trim()).filter(Boolean)),
  },
} satisfies Record<string, ConfigVariable<unknown>>;

export type ConfigVariableName = keyof typeof CONFIG_VARIABLES;

export type RawConfig = {
  [K in ConfigVariableName]: z.output<(typeof CONFIG_VARIABLES)[K]['schema']>;
};
