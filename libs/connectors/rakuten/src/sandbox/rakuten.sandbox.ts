import type { RateLimit } from '@urikiri/connector-sdk';
import {
  createSandboxServer,
  SeededRandom,
  type ChannelSandbox,
  type SandboxErrorResponses,
  type SandboxRequest,
  type SandboxServerOptions,
} from '@urikiri/connector-sdk/testing';
import { RAKUTEN_API_LIMITS } from '../rakuten-api.limits';
import { esaAuthorization, type RakutenCredentials } from '../rakuten.credentials';
import { inventoryRoutes } from './inventory.routes';
import { itemRoutes } from './item.routes';
import { orderRoutes } from './order.routes';
import { rakutenErrorResponses, unauthorised } from './rakuten-error.responses';
import { RakutenSandboxStock } from './rakuten-sandbox.stock';
import type { RakutenSandboxContext } from './rakuten-sandbox.context';

/** A scheduled RMS maintenance: calls of the listed operations (all when left out) answer 503. */
export interface RakutenMaintenance {
  from: number;
  to: number;
  operations?: readonly ('push' | 'read' | 'catalogue' | 'orders')[];
  retryAfterSeconds?: number;
}

export interface RakutenSandboxOptions {
  /** Same seed, same credentials, latency and random faults. */
  seed?: number;
  latencyMs?: SandboxServerOptions['latencyMs'];
  clock?: () => number;
  /** RMS limits per operation; defaults to RAKUTEN_API_LIMITS (1/s writes, 5/s bulk-get). */
  rateLimits?: Partial<Record<'push' | 'read' | 'catalogue' | 'orders', RateLimit>>;
  /** Throttle, maintenance and server-error answers; RMS's own shapes are unconfirmed. */
  errorResponses?: Partial<SandboxErrorResponses>;
  maintenance?: readonly RakutenMaintenance[];
  /** Prefix of order numbers, the shop's number in RMS. */
  shopNumber?: string;
}

export interface RakutenSandbox extends ChannelSandbox {
  readonly stock: RakutenSandboxStock;
  credentials(): RakutenCredentials;
}

/**
 * A local RMS Web Service: the Inventory API 2.0, Items API 2.0 and RakutenPay order API over a
 * RakutenSandboxStock, with RMS's auth, limits, error bodies and maintenance windows, on an
 * ephemeral 127.0.0.1 port.
 */
export async function createRakutenSandbox(options: RakutenSandboxOptions = {}): Promise<RakutenSandbox> {
  const clock = options.clock ?? Date.now;
  const random = new SeededRandom(options.seed ?? 1);
  const stock = new RakutenSandboxStock({ clock, shopNumber: options.shopNumber });
  const account: RakutenCredentials = {
    serviceSecret: `SP${random.hex(8)}_${random.hex(20)}`,
    licenseKey: `SL${random.hex(8)}_${random.hex(20)}`,
  };
  const expected = esaAuthorization(account);
  let revoked = false;

  const context: RakutenSandboxContext = {
    stock,
    clock,
    faults: () => server.faults,
    refuse: (req: SandboxRequest) => (!revoked && req.headers.authorization === expected ? null : unauthorised()),
  };

  const server = await createSandboxServer({
    random,
    clock,
    latencyMs: options.latencyMs,
    rateLimits: { ...RAKUTEN_API_LIMITS, ...options.rateLimits },
    errorResponses: { ...rakutenErrorResponses, ...options.errorResponses },
    routes: [...inventoryRoutes(context), ...itemRoutes(context), ...orderRoutes(context)],
  });
  for (const window of options.maintenance ?? []) {
    server.faults.maintenance({ ...window, retryAfterSeconds: window.retryAfterSeconds ?? 60 });
  }

  return {
    url: server.url,
    stock,
    faults: server.faults,
    requests: server.requests,
    credentials: () => ({ ...account }),
    // RMS keys are static: nothing to expire or refresh between calls.
    expireAccessTokens: () => undefined,
    tokensIssued: () => 0,
    revokeCredentials: () => {
      revoked = true;
    },
    close: () => server.close(),
  };
}
