import {
  createSandboxServer,
  SandboxAuth,
  SeededRandom,
  type ChannelSandbox,
  type SandboxServerOptions,
} from '@urikiri/connector-sdk/testing';
import { yahooManifest } from '../yahoo.manifest';
import { catalogueRoutes } from './catalogue.routes';
import { orderRoutes } from './orders.routes';
import { stockRoutes } from './stock.routes';
import { ThrottleGuard, type ThrottleOptions } from './throttle.guard';
import { tokenRoutes, type YahooSandboxAccount } from './token.routes';
import type { YahooSandboxContext } from './yahoo-sandbox.context';
import { yahooErrorResponses } from './yahoo-sandbox.errors';
import { YahooSandboxStock } from './yahoo-sandbox.stock';

export interface YahooSandboxOptions {
  seed?: number;
  latencyMs?: SandboxServerOptions['latencyMs'];
  clock?: () => number;
  /** Per URL; defaults to 1 call per second, 2 back to back, blocked 10 s when exceeded. */
  throttle?: Partial<ThrottleOptions>;
  accessTokenLifetimeMs?: number;
  /** Largest quantity setStock accepts (unverified for Yahoo!; 99,999 by default). */
  maxQuantity?: number;
  account?: Partial<YahooSandboxAccount>;
}

export interface YahooSandbox extends ChannelSandbox {
  readonly stock: YahooSandboxStock;
  readonly sellerId: string;
}

const DEFAULT_ACCOUNT: YahooSandboxAccount = {
  sellerId: 'urikiri-store',
  clientId: 'dj00aiZpPXVyaWtpcmk',
  clientSecret: 'yahoo-client-secret',
  refreshToken: 'yahoo-refresh-token',
};

/**
 * A local Yahoo!ショッピング store API on an ephemeral port: token refresh, setStock/getStock (form in,
 * XML out, 207 per-item errors), myItemList, orderList/orderInfo (XML), its per-URL limit with a
 * temporary block, and the kit's faults and latency. Orders (`stock.createOrder`...) lower the
 * displayed stock at once, as Yahoo! does.
 */
export async function createYahooSandbox(
  options: YahooSandboxOptions = {},
): Promise<YahooSandbox> {
  const clock = options.clock ?? Date.now;
  const random = new SeededRandom(options.seed ?? 1);
  const account = { ...DEFAULT_ACCOUNT, ...options.account };
  const stock = new YahooSandboxStock({
    stockLoweredOn: yahooManifest.stockLoweredOn,
    clock,
  });
  let revoked = false;
  // Routes are made before the server that owns the fault plan; they reach it through this holder.
  const started: { faults?: ChannelSandbox['faults'] } = {};
  const context: YahooSandboxContext = {
    stock,
    auth: new SandboxAuth(random, clock, options.accessTokenLifetimeMs),
    throttle: new ThrottleGuard(
      { ratePerSecond: 1, burst: 2, blockSeconds: 10, ...options.throttle },
      clock,
    ),
    faults: () => started.faults as ChannelSandbox['faults'],
    sellerId: account.sellerId,
    isRevoked: () => revoked,
    maxQuantity: options.maxQuantity ?? yahooManifest.maxQuantity,
  };

  const server = await createSandboxServer({
    random,
    clock,
    latencyMs: options.latencyMs,
    errorResponses: yahooErrorResponses,
    routes: [
      ...tokenRoutes(context, account),
      ...stockRoutes(context),
      ...catalogueRoutes(context),
      ...orderRoutes(context),
    ],
  });
  started.faults = server.faults;

  return {
    url: server.url,
    stock,
    sellerId: account.sellerId,
    faults: server.faults,
    requests: server.requests,
    credentials: () => ({ ...account }),
    expireAccessTokens: () => context.auth.expireAll(),
    tokensIssued: () => context.auth.issuedCount(),
    revokeCredentials: () => {
      revoked = true;
    },
    close: () => server.close(),
  };
}
