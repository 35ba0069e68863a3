/// <reference types="jest" />
// The suite registers itself with the Jest globals of the test file that calls it; the reference
// above lets any project type-check this file without listing jest among its own types.
import type { ChannelConnector, ConnectorClass } from '../connector/channel-connector';
import type { OrderEvent, PushItem, PushResult } from '../connector/connector.types';
import { CredentialsError } from '../connector/parse-credentials';
import { deliveryEvents } from '../connector/delivery-events';
import { ConnectorError, WebhookRejectedError } from '../errors/connector-error';
import { validateManifest } from '../manifest/validate-manifest';
import type { ChannelSandbox } from '../sandbox/channel-sandbox';
import type { SandboxOrder } from '../sandbox/sandbox-stock';

export interface ConformanceOptions {
  connector: ConnectorClass;
  /** Starts a fresh sandbox of the connector's channel; each test gets its own. */
  sandbox: () => Promise<ChannelSandbox>;
  /** Listing ids the channel accepts; defaults to `conf-0001`, `conf-0002`... */
  listingId?: (index: number) => string;
  /** HTTP timeout for the connector under test. */
  timeoutMs?: number;
}

function statuses(results: readonly PushResult[]): Record<string, string> {
  return Object.fromEntries(results.map((r) => [r.listingId, r.status]));
}

/**
 * An event without `restocked` and the sandbox's stream position. Whether a cancellation restocked
 * is optional (only some channels say): it has a test of its own, and the rest of an event must
 * match the channel's exactly.
 */
function withoutRestock(event: OrderEvent & { seq?: number }): Omit<OrderEvent, 'restocked'> {
  const { restocked: _restocked, seq: _seq, ...rest } = event;
  return rest;
}

/**
 * Registers the Jest suite every connector must pass against its own sandbox. It checks behaviour
 * the core relies on, through real HTTP: quantities round-trip, batches respect bulk limits, failures
 * are reported per item, 429 pauses calls, a maintenance wait is never cut short, expired tokens are
 * refreshed, retries apply once, order paging loses and repeats nothing, a cancellation is said to
 * have restocked only when it did, forged webhooks are refused, and no push undoes a sale the
 * channel made before we ingested it.
 */
export function runConnectorConformance(options: ConformanceOptions): void {
  const Connector = options.connector;
  const manifest = Connector.manifest;
  const idFor = options.listingId ?? ((i: number) => `conf-${String(i).padStart(4, '0')}`);
  let sandbox: ChannelSandbox;
  let connector: ChannelConnector;
  let version = 0;

  const connect = (): ChannelConnector =>
    new Connector({ credentials: sandbox.credentials(), baseUrl: sandbox.url, timeoutMs: options.timeoutMs ?? 2000 });
  const seed = (count: number, quantity = 0, from = 1): string[] =>
    Array.from({ length: count }, (_, i) => {
      const listingId = idFor(from + i);
      sandbox.stock.upsertListing({
        listingId,
        quantity,
        sellerSku: `SKU-${from + i}`,
        jan: `49${String(1000000000 + from + i).slice(-11)}`,
        title: `Conformance item ${from + i}`,
      });
      return listingId;
    });
  const item = (listingId: string, target: number, lastPublished: number | null): PushItem => {
    version += 1;
    return { listingId, target, lastPublished, version };
  };
  /** A buyer takes `units` on the channel, and the channel lowers its stock as it really does. */
  const sell = (listingId: string, units: number): SandboxOrder => {
    const order = sandbox.stock.createOrder({ lines: [{ listingId, quantity: units }] });
    if (manifest.stockLoweredOn === 'order-paid') {
      sandbox.stock.payOrder(order.orderId);
    }
    return order;
  };
  /** Every order event the connector hands out from the start. */
  const allOrderEvents = async (): Promise<OrderEvent[]> => {
    const events: OrderEvent[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page = await connector.fetchOrders(cursor);
      events.push(...page.events);
      cursor = page.nextCursor;
      if (!page.hasMore) {
        return events;
      }
    }
  };

  describe(`${Connector.id} connector conformance`, () => {
    beforeEach(async () => {
      sandbox = await options.sandbox();
      connector = connect();
    });
    afterEach(async () => {
      await sandbox.close();
    });

    it('has a valid manifest whose id matches the class, and credentials errors that name the fields', () => {
      expect(validateManifest(manifest, Connector.id)).toEqual(manifest);
      expect(Connector.id).toBe(manifest.id);
      const attempt = () => new Connector({ credentials: {}, baseUrl: sandbox.url });
      expect(attempt).toThrow(CredentialsError);
      for (const field of manifest.credentials.filter((f) => f.required)) {
        expect(attempt).toThrow(field.name);
      }
    });

    it('reads back exactly what it pushed', async () => {
      const ids = seed(3);
      const results = await connector.push([item(ids[0], 5, 0), item(ids[1], 0, 0), item(ids[2], 12, 0)]);
      expect(results.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
      expect(await connector.read(ids)).toEqual([
        { listingId: ids[0], found: true, quantity: 5 },
        { listingId: ids[1], found: true, quantity: 0 },
        { listingId: ids[2], found: true, quantity: 12 },
      ]);
      expect(ids.map((id) => sandbox.stock.quantity(id))).toEqual([5, 0, 12]);
      expect(await connector.read(['no-such-listing'])).toEqual([{ listingId: 'no-such-listing', found: false }]);
    });

    it('never sends more listings per call than the manifest bulk sizes', async () => {
      const pushCount = manifest.bulk.push * 2 + 1;
      const readCount = Math.max(pushCount, manifest.bulk.read * 2 + 1);
      const ids = seed(readCount);
      const pushed = ids.slice(0, pushCount);
      const results = await connector.push(pushed.map((id, i) => item(id, i % 7, 0)));
      expect(results.every((r) => r.status === 'ok')).toBe(true);
      const reads = await connector.read(ids);
      expect(reads).toHaveLength(ids.length);

      for (const [operation, limit, total] of [
        ['push', manifest.bulk.push, pushCount],
        ['read', manifest.bulk.read, readCount],
      ] as const) {
        const calls = sandbox.requests.entries(operation).filter((e) => e.status >= 200 && e.status < 300);
        const counts = calls.map((e) => e.itemCount);
        expect(counts).not.toContain(null); // the sandbox must report item counts with countItems()
        expect(Math.max(...(counts as number[]))).toBeLessThanOrEqual(limit);
        expect((counts as number[]).reduce((a, b) => a + b, 0)).toBe(total);
      }
    });

    it('reports a partial failure per item and applies the rest', async () => {
      const ids = seed(3, 1);
      sandbox.faults.failItems('push', [ids[1]]);
      const results = await connector.push([
        item(ids[0], 4, 1),
        item(ids[1], 4, 1),
        item(ids[2], 4, 1),
        item('no-such-listing', 4, 0),
      ]);
      expect(statuses(results)).toEqual({
        [ids[0]]: 'ok',
        [ids[1]]: 'permanent',
        [ids[2]]: 'ok',
        'no-such-listing': 'permanent',
      });
      expect(ids.map((id) => sandbox.stock.quantity(id))).toEqual([4, 1, 4]);
    });

    it('honours 429 Retry-After: reports it per item and sends nothing before it has passed', async () => {
      const [id] = seed(1);
      sandbox.faults.next('push', { kind: 'rate-limit', retryAfterSeconds: 1 });
      const [limited] = await connector.push([item(id, 3, 0)]);
      expect(limited.status).toBe('rate-limited');
      expect(limited.status === 'rate-limited' && limited.retryAfterMs).toBeGreaterThanOrEqual(1000);

      const [retried] = await connector.push([item(id, 3, 0)]);
      expect(retried.status).toBe('ok');
      const [first, second] = sandbox.requests.entries('push');
      expect(first.status).toBe(429);
      expect(second.at - first.at).toBeGreaterThanOrEqual(950);
      expect(sandbox.stock.quantity(id)).toBe(3);
    });

    it('recovers from an expired access token by refreshing it once', async () => {
      const [id] = seed(1);
      expect((await connector.push([item(id, 2, 0)]))[0].status).toBe('ok');
      const before = sandbox.tokensIssued();
      sandbox.expireAccessTokens();
      const [result] = await connector.push([item(id, 6, 2)]);
      expect(result.status).toBe('ok');
      expect(sandbox.stock.quantity(id)).toBe(6);
      if (manifest.auth.mode === 'oauth2') {
        expect(sandbox.tokensIssued()).toBe(before + 1);
      }
    });

    it('reports revoked credentials as an auth failure without retrying in a loop', async () => {
      const [id] = seed(1, 1);
      sandbox.revokeCredentials();
      const [result] = await connector.push([item(id, 8, 1)]);
      expect(result.status).toBe('auth');
      expect(sandbox.stock.quantity(id)).toBe(1);
      expect(sandbox.requests.entries().length).toBeLessThanOrEqual(4);
    });

    it('applies a retried push once when the first answer was lost', async () => {
      const [id] = seed(1, 4);
      sandbox.faults.next('push', { kind: 'lost-response' });
      const attempt = item(id, 9, 4);
      const [lost] = await connector.push([attempt]);
      expect(lost.status).toBe('retryable');
      expect(sandbox.stock.quantity(id)).toBe(9);

      const [retried] = await connector.push([attempt]);
      expect(retried.status).toBe('ok');
      expect(sandbox.stock.quantity(id)).toBe(9);
    });

    it('reports maintenance and server errors as retryable and writes nothing', async () => {
      const [id] = seed(1, 2);
      sandbox.faults.startMaintenance(1);
      const [maintained] = await connector.push([item(id, 5, 2)]);
      expect(maintained.status).toBe('retryable');
      if (maintained.status === 'retryable' && maintained.retryAfterMs !== undefined) {
        // The wait is optional, but one that is given must not cut short the one the channel asked for.
        expect(maintained.retryAfterMs).toBeGreaterThanOrEqual(1000);
      }
      sandbox.faults.endMaintenance();
      sandbox.faults.next('push', { kind: 'server-error', status: 503 });
      expect((await connector.push([item(id, 5, 2)]))[0].status).toBe('retryable');
      expect(sandbox.stock.quantity(id)).toBe(2);
      expect((await connector.push([item(id, 5, 2)]))[0].status).toBe('ok');
    });

    it('pages through order events without gaps or duplicates, including events that arrive mid-paging', async () => {
      const [id] = seed(1, 100_000);
      const pageSize = manifest.bulk.orders;
      for (let i = 0; i < pageSize * 2 + 3; i += 1) {
        sell(id, 1);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      for (;;) {
        const page = await connector.fetchOrders(cursor);
        expect(page.events.length).toBeLessThanOrEqual(pageSize);
        seen.push(...page.events.map((e) => e.eventId));
        cursor = page.nextCursor;
        pages += 1;
        if (pages === 1) {
          sell(id, 2);
        }
        if (!page.hasMore) {
          break;
        }
      }
      const channelEvents = sandbox.stock.events();
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(channelEvents.map((e) => e.eventId));

      const order = sandbox.stock.createOrder({ lines: [{ listingId: id, quantity: 3 }] });
      sandbox.stock.cancelLine(order.orderId, order.lines[0].lineId, 1);
      const next = await connector.fetchOrders(cursor);
      const fresh = sandbox.stock.events().slice(channelEvents.length);
      expect(next.events.map(withoutRestock)).toEqual(fresh.map(withoutRestock));
      expect(next.events.map((e) => [e.status, e.quantity])).toEqual([
        ['created', 3],
        ['cancelled', 1],
      ]);
    });

    it('says a cancellation put the units back on display only when the channel did', async () => {
      const [id] = seed(1, 10);
      const kept = sell(id, 2);
      sandbox.stock.cancelLine(kept.orderId, kept.lines[0].lineId, 1, { restock: false });
      const back = sell(id, 2);
      sandbox.stock.cancelLine(back.orderId, back.lines[0].lineId, 1, { restock: true });
      expect(sandbox.stock.quantity(id)).toBe(7);

      // The channel's two cancellations, oldest first, by the ids the connector gives them.
      const [keptId, backId] = sandbox.stock
        .events()
        .filter((e) => e.status === 'cancelled')
        .map((e) => e.eventId);
      const told = new Map((await allOrderEvents()).map((e) => [e.eventId, e]));
      expect(told.get(keptId)).toMatchObject({ status: 'cancelled', quantity: 1 });
      expect(told.get(backId)).toMatchObject({ status: 'cancelled', quantity: 1 });
      // Unknown (left out) is always allowed; a value the connector gives must be what happened.
      expect([undefined, false]).toContain(told.get(keptId)?.restocked);
      expect([undefined, true]).toContain(told.get(backId)?.restocked);
      expect([...told.values()].filter((e) => e.status !== 'cancelled' && e.restocked !== undefined)).toEqual([]);
    });

    if (manifest.orderDelivery.webhook) {
      it('accepts a signed webhook and rejects a forged or tampered one', async () => {
        const [id] = seed(1, 10);
        sell(id, 2);
        const events = sandbox.stock.events().map(({ seq: _seq, ...event }) => event);
        const webhookFor = sandbox.webhookFor;
        if (!webhookFor) {
          throw new Error(`The ${Connector.id} manifest says orders come by webhook, but its sandbox has no webhookFor()`);
        }
        const genuine = webhookFor.call(sandbox, events);
        // A body that names lines otherwise than by listing is resolved by asking the channel.
        expect(await deliveryEvents(connector, connector.parseWebhook(genuine))).toEqual(events);

        const forged = webhookFor.call(sandbox, events, { signWith: 'a-secret-the-forger-guessed' });
        expect(() => connector.parseWebhook(forged)).toThrow(WebhookRejectedError);
        const tampered = { ...genuine, body: Buffer.concat([Buffer.from(genuine.body), Buffer.from(' ')]) };
        expect(() => connector.parseWebhook(tampered)).toThrow(WebhookRejectedError);
      });
    } else {
      it('refuses webhooks, since its orders arrive by polling', () => {
        expect(() => connector.parseWebhook({ headers: {}, body: '{}' })).toThrow(ConnectorError);
      });
    }

    it('never overwrites a sale the channel made before we ingested it (the write race)', async () => {
      const [id] = seed(1);
      expect((await connector.push([item(id, 10, 0)]))[0].status).toBe('ok');
      sell(id, 3); // the channel now shows 7; our ledger still counts the 3 units as available

      const unchanged = (await connector.push([item(id, 10, 10)]))[0];
      expect(['ok', 'stale']).toContain(unchanged.status);
      expect(sandbox.stock.quantity(id)).toBeLessThanOrEqual(7);

      const restocked = (await connector.push([item(id, 12, 10)]))[0];
      expect(['ok', 'stale']).toContain(restocked.status);
      expect(sandbox.stock.quantity(id)).toBeLessThanOrEqual(9);

      // Once the order is ingested the ledger target drops by 3, and so does our idea of the channel.
      const recorded = restocked.status === 'ok' ? 12 : 10;
      const settled = (await connector.push([item(id, 9, recorded - 3)]))[0];
      expect(settled.status).toBe('ok');
      expect(sandbox.stock.quantity(id)).toBe(9);
    });

    it('lists the whole catalogue with seller SKU and JAN across pages', async () => {
      const ids = seed(manifest.bulk.catalogue + 2, 3);
      const listed = [];
      let cursor: string | null = null;
      do {
        const page = await connector.listCatalogue(cursor);
        expect(page.listings.length).toBeLessThanOrEqual(manifest.bulk.catalogue);
        listed.push(...page.listings);
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(listed.map((l) => l.listingId).sort()).toEqual([...ids].sort());
      const first = listed.find((l) => l.listingId === ids[0]);
      const channel = sandbox.stock.listing(ids[0]);
      expect(first).toEqual({
        listingId: ids[0],
        sellerSku: channel?.sellerSku,
        jan: channel?.jan,
        title: channel?.title,
        quantity: 3,
      });
    });

    it('reports listings that keep selling when out of stock', async () => {
      const [risky, safe] = seed(2, 1);
      sandbox.stock.upsertListing({ listingId: risky, oversellAllowed: true });
      const issues = await connector.checkListingSettings([risky, safe]);
      expect(issues.map((i) => i.listingId)).toEqual([risky]);
      expect(issues[0].fix.length).toBeGreaterThan(0);
    });
  });
}
