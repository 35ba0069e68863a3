import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OrderEvent, WebhookDelivery } from '@urikiri/connector-sdk';
import { createShopifySandbox, type ShopifySandbox } from './sandbox/shopify.sandbox';
import { ShopifyWebhookInbox, type WebhookAnswer } from './shopify-webhook.inbox';
import { ShopifyConnector } from './shopify.connector';

const LISTING = '44000000401@71000000001';

/** The service's webhook endpoint in miniature: raw body in, the inbox's answer out. */
async function listen(inbox: ShopifyWebhookInbox, answers: WebhookAnswer[], failFirst = 0): Promise<{ url: string; server: Server }> {
  let failures = failFirst;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failures > 0) {
        failures -= 1;
        res.writeHead(503).end();
        return;
      }
      const answer = inbox.receive({ headers: req.headers, body: Buffer.concat(chunks) });
      answers.push(answer);
      res.writeHead(answer.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/shopify`, server };
}

describe('Shopify order webhooks', () => {
  let sandbox: ShopifySandbox;
  let connector: ShopifyConnector;
  let server: Server | null = null;
  let ingested: OrderEvent[];
  let answers: WebhookAnswer[];
  let inbox: ShopifyWebhookInbox;

  beforeEach(async () => {
    sandbox = await createShopifySandbox({ seed: 13, webhooks: { retryDelaysMs: [20, 20, 20] } });
    sandbox.stock.upsertListing({ listingId: LISTING, quantity: 20, sellerSku: 'TEE-L' });
    connector = new ShopifyConnector({ credentials: sandbox.credentials(), baseUrl: sandbox.url, timeoutMs: 2000 });
    ingested = [];
    answers = [];
    inbox = new ShopifyWebhookInbox({ connector, onDelivery: (d: WebhookDelivery) => void ingested.push(...d.events) });
  });
  afterEach(async () => {
    await sandbox.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = null;
  });

  const subscribe = async (failFirst = 0) => {
    const endpoint = await listen(inbox, answers, failFirst);
    server = endpoint.server;
    sandbox.webhooks.subscribe(endpoint.url);
  };
  const settle = async () => {
    await sandbox.webhooks.settled();
    await inbox.idle();
  };

  it('brings the same events as polling, with the same ids, each once', async () => {
    await subscribe();
    const order = sandbox.stock.createOrder({ lines: [{ listingId: LISTING, quantity: 3 }] });
    sandbox.stock.cancelLine(order.orderId, order.lines[0].lineId, 1);
    sandbox.stock.payOrder(order.orderId);
    sandbox.stock.shipOrder(order.orderId);
    await settle();

    const topics = sandbox.webhooks.attempts().map((a) => a.topic);
    expect(topics).toEqual(['orders/create', 'orders/updated', 'orders/updated', 'orders/fulfilled', 'orders/updated']);
    const unique = [...new Map(ingested.map((e) => [e.eventId, e])).values()];
    const polled = (await connector.fetchOrders(null)).events;
    // Webhooks carry no payments; everything else matches the poll exactly.
    expect(unique).toEqual(polled.filter((e) => e.status !== 'paid'));
  });

  it('drops a duplicate delivery by X-Shopify-Event-Id', async () => {
    await subscribe();
    sandbox.webhooks.duplicateNext();
    sandbox.stock.createOrder({ lines: [{ listingId: LISTING, quantity: 1 }] });
    await settle();
    const attempts = sandbox.webhooks.attempts();
    expect(attempts).toHaveLength(2);
    expect(attempts[0].eventId).toBe(attempts[1].eventId);
    expect(attempts[0].webhookId).not.toBe(attempts[1].webhookId);
    expect(answers.map((a) => a.reason)).toEqual(['queued', 'duplicate']);
    expect(ingested).toHaveLength(1);
  });

  it('is retried by Shopify until it answers 2xx, and ingests the order once', async () => {
    await subscribe(2);
    sandbox.stock.createOrder({ lines: [{ listingId: LISTING, quantity: 2 }] });
    await settle();
    expect(sandbox.webhooks.attempts().map((a) => [a.attempt, a.status])).toEqual([
      [0, 503],
      [1, 503],
      [2, 200],
    ]);
    expect(ingested.map((e) => [e.status, e.quantity])).toEqual([['created', 2]]);
  });

  it('answers before the work is done: ingestion is queued, not inline', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    inbox = new ShopifyWebhookInbox({
      connector,
      onDelivery: async (d) => {
        await gate;
        ingested.push(...d.events);
      },
    });
    await subscribe();
    sandbox.stock.createOrder({ lines: [{ listingId: LISTING, quantity: 1 }] });
    await sandbox.webhooks.settled();
    expect(sandbox.webhooks.attempts().map((a) => a.status)).toEqual([200]);
    expect(ingested).toEqual([]);
    release();
    await inbox.idle();
    expect(ingested).toHaveLength(1);
  });

  it('changes nothing for a forged or a replayed webhook', async () => {
    const order = sandbox.stock.createOrder({ lines: [{ listingId: LISTING, quantity: 4 }] });
    const events = sandbox.stock.events().filter((e) => e.orderId === order.orderId).map(({ seq: _seq, ...e }) => e);
    const genuine = sandbox.webhookFor(events);
    const forged = sandbox.webhookFor(events, { signWith: 'shpss_guessed' });

    expect(inbox.receive(forged)).toEqual({ status: 401, reason: 'rejected' });
    // The signature is checked before the body is read: a forged body that is not even JSON is refused as forged.
    expect(inbox.receive({ headers: forged.headers, body: 'not json' })).toEqual({ status: 401, reason: 'rejected' });
    expect(inbox.receive(genuine)).toEqual({ status: 200, reason: 'queued' });
    expect(inbox.receive(genuine)).toEqual({ status: 200, reason: 'duplicate' });
    await inbox.idle();
    expect(ingested).toEqual(events);
  });

  it('acknowledges signed topics it does not ingest, and names what a signed non-order body lacks', () => {
    const order = sandbox.stock.createOrder({ lines: [{ listingId: LISTING, quantity: 1 }] });
    const events = sandbox.stock.events().filter((e) => e.orderId === order.orderId).map(({ seq: _seq, ...e }) => e);
    const genuine = sandbox.webhookFor(events);
    const headers = { ...genuine.headers, 'X-Shopify-Topic': 'products/update' };
    expect(connector.parseWebhook({ headers, body: genuine.body })).toMatchObject({ events: [] });
    const signedJunk = sandbox.webhooks.signed('orders/create', { id: 1 } as never);
    expect(() => connector.parseWebhook(signedJunk)).toThrow(/orders\/create webhook body is not an order \(admin_graphql_api_id/);
  });
});
