import { openTestStore, rawCall } from './testing/yahoo-test-store';
import type { YahooSandbox } from './sandbox/yahoo.sandbox';
import type { YahooConnector } from './yahoo.connector';
import { YAHOO_PATHS } from './yahoo-wire.types';

describe('Yahoo!ショッピング orders (orderList polling)', () => {
  let sandbox: YahooSandbox;
  let connector: YahooConnector;

  beforeEach(async () => {
    ({ sandbox, connector } = await openTestStore());
    sandbox.stock.upsertListing({
      listingId: 'tee-01:red-m',
      quantity: 20,
      sellerSku: 'TEE-RED-M',
    });
    sandbox.stock.upsertListing({ listingId: 'mug-02', quantity: 20 });
  });
  afterEach(() => sandbox.close());

  it("turns an order's life into created, paid, cancelled and shipped events per line, variant codes included", async () => {
    const order = sandbox.stock.createOrder({
      lines: [
        { listingId: 'tee-01:red-m', quantity: 3 },
        { listingId: 'mug-02', quantity: 1 },
      ],
    });
    sandbox.stock.cancelLine(order.orderId, order.lines[0].lineId, 1);
    sandbox.stock.payOrder(order.orderId);
    sandbox.stock.shipOrder(order.orderId);

    const page = await connector.fetchOrders(null);

    expect(page.events.map((e) => [e.listingId, e.status, e.quantity])).toEqual(
      [
        ['tee-01:red-m', 'created', 3],
        ['mug-02', 'created', 1],
        ['tee-01:red-m', 'cancelled', 1],
        ['tee-01:red-m', 'paid', 2],
        ['mug-02', 'paid', 1],
        ['tee-01:red-m', 'shipped', 2],
        ['mug-02', 'shipped', 1],
      ],
    );
    expect(page.events).toEqual(
      sandbox.stock.events().map(({ seq: _seq, ...e }) => e),
    );
    expect(page.hasMore).toBe(false);
  });

  it('lists an order again when it changes later, with the same ids for what was already handed out', async () => {
    const order = sandbox.stock.createOrder({
      lines: [{ listingId: 'mug-02', quantity: 2 }],
    });
    const first = await connector.fetchOrders(null);
    expect(first.events.map((e) => e.eventId)).toEqual([
      `${order.lines[0].lineId}:created`,
    ]);

    await new Promise((resolve) => setTimeout(resolve, 1100)); // Yahoo! times have whole seconds
    sandbox.stock.cancelOrder(order.orderId);
    const second = await connector.fetchOrders(first.nextCursor);

    expect(second.events.map((e) => e.eventId)).toEqual([
      `${order.lines[0].lineId}:created`,
      `${order.lines[0].lineId}:cancelled:1`,
    ]);
    expect(sandbox.stock.quantity('mug-02')).toBe(20);
    const quiet = await connector.fetchOrders(second.nextCursor);
    expect(quiet.events).toEqual([]);
  });

  it('refuses a cursor it did not hand out, saying what it expects', async () => {
    await expect(connector.fetchOrders('yesterday')).rejects.toThrow(
      'pass back the nextCursor of a previous page, or null to start',
    );
    expect(sandbox.requests.entries('orders')).toHaveLength(0);
  });

  it("answers orderInfo in XML with Yahoo!'s statuses: 5 complete, PayStatus 1, and each line's cancellations", async () => {
    const order = sandbox.stock.createOrder({
      lines: [{ listingId: 'tee-01:red-m', quantity: 2 }],
    });
    sandbox.stock.cancelLine(order.orderId, order.lines[0].lineId, 1);
    sandbox.stock.payOrder(order.orderId);
    sandbox.stock.shipOrder(order.orderId);
    const body = `<Req><Target><OrderId>${order.orderId}</OrderId></Target><SellerId>${sandbox.sellerId}</SellerId></Req>`;

    const answer = await rawCall(
      sandbox,
      YAHOO_PATHS.orderInfo,
      body,
      'application/xml',
    );

    expect(answer.status).toBe(200);
    expect(answer.data).toMatch(/<OrderStatus>5<\/OrderStatus>/);
    expect(answer.data).toMatch(/<PayStatus>1<\/PayStatus>/);
    expect(answer.data).toMatch(
      /<Item><LineId>1<\/LineId><ItemId>tee-01<\/ItemId><SubCode>red-m<\/SubCode><Quantity>2<\/Quantity><Cancel><Quantity>1<\/Quantity><Time>\d{14}<\/Time><\/Cancel><\/Item>/,
    );
    const missing = await rawCall(
      sandbox,
      YAHOO_PATHS.orderInfo,
      body.replace(order.orderId, 'no-such-order'),
      'application/xml',
    );
    expect(missing.status).toBe(404);
    expect(missing.data).toContain(
      '<Error><Message>No order no-such-order in this store</Message></Error>',
    );
  });
});
