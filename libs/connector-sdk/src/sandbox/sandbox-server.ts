import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RateLimit } from '../manifest/manifest.schema';
import { LeakyBucket } from '../rate-limit/leaky-bucket';
import { TokenBucket, type Clock } from '../rate-limit/token-bucket';
import { BodyParseError, parseBody } from './body-codec';
import { FaultInjector, type Fault } from './fault-injector';
import { RequestLog } from './request-log';
import { RouteMatcher } from './route-matcher';
import { jsonResponse, type SandboxRequest, type SandboxResponse, type SandboxRoute } from './sandbox-http';
import { SeededRandom } from './seeded-random';

/** The channel's own error bodies; each must set Retry-After itself where the channel does. */
export interface SandboxErrorResponses {
  rateLimited(retryAfterSeconds: number): SandboxResponse;
  serverError(status: number): SandboxResponse;
  maintenance(retryAfterSeconds: number): SandboxResponse;
  notFound(method: string, path: string): SandboxResponse;
  badRequest(message: string): SandboxResponse;
}

export const defaultErrorResponses: SandboxErrorResponses = {
  rateLimited: (s) => jsonResponse(429, { error: { code: 'rate_limited', message: 'Too many requests' } }, { 'retry-after': String(s) }),
  serverError: (status) => jsonResponse(status, { error: { code: 'server_error', message: 'Internal error' } }),
  maintenance: (s) => jsonResponse(503, { error: { code: 'maintenance', message: 'Under maintenance' } }, { 'retry-after': String(s) }),
  notFound: (method, path) => jsonResponse(404, { error: { code: 'no_route', message: `No route for ${method} ${path}` } }),
  badRequest: (message) => jsonResponse(400, { error: { code: 'bad_request', message } }),
};

export interface SandboxServerOptions {
  routes: readonly SandboxRoute[];
  /** Seed for latency jitter and random faults; same seed, same run. */
  seed?: number;
  /** Added before every answer: a fixed delay or a range drawn from the seed. */
  latencyMs?: number | { min: number; max: number };
  /** The channel's limits per operation; a call over the limit gets `errorResponses.rateLimited`. */
  rateLimits?: Partial<Record<string, RateLimit>>;
  errorResponses?: Partial<SandboxErrorResponses>;
  clock?: Clock;
  /** Share one generator with the channel model (tokens, ids); made from `seed` when left out. */
  random?: SeededRandom;
}

export interface SandboxServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly faults: FaultInjector;
  readonly requests: RequestLog;
  close(): Promise<void>;
}

interface Limiter {
  tryTake(): boolean;
  msUntilAvailable(): number;
}

function limiterFor(limit: RateLimit, clock: Clock): Limiter {
  if (limit.kind === 'token-bucket') {
    const bucket = new TokenBucket({ ratePerSecond: limit.ratePerSecond, burst: limit.burst, clock });
    return { tryTake: () => bucket.tryTake(), msUntilAvailable: () => bucket.msUntilAvailable() };
  }
  const bucket = new LeakyBucket({ capacity: limit.capacity, leakPerSecond: limit.leakPerSecond, clock });
  return { tryTake: () => bucket.tryAdd(limit.costPerCall), msUntilAvailable: () => bucket.msUntilAvailable(limit.costPerCall) };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The channel's error answer with the Retry-After a fault asked for, keeping one the channel set itself. */
function withRetryAfter(answer: SandboxResponse, retryAfterSeconds: number | undefined): SandboxResponse {
  if (retryAfterSeconds === undefined || Object.keys(answer.headers ?? {}).some((h) => h.toLowerCase() === 'retry-after')) {
    return answer;
  }
  return { ...answer, headers: { ...answer.headers, 'retry-after': String(retryAfterSeconds) } };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Starts a channel sandbox on an ephemeral 127.0.0.1 port. Every call passes, in this order: latency,
 * maintenance window, injected fault, the operation's rate limit, then the channel's handler. Every
 * call is logged with its operation, status and item count.
 */
export async function createSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const clock = options.clock ?? Date.now;
  const random = options.random ?? new SeededRandom(options.seed ?? 1);
  const faults = new FaultInjector(random, clock);
  const requests = new RequestLog();
  const errors: SandboxErrorResponses = { ...defaultErrorResponses, ...options.errorResponses };
  const matcher = new RouteMatcher(options.routes);
  const limiters = new Map<string, Limiter>(
    Object.entries(options.rateLimits ?? {}).flatMap(([op, limit]) => (limit ? [[op, limiterFor(limit, clock)]] : [])),
  );

  const latency = (): number => {
    const l = options.latencyMs ?? 0;
    return typeof l === 'number' ? l : random.int(l.min, l.max);
  };

  const write = (res: ServerResponse, answer: SandboxResponse): void => {
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAt = clock();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawBody = await readBody(req);
    const matched = matcher.match(method, url.pathname);
    let itemCount: number | null = null;
    const log = (operation: string, status: number, fault: string | null) =>
      requests.add({ at: arrivedAt, method, path: url.pathname, operation, status, itemCount, fault });

    if (!matched) {
      const answer = errors.notFound(method, url.pathname);
      log('unknown', answer.status, null);
      write(res, answer);
      return;
    }
    const { route, params } = matched;
    const delay = latency();
    if (delay > 0) {
      await sleep(delay);
    }

    const window = faults.activeMaintenance(route.operation);
    if (window) {
      const answer = errors.maintenance(window.retryAfterSeconds);
      log(route.operation, answer.status, 'maintenance');
      write(res, answer);
      return;
    }

    const fault: Fault | null = faults.take(route.operation);
    if (fault?.kind === 'rate-limit') {
      const answer = errors.rateLimited(fault.retryAfterSeconds);
      log(route.operation, answer.status, fault.kind);
      write(res, answer);
      return;
    }
    if (fault?.kind === 'server-error') {
      const answer = withRetryAfter(errors.serverError(fault.status ?? 500), fault.retryAfterSeconds);
      log(route.operation, answer.status, fault.kind);
      write(res, answer);
      return;
    }
    if (fault?.kind === 'timeout') {
      // Never answer: the client's timeout fires, or close() drops the socket.
      log(route.operation, 0, fault.kind);
      return;
    }

    const limiter = limiters.get(route.operation);
    if (limiter && !limiter.tryTake()) {
      const answer = errors.rateLimited(Math.max(1, Math.ceil(limiter.msUntilAvailable() / 1000)));
      log(route.operation, answer.status, null);
      write(res, answer);
      return;
    }

    let body: unknown;
    try {
      body = parseBody(req.headers['content-type'], rawBody);
    } catch (error) {
      if (!(error instanceof BodyParseError)) {
        throw error;
      }
      const answer = errors.badRequest(error.message);
      log(route.operation, answer.status, null);
      write(res, answer);
      return;
    }

    const request: SandboxRequest = {
      method,
      path: url.pathname,
      params,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      body,
      countItems: (count) => {
        itemCount = count;
      },
    };
    const answer = await route.handler(request);
    if (fault?.kind === 'lost-response') {
      log(route.operation, 0, fault.kind);
      res.socket?.destroy();
      return;
    }
    log(route.operation, answer.status, null);
    write(res, answer);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A handler bug must show in the test output, not hang the client.
      const message = error instanceof Error ? error.stack ?? error.message : String(error);
      if (!res.headersSent) {
        write(res, jsonResponse(500, { error: { code: 'sandbox_bug', message } }));
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
    port,
    faults,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
