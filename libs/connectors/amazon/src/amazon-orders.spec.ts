import { WebhookRejectedError } from '@urikiri/connector-sdk';
import axios from 'axios';
import {
  createAmazonSandbox,
  type AmazonSandbox,
} from './sandbox/amazon.sandbox';
import {
  FAST_PLANS,
  connectTo,
  seedListings,
} from './testing/amazon-test-account';

const kinds = (events: { status: string; quantity: number }[]) =>
  events.map((e) => `${e.status}:${e.quantity}`);

describe('Amazon orders, as an operator sees them', () => {
  let sandbox: AmazonSandbox;

  afterEach(() => sandbox.close());

  it('counts a Pending order at once by default: Amazon has already lowered the listing', async () => {
    sandbox = await createAmazonSandbox({ seed: 31, rateLimits: FAST_PLANS });
    const [sku] = seedListings(sandbox, 1, 5);
    sandbox.stock.createOrder({ lines: [{ listingId: sku, quantity: 2 }] });
    expect(sandbox.stock.quantity(sku)).toBe(3);
    const page = await connectTo(sandbox).fetchOrders(null);
    expect(kinds(page.events)).toEqual(['created:2']);
    expect(page.events[0]).toMatchObject({
      listingId: sku,
      sellerSku: sku,
      orderId: expect.stringMatching(/^503-\d{7}-\d{7}$/),
    });
  });

  it('with reservePending off, waits for payment, then reports the order as created and paid', async () => {
    sandbox = await createAmazonSandbox({ seed: 32, rateLimits: FAST_PLANS });
    const [sku] = seedListings(sandbox, 1, 5);
    const connector = connectTo(sandbox, { reservePending: false });
    const order = sandbox.stock.createOrder({
      lines: [{ listingId: sku, quantity: 2 }],
    });
    const first = await connector.fetchOrders(null);
    expect(first.events).toEqual([]);
    sandbox.stock.payOrder(order.orderId);
    expect(
      kinds((await connector.fetchOrders(first.nextCursor)).events),
    ).toEqual(['created:2', 'paid:2']);
  });

  it('lowers the listing at payment when the sandbox is set so (Amazon does not document which)', async () => {
    sandbox = await createAmazonSandbox({
      seed: 33,
      stockLoweredAt: 'Unshipped',
    });
    const [sku] = seedListings(sandbox, 1, 5);
    const order = sandbox.stock.createOrder({
      lines: [{ listingId: sku, quantity: 2 }],
    });
    expect(sandbox.stock.quantity(sku)).toBe(5);
    sandbox.stock.payOrder(order.orderId);
    expect(sandbox.stock.quantity(sku)).toBe(3);
  });

  it('reads a cancelled order as one cancellation per unit, and a shipped one as shipped', async () => {
    sandbox = await createAmazonSandbox({ seed: 34, rateLimits: FAST_PLANS });
    const [a, b] = seedListings(sandbox, 2, 5);
    const connector = connectTo(sandbox);
    const cancelled = sandbox.stock.createOrder({
      lines: [{ listingId: a, quantity: 2 }],
    });
    sandbox.stock.cancelOrder(cancelled.orderId);
    const shipped = sandbox.stock.createOrder({
      lines: [{ listingId: b, quantity: 1 }],
    });
    sandbox.stock.payOrder(shipped.orderId);
    sandbox.stock.shipOrder(shipped.orderId);
    const page = await connector.fetchOrders(null);
    expect(page.events.map((e) => e.eventId)).toEqual(
      sandbox.stock.events().map((e) => e.eventId),
    );
    expect(kinds(page.events)).toEqual([
      'created:2',
      'cancelled:1',
      'cancelled:1',
      'created:1',
      'paid:1',
      'shipped:1',
    ]);
    expect(sandbox.stock.quantity(a)).toBe(5);
  });

  it('gives the same event ids from an ORDER_CHANGE notification (EventBridge) as from a poll', async () => {
    sandbox = await createAmazonSandbox({
      seed: 35,
      rateLimits: FAST_PLANS,
      notificationFormat: 'eventbridge',
    });
    const [sku] = seedListings(sandbox, 1, 5);
    const connector = connectTo(sandbox);
    const order = sandbox.stock.createOrder({
      lines: [{ listingId: sku, quantity: 1 }],
    });
    sandbox.stock.cancelOrder(order.orderId);
    const delivery = connector.parseWebhook(
      sandbox.webhookFor(sandbox.stock.events()),
    );
    expect(delivery.deliveryId).toMatch(/^[0-9a-f]{32}$/);
    expect(delivery.events.map((e) => e.eventId)).toEqual(
      (await connector.fetchOrders(null)).events.map((e) => e.eventId),
    );
  });

  it('refuses an unsigned notification and one for another seller', async () => {
    sandbox = await createAmazonSandbox({ seed: 36 });
    const [sku] = seedListings(sandbox, 1, 5);
    const connector = connectTo(sandbox);
    const genuine = sandbox.quantityWebhookFor(sku);
    expect(() =>
      connector.parseWebhook({ headers: {}, body: genuine.body }),
    ).toThrow(WebhookRejectedError);
    const other = await createAmazonSandbox({
      seed: 37,
      account: { sellerId: 'A9OTHERSELLER9' },
    });
    try {
      seedListings(other, 1, 1);
      expect(() =>
        connector.parseWebhook(other.quantityWebhookFor(sku)),
      ).toThrow(
        /is for seller A9OTHERSELLER9, not this account's A3SANDBOXSELLER1/,
      );
    } finally {
      await other.close();
    }
  });

  it('throttles searchOrders at its documented burst of 20 with QuotaExceeded, announcing the plan in x-amzn-RateLimit-Limit', async () => {
    sandbox = await createAmazonSandbox({ seed: 38 });
    const token = await tokenFor(sandbox);
    const api = axios.create({
      baseURL: sandbox.url,
      headers: { 'x-amz-access-token': token },
      validateStatus: () => true,
    });
    const params = {
      marketplaceIds: sandbox.account.marketplaceId,
      lastUpdatedAfter: '2025-01-01T00:00:00Z',
    };
    const answers = [];
    for (let i = 0; i < 21; i += 1) {
      answers.push(await api.get('/orders/2026-01-01/orders', { params }));
    }
    expect(
      answers
        .slice(0, 20)
        .every(
          (a) =>
            a.status === 200 &&
            a.headers['x-amzn-ratelimit-limit'] === '0.0056',
        ),
    ).toBe(true);
    expect(answers[20].status).toBe(429);
    expect(answers[20].data).toEqual({
      errors: [
        {
          code: 'QuotaExceeded',
          message: 'You exceeded your quota for the requested resource.',
          details: '',
        },
      ],
    });
    expect(answers[20].headers['retry-after']).toBeUndefined();
  });
});

async function tokenFor(sandbox: AmazonSandbox): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: sandbox.account.refreshToken,
    client_id: sandbox.account.clientId,
    client_secret: sandbox.account.clientSecret,
  });
  const { data } = await axios.post(
    `${sandbox.url}/auth/o2/token`,
    form.toString(),
    { headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  );
  return data.access_token as string;
}
