import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LeakyBucket, type Clock } from '@urikiri/connector-sdk';
import { RequestLog, type FaultInjector, type SeededRandom } from '@urikiri/connector-sdk/testing';
import { SHOPIFY_ACCESS_TOKEN_HEADER, SHOPIFY_API_VERSION, SHOPIFY_MAX_QUERY_COST } from '../shopify-api.constants';
import type { ShopifyCost, ShopifyGraphqlAnswer } from '../shopify-wire.types';
import { recognise } from './shopify-graphql.recognizer';
import type { ShopifyGraphqlResolver } from './shopify-graphql.resolver';

export interface ShopifyBucketSettings {
  maximumAvailable: number;
  restoreRate: number;
}

export interface ShopifySandboxServerOptions {
  resolver: ShopifyGraphqlResolver;
  /** Shared with the resolver, which asks it for per-item failures. */
  faults: FaultInjector;
  random: SeededRandom;
  clock: Clock;
  bucket: ShopifyBucketSettings;
  latencyMs?: number | { min: number; max: number };
  /** True when the shop refuses this access token (wrong, or the app was uninstalled). */
  accessRefused: (token: string | undefined) => boolean;
}

export interface ShopifySandboxServer {
  readonly url: string;
  readonly faults: FaultInjector;
  readonly requests: RequestLog;
  /** The app's cost bucket on this shop: what is free now, and a way to spend it as another worker of the app would. */
  readonly bucket: { available(): number; consume(points: number): void };
  close(): Promise<void>;
}

const GRAPHQL_PATH = /^\/admin\/api\/([^/]+)\/graphql\.json$/;

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-shopify-api-version': SHOPIFY_API_VERSION, ...headers });
  res.end(JSON.stringify(body));
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Shopify's single GraphQL endpoint on an ephemeral 127.0.0.1 port. The kit's createSandboxServer
 * ties one operation to each method and path; here every operation shares one path, so the same
 * steps run after the body tells which operation a call is: latency, maintenance window, injected
 * fault, access token, the shop's cost bucket (THROTTLED, as Shopify answers it), then the resolver.
 * Calls are logged under the connector's operation names (push, read, catalogue, orders).
 */
export async function startShopifySandboxServer(options: ShopifySandboxServerOptions): Promise<ShopifySandboxServer> {
  const { clock, random, resolver, faults } = options;
  const requests = new RequestLog();
  const bucket = new LeakyBucket({
    capacity: options.bucket.maximumAvailable,
    leakPerSecond: options.bucket.restoreRate,
    clock,
  });
  const throttleStatus = () => ({
    maximumAvailable: options.bucket.maximumAvailable,
    currentlyAvailable: Math.floor(bucket.available()),
    restoreRate: options.bucket.restoreRate,
  });
  const latency = (): number => {
    const l = options.latencyMs ?? 0;
    return typeof l === 'number' ? l : random.int(l.min, l.max);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = clock();
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const raw = await readBody(req);
    let itemCount: number | null = null;
    const log = (operation: string, status: number, fault: string | null) =>
      requests.add({ at, method, path, operation, status, itemCount, fault });

    const version = GRAPHQL_PATH.exec(path)?.[1];
    if (method !== 'POST' || version !== SHOPIFY_API_VERSION) {
      log('unknown', 404, null);
      json(res, 404, { errors: 'Not Found' });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      log('unknown', 400, null);
      json(res, 400, { errors: { query: 'Required parameter missing or invalid' } });
      return;
    }
    const call = recognise(body);
    if (typeof call === 'string') {
      log('unknown', 200, null);
      json(res, 200, { errors: [{ message: call, extensions: { code: 'undefinedField' } }] });
      return;
    }
    const operation = call.operation;
    const delay = latency();
    if (delay > 0) {
      await sleep(delay);
    }
    const window = faults.activeMaintenance(operation);
    if (window) {
      log(operation, 503, 'maintenance');
      json(res, 503, { errors: 'Service Unavailable' }, { 'retry-after': String(window.retryAfterSeconds) });
      return;
    }
    const fault = faults.take(operation);
    if (fault?.kind === 'rate-limit') {
      log(operation, 429, fault.kind);
      json(res, 429, { errors: [{ message: 'Too many requests', extensions: { code: 'THROTTLED' } }] }, {
        'retry-after': String(fault.retryAfterSeconds),
      });
      return;
    }
    if (fault?.kind === 'server-error') {
      const status = fault.status ?? 500;
      log(operation, status, fault.kind);
      const retryAfter: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      json(res, status, { errors: status === 503 ? 'Service Unavailable' : 'Internal Server Error' }, retryAfter);
      return;
    }
    if (fault?.kind === 'timeout') {
      // Never answer: the client's timeout fires, or close() drops the socket.
      log(operation, 0, fault.kind);
      return;
    }
    const token = req.headers[SHOPIFY_ACCESS_TOKEN_HEADER];
    if (options.accessRefused(typeof token === 'string' ? token : undefined)) {
      log(operation, 401, null);
      json(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
      return;
    }
    if (call.requestedCost > SHOPIFY_MAX_QUERY_COST) {
      log(operation, 200, null);
      json(res, 200, {
        errors: [
          {
            message: `Query cost is ${call.requestedCost}, which exceeds the single query max cost limit (${SHOPIFY_MAX_QUERY_COST}).`,
            extensions: { code: 'MAX_COST_EXCEEDED', cost: call.requestedCost, maxCost: SHOPIFY_MAX_QUERY_COST },
          },
        ],
      });
      return;
    }
    if (bucket.available() < call.requestedCost) {
      log(operation, 200, 'throttled');
      const cost: ShopifyCost = { requestedQueryCost: call.requestedCost, actualQueryCost: null, throttleStatus: throttleStatus() };
      json(res, 200, {
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
        extensions: { cost },
      });
      return;
    }

    const resolution = resolver.resolve(call);
    let answer: ShopifyGraphqlAnswer<unknown>;
    if (resolution.kind === 'errors') {
      answer = { errors: resolution.errors };
    } else {
      itemCount = resolution.itemCount;
      // Shopify checks the bucket against the requested cost but charges what the query really cost.
      const actual = Math.min(call.actualCost(resolution.returned), call.requestedCost);
      bucket.tryAdd(actual);
      answer = {
        data: resolution.data,
        extensions: { cost: { requestedQueryCost: call.requestedCost, actualQueryCost: actual, throttleStatus: throttleStatus() } },
      };
    }
    if (fault?.kind === 'lost-response') {
      log(operation, 0, fault.kind);
      res.socket?.destroy();
      return;
    }
    log(operation, 200, null);
    json(res, 200, answer);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A sandbox bug must show in the test output, not hang the client.
      if (!res.headersSent) {
        json(res, 500, { errors: [{ message: error instanceof Error ? (error.stack ?? error.message) : String(error), extensions: { code: 'SANDBOX_BUG' } }] });
      }
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    requests,
    bucket: {
      available: () => bucket.available(),
      consume: (points) => {
        bucket.tryAdd(Math.min(points, bucket.available()));
      },
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
