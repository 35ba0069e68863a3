import {
  createSandboxServer,
  IdempotencyStore,
  jsonResponse,
  SandboxAuth,
  SandboxStock,
  SeededRandom,
  type ChannelSandbox,
  type SandboxRequest,
  type SandboxResponse,
  type SandboxServerOptions,
  type SandboxStockOptions,
} from '@urikiri/connector-sdk/testing';
import { signHmac, type OrderEvent } from '@urikiri/connector-sdk';
import { testshopManifest } from '../testshop.manifest';
import {
  TESTSHOP_DELIVERY_HEADER,
  TESTSHOP_SIGNATURE_HEADER,
  type TestshopEventsAnswer,
  type TestshopGetAnswer,
  type TestshopListing,
  type TestshopListingsAnswer,
  type TestshopOrderEvent,
  type TestshopSetItem,
  type TestshopSetOutcome,
  type TestshopTokenAnswer,
  type TestshopWebhookBody,
} from '../testshop-wire.types';

export interface TestshopSandboxOptions {
  seed?: number;
  latencyMs?: SandboxServerOptions['latencyMs'];
  clock?: () => number;
  /** The channel's own limits; defaults to the manifest's. */
  rateLimits?: SandboxServerOptions['rateLimits'];
  stockLoweredOn?: SandboxStockOptions['stockLoweredOn'];
  accessTokenLifetimeMs?: number;
}

const ACCOUNT = {
  clientId: 'testshop-client',
  clientSecret: 'testshop-client-secret',
  refreshToken: 'testshop-refresh-token',
  webhookSecret: 'testshop-webhook-secret',
};

function error(status: number, code: string, message: string): SandboxResponse {
  return jsonResponse(status, { error: { code, message } });
}

function toWireEvent(event: OrderEvent, seq: number): TestshopOrderEvent {
  return {
    id: event.eventId,
    seq,
    order_id: event.orderId,
    line_id: event.lineId,
    listing_id: event.listingId,
    seller_sku: event.sellerSku,
    status: event.status,
    quantity: event.quantity,
    occurred_at: event.occurredAt,
    ...(event.restocked === undefined ? {} : { restocked: event.restocked }),
  };
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
    ? value
    : null;
}

/** A local Testshop: its API, limits and faults over a SandboxStock, on an ephemeral port. */
export async function createTestshopSandbox(
  options: TestshopSandboxOptions = {},
): Promise<ChannelSandbox> {
  const clock = options.clock ?? Date.now;
  const random = new SeededRandom(options.seed ?? 1);
  const stock = new SandboxStock({
    stockLoweredOn: options.stockLoweredOn ?? testshopManifest.stockLoweredOn,
    clock,
  });
  const auth = new SandboxAuth(random, clock, options.accessTokenLifetimeMs);
  const writes = new IdempotencyStore<TestshopSetOutcome>();
  const bulk = testshopManifest.bulk;
  let revoked = false;

  /** Null when the bearer token is good; else the channel's 401. */
  const refuse = (req: SandboxRequest): SandboxResponse | null => {
    const header = req.headers.authorization;
    const token =
      typeof header === 'string' && header.startsWith('Bearer ')
        ? header.slice(7)
        : undefined;
    const check = revoked ? 'unknown' : auth.check(token);
    if (check === 'valid') {
      return null;
    }
    return check === 'expired'
      ? error(401, 'token_expired', 'The access token has expired')
      : error(401, 'invalid_token', 'The access token is not valid');
  };

  const toWireListing = (listingId: string): TestshopListing | null => {
    const l = stock.listing(listingId);
    return l
      ? {
          listing_id: l.listingId,
          seller_sku: l.sellerSku,
          jan: l.jan,
          title: l.title,
          quantity: l.quantity,
          oversell_allowed: l.oversellAllowed,
        }
      : null;
  };

  const applySet = (item: TestshopSetItem): TestshopSetOutcome => {
    const injected = server.faults.itemFailure('push', item.listing_id);
    if (injected !== null) {
      return {
        listing_id: item.listing_id,
        status: 'rejected',
        code: injected,
        message: 'Rejected by the sandbox fault plan',
      };
    }
    if (!stock.listing(item.listing_id)) {
      return {
        listing_id: item.listing_id,
        status: 'rejected',
        code: 'not_found',
        message: `No listing ${item.listing_id}`,
      };
    }
    if (
      !Number.isInteger(item.quantity) ||
      item.quantity < 0 ||
      item.quantity > testshopManifest.maxQuantity
    ) {
      return {
        listing_id: item.listing_id,
        status: 'rejected',
        code: 'invalid_quantity',
        message: `quantity must be an integer from 0 to ${testshopManifest.maxQuantity}`,
      };
    }
    const written = stock.compareAndSet(
      item.listing_id,
      item.compare_quantity,
      item.quantity,
    );
    return {
      listing_id: item.listing_id,
      status: written.applied ? 'applied' : 'stale',
      quantity: written.quantity,
    };
  };

  const server = await createSandboxServer({
    random,
    clock,
    latencyMs: options.latencyMs,
    rateLimits: options.rateLimits ?? testshopManifest.rateLimits,
    routes: [
      {
        method: 'POST',
        path: '/oauth/token',
        operation: 'auth',
        handler: (req) => {
          const form = (req.body ?? {}) as Record<string, string>;
          const granted =
            !revoked &&
            form.grant_type === 'refresh_token' &&
            form.refresh_token === ACCOUNT.refreshToken &&
            form.client_id === ACCOUNT.clientId &&
            form.client_secret === ACCOUNT.clientSecret;
          if (!granted) {
            return jsonResponse(401, {
              error: 'invalid_grant',
              error_description: 'The refresh token or client is not valid',
            });
          }
          const issued = auth.issue();
          const answer: TestshopTokenAnswer = {
            access_token: issued.accessToken,
            token_type: 'bearer',
            expires_in: issued.expiresInSeconds,
          };
          return jsonResponse(200, answer);
        },
      },
      {
        method: 'POST',
        path: '/v1/inventory/set',
        operation: 'push',
        handler: (req) => {
          const items = (req.body as { items?: TestshopSetItem[] } | undefined)
            ?.items;
          if (!Array.isArray(items) || items.length === 0) {
            return error(
              400,
              'invalid_body',
              'items must be a non-empty array',
            );
          }
          req.countItems(items.length);
          const refused = refuse(req);
          if (refused) {
            return refused;
          }
          if (items.length > bulk.push) {
            return error(
              400,
              'too_many_items',
              `at most ${bulk.push} items per call, got ${items.length}`,
            );
          }
          const bad = items.findIndex(
            (i) =>
              typeof i.listing_id !== 'string' ||
              typeof i.idempotency_key !== 'string' ||
              !Number.isInteger(i.compare_quantity),
          );
          if (bad >= 0) {
            return error(
              400,
              'invalid_item',
              `items[${bad}] needs listing_id, quantity, compare_quantity and idempotency_key`,
            );
          }
          const results = items.map((item) =>
            writes.once(item.idempotency_key, () => applySet(item)),
          );
          return jsonResponse(200, { results });
        },
      },
      {
        method: 'POST',
        path: '/v1/inventory/get',
        operation: 'read',
        handler: (req) => {
          const ids = stringList(
            (req.body as { listing_ids?: unknown } | undefined)?.listing_ids,
          );
          if (!ids) {
            return error(
              400,
              'invalid_body',
              'listing_ids must be an array of strings',
            );
          }
          req.countItems(ids.length);
          const refused = refuse(req);
          if (refused) {
            return refused;
          }
          if (ids.length > bulk.read) {
            return error(
              400,
              'too_many_items',
              `at most ${bulk.read} listing_ids per call, got ${ids.length}`,
            );
          }
          const answer: TestshopGetAnswer = { items: [], missing: [] };
          for (const id of ids) {
            const listing = stock.listing(id);
            if (listing) {
              answer.items.push({ listing_id: id, quantity: listing.quantity });
            } else {
              answer.missing.push(id);
            }
          }
          return jsonResponse(200, answer);
        },
      },
      {
        method: 'GET',
        path: '/v1/listings',
        operation: 'catalogue',
        handler: (req) => {
          const refused = refuse(req);
          if (refused) {
            return refused;
          }
          const offset = Number(req.query.get('cursor') ?? '0');
          const limit = Math.min(
            Number(req.query.get('limit') ?? bulk.catalogue),
            bulk.catalogue,
          );
          if (
            !Number.isInteger(offset) ||
            offset < 0 ||
            !Number.isInteger(limit) ||
            limit < 1
          ) {
            return error(
              400,
              'invalid_query',
              `cursor must be a cursor from a previous page and limit 1 to ${bulk.catalogue}`,
            );
          }
          const all = stock.listings();
          const page = all.slice(offset, offset + limit);
          const answer: TestshopListingsAnswer = {
            listings: page.map(
              (l) => toWireListing(l.listingId) as TestshopListing,
            ),
            next_cursor:
              offset + limit < all.length ? String(offset + limit) : null,
          };
          return jsonResponse(200, answer);
        },
      },
      {
        method: 'POST',
        path: '/v1/listings/lookup',
        operation: 'catalogue',
        handler: (req) => {
          const ids = stringList(
            (req.body as { listing_ids?: unknown } | undefined)?.listing_ids,
          );
          if (!ids) {
            return error(
              400,
              'invalid_body',
              'listing_ids must be an array of strings',
            );
          }
          req.countItems(ids.length);
          const refused = refuse(req);
          if (refused) {
            return refused;
          }
          const listings = ids.flatMap((id) => toWireListing(id) ?? []);
          return jsonResponse(200, {
            listings,
            next_cursor: null,
          } satisfies TestshopListingsAnswer);
        },
      },
      {
        method: 'GET',
        path: '/v1/order-events',
        operation: 'orders',
        handler: (req) => {
          const refused = refuse(req);
          if (refused) {
            return refused;
          }
          const after = Number(req.query.get('after') ?? '0');
          const limit = Math.min(
            Number(req.query.get('limit') ?? bulk.orders),
            bulk.orders,
          );
          if (
            !Number.isInteger(after) ||
            after < 0 ||
            !Number.isInteger(limit) ||
            limit < 1
          ) {
            return error(
              400,
              'invalid_query',
              `after must be an event seq and limit 1 to ${bulk.orders}`,
            );
          }
          const events = stock.eventsAfter(after, limit + 1);
          const answer: TestshopEventsAnswer = {
            events: events.slice(0, limit).map((e) => toWireEvent(e, e.seq)),
            has_more: events.length > limit,
          };
          return jsonResponse(200, answer);
        },
      },
    ],
  });

  return {
    url: server.url,
    stock,
    faults: server.faults,
    requests: server.requests,
    credentials: () => ({ ...ACCOUNT }),
    expireAccessTokens: () => auth.expireAll(),
    tokensIssued: () => auth.issuedCount(),
    revokeCredentials: () => {
      revoked = true;
    },
    webhookFor: (events, signOptions = {}) => {
      const channelEvents = stock.events();
      const body: TestshopWebhookBody = {
        events: events.map((e) =>
          toWireEvent(
            e,
            channelEvents.find((c) => c.eventId === e.eventId)?.seq ?? 0,
          ),
        ),
      };
      const raw = Buffer.from(JSON.stringify(body));
      return {
        headers: {
          'content-type': 'application/json',
          [TESTSHOP_SIGNATURE_HEADER]: signHmac({
            secret: signOptions.signWith ?? ACCOUNT.webhookSecret,
            payload: raw,
          }),
          [TESTSHOP_DELIVERY_HEADER]: `dlv-${random.hex(16)}`,
        },
        body: raw,
      };
    },
    close: () => server.close(),
  };
}
