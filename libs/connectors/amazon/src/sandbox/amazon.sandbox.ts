import type {
  OrderEvent,
  RateLimit,
  RawWebhookRequest,
} from '@urikiri/connector-sdk';
import {
  SandboxAuth,
  SeededRandom,
  createSandboxServer,
  type ChannelSandbox,
  type SandboxServerOptions,
} from '@urikiri/connector-sdk/testing';
import {
  AMAZON_OPERATION_NAMES,
  AMAZON_OPERATIONS,
  JAPAN_MARKETPLACE_ID,
  type AmazonOperation,
  type AmazonUsagePlan,
} from '../amazon-operations';
import { amazonManifest } from '../amazon.manifest';
import { amazonErrorResponses } from './amazon-sandbox.errors';
import {
  routeOperation,
  type AmazonSandboxContext,
  type SandboxAccount,
  type SandboxExchange,
} from './amazon-sandbox.context';
import { AmazonSandboxStock } from './amazon-sandbox-stock';
import { documentRoutes } from './documents.routes';
import { fbaInventoryRoutes } from './fba-inventory.routes';
import { feedsRoutes, type FeedTiming } from './feeds.routes';
import { listingsRoutes } from './listings.routes';
import { lwaRoutes } from './lwa.routes';
import {
  NotificationDispatcher,
  mfnQuantityChange,
  relayBody,
  type NotificationFormat,
  type SentNotification,
} from './notification.dispatcher';
import { orderChangeNotification, orderViews } from './order-views';
import { ordersRoutes } from './orders.routes';
import { reportsRoutes } from './reports.routes';

export interface AmazonSandboxOptions {
  /** Same seed, same tokens, ids, latency and random faults. */
  seed?: number;
  latencyMs?: SandboxServerOptions['latencyMs'];
  clock?: () => number;
  /** Usage plans per operation; the documented ones by default. Tests that poll quickly raise them here. */
  rateLimits?: Partial<Record<AmazonOperation, AmazonUsagePlan>>;
  /** When a merchant-fulfilled order lowers the listed quantity (unverified on Amazon): at Pending by default. */
  stockLoweredAt?: 'Pending' | 'Unshipped';
  accessTokenLifetimeMs?: number;
  /** How long feeds wait and run before their quantities apply. */
  feedTiming?: Partial<FeedTiming>;
  reportProcessingMs?: number;
  /** Where to POST notifications as a relay would forward them; none are sent without it. */
  notifyUrl?: string;
  notificationFormat?: NotificationFormat;
  maxQuantity?: number;
  account?: Partial<SandboxAccount>;
}

/** A running Amazon sandbox: the kit's ChannelSandbox plus Amazon's own handles. */
export interface AmazonSandbox extends ChannelSandbox {
  readonly stock: AmazonSandboxStock;
  readonly account: SandboxAccount;
  /** Every SP-API call with its bodies, oldest first. */
  readonly exchanges: readonly SandboxExchange[];
  /** Notifications sent to `notifyUrl`, and a promise that they are all delivered. */
  readonly notifications: {
    readonly sent: readonly SentNotification[];
    settled(): Promise<void>;
  };
  /** Notifications as Amazon would publish them for these events, forwarded and signed by the relay. */
  webhookFor(
    events: readonly OrderEvent[],
    options?: { signWith?: string },
  ): RawWebhookRequest;
  /** A LISTINGS_ITEM_MFN_QUANTITY_CHANGE delivery for a SKU's current quantity. */
  quantityWebhookFor(
    sku: string,
    options?: { signWith?: string },
  ): RawWebhookRequest;
}

const DEFAULT_ACCOUNT: SandboxAccount = {
  clientId: 'amzn1.application-oa2-client.5a1b2c3d4e5f60718293a4b5c6d7e8f9',
  clientSecret: 'amzn1.oa2-cs.v1.sandbox-client-secret',
  refreshToken: 'Atzr|IwEBISandboxRefreshToken',
  sellerId: 'A3SANDBOXSELLER1',
  marketplaceId: JAPAN_MARKETPLACE_ID,
  notificationSecret: 'sandbox-relay-signing-secret',
};

/**
 * A local Amazon Selling Partner API on an ephemeral port: LWA, Listings Items, Feeds, Reports,
 * Orders (2026-01-01 and v0), FBA Inventory and notifications, over one AmazonSandboxStock, with
 * Amazon's usage plans, error bodies and token expiry, and the kit's faults and latency.
 */
export async function createAmazonSandbox(
  options: AmazonSandboxOptions = {},
): Promise<AmazonSandbox> {
  const clock = options.clock ?? Date.now;
  const random = new SeededRandom(options.seed ?? 1);
  const account = { ...DEFAULT_ACCOUNT, ...options.account };
  const plans = Object.fromEntries(
    AMAZON_OPERATION_NAMES.map((op) => [
      op,
      options.rateLimits?.[op] ?? AMAZON_OPERATIONS[op],
    ]),
  ) as Record<AmazonOperation, AmazonUsagePlan>;
  const stock = new AmazonSandboxStock(
    {
      stockLoweredOn:
        (options.stockLoweredAt ?? 'Pending') === 'Pending'
          ? 'order-created'
          : 'order-paid',
      clock,
    },
    random,
  );
  let revoked = false;
  let url = '';
  let itemFailure: (sku: string) => string | null = () => null;
  const ctx: AmazonSandboxContext = {
    stock,
    auth: new SandboxAuth(random, clock, options.accessTokenLifetimeMs),
    random,
    account,
    clock,
    plans,
    maxQuantity: options.maxQuantity ?? amazonManifest.maxQuantity,
    url: () => url,
    revoked: () => revoked,
    faultItemFailure: (sku) => itemFailure(sku),
    exchanges: [],
    documents: new Map(),
    timers: new Set(),
  };
  const dispatcher = new NotificationDispatcher(
    ctx,
    options.notifyUrl,
    options.notificationFormat ?? 'sqs',
  );
  stock.onChange((change) => {
    if (change.kind === 'quantity') {
      dispatcher.dispatch(mfnQuantityChange(ctx, change.sku, change.quantity));
      return;
    }
    const view = orderViews(ctx).find(
      (v) => v.order.orderId === change.orderId,
    );
    if (view) {
      dispatcher.dispatch(orderChangeNotification(ctx, view));
    }
  });

  const rateLimits: Record<string, RateLimit> = Object.fromEntries(
    AMAZON_OPERATION_NAMES.map((op) => [
      routeOperation(op),
      { kind: 'token-bucket', ...plans[op] },
    ]),
  );
  const server = await createSandboxServer({
    random,
    clock,
    latencyMs: options.latencyMs,
    rateLimits,
    errorResponses: amazonErrorResponses,
    routes: [
      ...lwaRoutes(ctx),
      ...listingsRoutes(ctx),
      ...feedsRoutes(ctx, {
        queuedMs: 200,
        processingMs: 800,
        ...options.feedTiming,
      }),
      ...documentRoutes(ctx),
      ...reportsRoutes(ctx, options.reportProcessingMs ?? 600),
      ...ordersRoutes(ctx),
      ...fbaInventoryRoutes(ctx),
    ],
  });
  url = server.url;
  itemFailure = (sku) => server.faults.itemFailure('push', sku);

  const sign = (signWith: string | undefined) =>
    signWith ?? account.notificationSecret;
  return {
    url: server.url,
    stock,
    account,
    faults: server.faults,
    requests: server.requests,
    exchanges: ctx.exchanges,
    notifications: {
      sent: dispatcher.sent,
      settled: () => dispatcher.settled(),
    },
    credentials: () => ({
      ...account,
      tokenUrl: `${server.url}/auth/o2/token`,
    }),
    expireAccessTokens: () => ctx.auth.expireAll(),
    tokensIssued: () => ctx.auth.issuedCount(),
    revokeCredentials: () => {
      revoked = true;
    },
    webhookFor: (events, signOptions = {}) => {
      const orderIds = [...new Set(events.map((e) => e.orderId))];
      const views = orderViews(ctx).filter((v) =>
        orderIds.includes(v.order.orderId),
      );
      const notifications = views.map((view) =>
        orderChangeNotification(ctx, view),
      );
      const { headers, body } = relayBody(
        ctx,
        notifications,
        options.notificationFormat ?? 'sqs',
        sign(signOptions.signWith),
      );
      return { headers, body };
    },
    quantityWebhookFor: (sku, signOptions = {}) => {
      const { headers, body } = relayBody(
        ctx,
        [mfnQuantityChange(ctx, sku, stock.quantity(sku))],
        options.notificationFormat ?? 'sqs',
        sign(signOptions.signWith),
      );
      return { headers, body };
    },
    close: async () => {
      ctx.timers.forEach((timer) => clearTimeout(timer));
      ctx.timers.clear();
      stock.onChange(null);
      await dispatcher.settled();
      await server.close();
    },
  };
}
