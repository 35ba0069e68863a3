import type { OrderEvent } from '@urikiri/connector-sdk';
import { createShopifySandbox, type ShopifySandbox } from './sandbox/shopify.sandbox';
import { ShopifyConnector } from './shopify.connector';

const TOKYO = '71000000001';
const OSAKA = '71000000002';
const TEE_TOKYO = `44000000301@${TOKYO}`;
const TEE_OSAKA = `44000000301@${OSAKA}`;
const CAP_TOKYO = `44000000302@${TOKYO}`;

describe('Shopify orders: committed stock and order events', () => {
  let sandbox: ShopifySandbox;
  let connector: ShopifyConnector;

  beforeEach(async () => {
    sandbox = await createShopifySandbox({ seed: 11 });
    sandbox.stock.upsertListing({ listingId: TEE_TOKYO, quantity: 10, sellerSku: 'TEE-M' });
    sandbox.stock.upsertListing({ listingId: TEE_OSAKA, quantity: 4, sellerSku: 'TEE-M' });
    sandbox.stock.upsertListing({ listingId: CAP_TOKYO, quantity: 6, sellerSku: 'CAP' });
    connector = new ShopifyConnector({ credentials: sandbox.credentials(), baseUrl: sandbox.url, timeoutMs: 2000 });
  });
  afterEach(() => sandbox.close());

  const all = async (): Promise<OrderEvent[]> => {
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

  it('moves ordered units from available to committed, and out of on-hand once fulfilled', async () => {
    const order = sandbox.stock.createOrder({ lines: [{ listingId: TEE_TOKYO, quantity: 3 }] });
    expect(await connector.readQuantities([TEE_TOKYO])).toEqual([
      { listingId: TEE_TOKYO, found: true, available: 7, committed: 3, onHand: 10 },
    ]);
    sandbox.stock.payOrder(order.orderId);
    sandbox.stock.shipOrder(order.orderId);
    expect(await connector.readQuantities([TEE_TOKYO])).toEqual([
      { listingId: TEE_TOKYO, found: true, available: 7, committed: 0, onHand: 7 },
    ]);
  });

  it('gives cancelled units back to available when restocked, and not otherwise', async () => {
    const restocked = sandbox.stock.createOrder({ lines: [{ listingId: CAP_TOKYO, quantity: 2 }] });
    const kept = sandbox.stock.createOrder({ lines: [{ listingId: CAP_TOKYO, quantity: 1 }] });
    sandbox.stock.cancelOrder(restocked.orderId);
    sandbox.stock.cancelOrder(kept.orderId, { restock: false });
    const [cap] = await connector.readQuantities([CAP_TOKYO]);
    expect(cap).toMatchObject({ available: 5, committed: 0 });
    expect((await connector.read([CAP_TOKYO, 'CAP', `9${CAP_TOKYO}`])).map((r) => r.found)).toEqual([true, false, false]);
  });

  it('derives each line event once, with the Shopify records it came from, across locations', async () => {
    const order = sandbox.stock.createOrder({
      lines: [
        { listingId: TEE_TOKYO, quantity: 2 },
        { listingId: TEE_OSAKA, quantity: 1 },
      ],
    });
    sandbox.stock.cancelLine(order.orderId, order.lines[0].lineId, 1);
    sandbox.stock.payOrder(order.orderId);
    sandbox.stock.shipOrder(order.orderId);

    const events = await all();
    expect(events.map((e) => [e.status, e.listingId, e.quantity])).toEqual([
      ['created', TEE_TOKYO, 2],
      ['created', TEE_OSAKA, 1],
      ['cancelled', TEE_TOKYO, 1],
      ['paid', TEE_TOKYO, 1],
      ['paid', TEE_OSAKA, 1],
      ['shipped', TEE_TOKYO, 1],
      ['shipped', TEE_OSAKA, 1],
    ]);
    expect(events.map(({ eventId, lineId, orderId }) => ({ eventId, lineId, orderId }))).toEqual(
      sandbox.stock.events().map(({ eventId, lineId, orderId }) => ({ eventId, lineId, orderId })),
    );
    expect(events[0].orderId).toMatch(/^gid:\/\/shopify\/Order\/\d+$/);
    expect(events[2].eventId).toMatch(/^cancelled:\d+:\d+$/);
    // Two locations, two fulfillments.
    expect(new Set(events.slice(5).map((e) => e.eventId.split(':')[1])).size).toBe(2);
    expect(await connector.fetchOrders((await connector.fetchOrders(null)).nextCursor)).toMatchObject({ events: [], hasMore: false });
  });

  it('reports a refund restocked as RETURN after fulfilment as returned units, restocked at the line location', async () => {
    const order = sandbox.stock.createOrder({ lines: [{ listingId: TEE_TOKYO, quantity: 3 }] });
    sandbox.stock.payOrder(order.orderId);
    sandbox.stock.shipOrder(order.orderId);
    sandbox.stock.returnLine(order.orderId, order.lines[0].lineId, 2);
    expect(sandbox.stock.quantity(TEE_TOKYO)).toBe(9);
    expect(() => sandbox.stock.returnLine(order.orderId, order.lines[0].lineId, 1, { restock: false })).toThrow(/RETURN/);

    const events = await all();
    const returned = events.filter((e) => e.status === 'returned');
    expect(returned.map((e) => [e.listingId, e.quantity, e.restocked])).toEqual([[TEE_TOKYO, 2, true]]);
    expect(returned[0].eventId).toMatch(/^returned:\d+:\d+$/);
    expect(events.filter((e) => e.status === 'cancelled')).toEqual([]);
    expect(events.map(({ eventId, status }) => ({ eventId, status }))).toEqual(sandbox.stock.events().map(({ eventId, status }) => ({ eventId, status })));
  });

  it("says from each refund's restockType whether the cancelled units came back at the line's location", async () => {
    const back = sandbox.stock.createOrder({ lines: [{ listingId: TEE_TOKYO, quantity: 3 }] });
    const kept = sandbox.stock.createOrder({ lines: [{ listingId: TEE_OSAKA, quantity: 2 }] });
    sandbox.stock.cancelLine(back.orderId, back.lines[0].lineId, 1);
    sandbox.stock.cancelOrder(kept.orderId, { restock: false });
    expect([sandbox.stock.quantity(TEE_TOKYO), sandbox.stock.quantity(TEE_OSAKA)]).toEqual([8, 2]);

    const cancelled = (await all()).filter((e) => e.status === 'cancelled');
    expect(cancelled.map((e) => [e.listingId, e.quantity, e.restocked])).toEqual([
      [TEE_TOKYO, 1, true],
      [TEE_OSAKA, 2, false],
    ]);
  });

  it('refuses a cursor it did not hand out, saying what it takes', async () => {
    await expect(connector.fetchOrders('page-2')).rejects.toThrow(/cursor: "page-2" is not a Shopify order cursor; pass null or the nextCursor/);
  });
});
