import type { OrderEvent } from '@urikiri/connector-sdk';
import { RakutenConnector } from './rakuten.connector';
import { createRakutenSandbox, type RakutenSandbox } from './sandbox/rakuten.sandbox';

const DAY = 24 * 3_600_000;

describe('Rakuten order polling', () => {
  let sandbox: RakutenSandbox;
  let connector: RakutenConnector;
  let offset = 0;
  const clock = () => Date.now() + offset;

  async function drain(cursor: string | null): Promise<{ events: OrderEvent[]; cursor: string }> {
    const events: OrderEvent[] = [];
    for (;;) {
      const page = await connector.fetchOrders(cursor);
      events.push(...page.events);
      cursor = page.nextCursor;
      if (!page.hasMore) {
        return { events, cursor };
      }
    }
  }

  beforeEach(async () => {
    offset = 0;
    sandbox = await createRakutenSandbox({ seed: 5, clock });
    connector = new RakutenConnector({ credentials: sandbox.credentials(), baseUrl: sandbox.url, clock });
    sandbox.stock.upsertListing({ listingId: 'yukata:navy-m', quantity: 50, sellerSku: 'YK-NV-M' });
    sandbox.stock.upsertListing({ listingId: 'yukata:red-s', quantity: 50, sellerSku: 'YK-RD-S' });
  });
  afterEach(() => sandbox.close());

  it('follows an order from 注文確認待ち to fixed (300, paid) and shipped (500), per line, with RMS order numbers', async () => {
    const order = sandbox.stock.createOrder({
      lines: [
        { listingId: 'yukata:navy-m', quantity: 2 },
        { listingId: 'yukata:red-s', quantity: 1 },
      ],
    });
    expect(order.orderId).toMatch(/^385912-\d{8}-0000000001$/);
    sandbox.stock.payOrder(order.orderId);
    sandbox.stock.shipOrder(order.orderId);
    const { events } = await drain(null);
    expect(events.map((e) => [e.lineId, e.status, e.quantity, e.sellerSku])).toEqual([
      [`${order.orderId}-1`, 'created', 2, 'YK-NV-M'],
      [`${order.orderId}-1`, 'paid', 2, 'YK-NV-M'],
      [`${order.orderId}-1`, 'shipped', 2, 'YK-NV-M'],
      [`${order.orderId}-2`, 'created', 1, 'YK-RD-S'],
      [`${order.orderId}-2`, 'paid', 1, 'YK-RD-S'],
      [`${order.orderId}-2`, 'shipped', 1, 'YK-RD-S'],
    ]);
    expect(events.every((e) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/.test(e.occurredAt))).toBe(true);
    expect(events).toEqual(sandbox.stock.events().map(({ seq: _seq, ...e }) => e).sort((a, b) => (a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0)));
  });

  it('restocks Rakuten on a cancellation only as restoreInventoryFlag or the item\'s 在庫戻し setting says, and reports each cancellation', async () => {
    sandbox.stock.setRestockOnCancel('yukata:red-s', false);
    const restored = sandbox.stock.createOrder({ lines: [{ listingId: 'yukata:navy-m', quantity: 2, restoreInventoryFlag: 1 }] });
    const kept = sandbox.stock.createOrder({ lines: [{ listingId: 'yukata:navy-m', quantity: 3, restoreInventoryFlag: 2 }] });
    const byItem = sandbox.stock.createOrder({ lines: [{ listingId: 'yukata:red-s', quantity: 4 }] });
    for (const o of [restored, kept, byItem]) {
      sandbox.stock.cancelOrder(o.orderId);
    }
    expect(sandbox.stock.quantity('yukata:navy-m')).toBe(47);
    expect(sandbox.stock.quantity('yukata:red-s')).toBe(46);
    const { events } = await drain(null);
    expect(events.filter((e) => e.status === 'cancelled').map((e) => [e.orderId, e.quantity, e.restocked])).toEqual([
      [restored.orderId, 2, true],
      [kept.orderId, 3, false],
      [byItem.orderId, 4, false],
    ]);
    expect(events.filter((e) => e.status !== 'cancelled').every((e) => !('restocked' in e))).toBe(true);
  });

  it("reads the item's 在庫戻し setting only for lines that defer to it, once per item among the cancellations handed out", async () => {
    sandbox.stock.upsertListing({ listingId: 'obi:black', quantity: 20 });
    sandbox.stock.setRestockOnCancel('yukata:red-s', false);
    const own = sandbox.stock.createOrder({ lines: [{ listingId: 'yukata:navy-m', quantity: 1, restoreInventoryFlag: 2 }] });
    const byItem = sandbox.stock.createOrder({
      lines: [
        { listingId: 'yukata:navy-m', quantity: 2 },
        { listingId: 'yukata:red-s', quantity: 2 },
        { listingId: 'obi:black', quantity: 1 },
      ],
    });
    sandbox.stock.cancelOrder(own.orderId);
    const first = await drain(null);
    expect(sandbox.requests.entries('catalogue')).toHaveLength(0);

    sandbox.stock.cancelOrder(byItem.orderId);
    sandbox.requests.clear();
    const later = await drain(first.cursor);
    expect(later.events.map((e) => [e.listingId, e.status, e.restocked])).toEqual([
      ['yukata:navy-m', 'cancelled', true],
      ['yukata:red-s', 'cancelled', false],
      ['obi:black', 'cancelled', true],
    ]);
    expect(sandbox.requests.entries('catalogue').map((e) => e.path)).toEqual([
      '/es/2.0/items/manage-numbers/yukata',
      '/es/2.0/items/manage-numbers/obi',
    ]);
    expect([sandbox.stock.quantity('yukata:navy-m'), sandbox.stock.quantity('yukata:red-s')]).toEqual([49, 48]);
  });

  it('leaves a cancellation unknown rather than holding the poll when the item cannot be read', async () => {
    const order = sandbox.stock.createOrder({ lines: [{ listingId: 'yukata:navy-m', quantity: 2 }] });
    sandbox.stock.cancelLine(order.orderId, order.lines[0].lineId, 1);
    sandbox.faults.next('catalogue', { kind: 'server-error', status: 500 });
    const { events } = await drain(null);
    const cancelled = events.find((e) => e.status === 'cancelled');
    expect(cancelled).toMatchObject({ eventId: `${order.orderId}-1:cancelled:1`, quantity: 1 });
    expect(cancelled).not.toHaveProperty('restocked');
  });

  it('shows the 在庫連動 a shop chose when cancelling as the line\'s restoreInventoryFlag, and reports it', async () => {
    const order = sandbox.stock.createOrder({ lines: [{ listingId: 'yukata:navy-m', quantity: 3 }] });
    sandbox.stock.cancelLine(order.orderId, order.lines[0].lineId, 1, { restock: false });
    expect(sandbox.stock.restoreFlagOf(order.lines[0].lineId)).toBe(2);
    expect(sandbox.stock.quantity('yukata:navy-m')).toBe(47);
    const { events } = await drain(null);
    expect(events.map((e) => [e.status, e.quantity, e.restocked])).toEqual([
      ['created', 3, undefined],
      ['cancelled', 1, false],
    ]);
    expect(sandbox.requests.entries('catalogue')).toHaveLength(0);
  });

  it('reports partial cancellations as they happen, each with its own id, and the line with what was first ordered', async () => {
    const first = await drain(null);
    const order = sandbox.stock.createOrder({ lines: [{ listingId: 'yukata:navy-m', quantity: 5 }] });
    sandbox.stock.cancelLine(order.orderId, order.lines[0].lineId, 1);
    const seen = await drain(first.cursor);
    sandbox.stock.cancelLine(order.orderId, order.lines[0].lineId, 2);
    const later = await drain(seen.cursor);
    expect([...seen.events, ...later.events].map((e) => [e.eventId, e.quantity])).toEqual([
      [`${order.orderId}-1:created`, 5],
      [`${order.orderId}-1:cancelled:1`, 1],
      [`${order.orderId}-1:cancelled:2`, 2],
    ]);
    expect(sandbox.stock.quantity('yukata:navy-m')).toBe(48);
    expect((await connector.fetchOrders(later.cursor)).events).toEqual([]);
  });

  it('keeps watching an open order beyond one 63-day search window and searches window by window', async () => {
    const old = sandbox.stock.createOrder({ lines: [{ listingId: 'yukata:red-s', quantity: 1 }] });
    const start = await drain(null);
    offset = 70 * DAY;
    sandbox.stock.payOrder(old.orderId);
    const recent = sandbox.stock.createOrder({ lines: [{ listingId: 'yukata:red-s', quantity: 2 }] });
    sandbox.requests.clear();
    const { events } = await drain(start.cursor);
    expect(events.map((e) => [e.orderId, e.status])).toEqual([
      [old.orderId, 'paid'],
      [recent.orderId, 'created'],
    ]);
    expect(sandbox.requests.entries('orders').filter((e) => e.path.includes('searchOrder'))).toHaveLength(2);
  });

  it('pages a flash sale of more than 1,000 orders: searchOrder by 1,000, getOrder by 100, no event lost or repeated', async () => {
    sandbox.stock.upsertListing({ listingId: 'fan:white', quantity: 5000 });
    for (let i = 0; i < 1050; i += 1) {
      sandbox.stock.createOrder({ lines: [{ listingId: 'fan:white', quantity: 1 }] });
    }
    const first = await connector.fetchOrders(null);
    const calls = sandbox.requests.entries('orders');
    expect(calls.filter((e) => e.path.includes('searchOrder'))).toHaveLength(2);
    expect(calls.filter((e) => e.path.includes('getOrder'))).toHaveLength(11);
    // One download, then the rest of the sale is handed out page by page without calling RMS again.
    const events = [...first.events];
    let cursor = first.nextCursor;
    for (let page = 2; page <= 11; page += 1) {
      const next = await connector.fetchOrders(cursor);
      expect(next.hasMore).toBe(true);
      events.push(...next.events);
      cursor = next.nextCursor;
    }
    expect(sandbox.requests.entries('orders')).toHaveLength(13);
    expect(events).toHaveLength(1050);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(1050);
    expect(events.every((e) => e.status === 'created' && e.listingId === 'fan:white')).toBe(true);
  });

  it('reads only new orders and a slice of the open ones while a sale runs, leaving the cursor and not counting as caught up', async () => {
    sandbox.stock.upsertListing({ listingId: 'fan:white', quantity: 5000 });
    const early = [];
    for (let i = 0; i < 250; i += 1) early.push(sandbox.stock.createOrder({ lines: [{ listingId: 'fan:white', quantity: 1 }] }));
    const start = await drain(null);
    expect(start.events).toHaveLength(250);
    // The oldest open order is cancelled while the sale goes on.
    sandbox.stock.cancelOrder(early[0].orderId);
    const late = [1, 2, 3].map(() => sandbox.stock.createOrder({ lines: [{ listingId: 'fan:white', quantity: 1 }] }));
    sandbox.requests.clear();
    const quick = await connector.fetchOrders(start.cursor);
    expect(quick).toMatchObject({ nextCursor: start.cursor, hasMore: false, complete: false });
    // One search; the three new orders and the 100 longest-unread open ones in two getOrder calls, not 253 in three.
    const calls = sandbox.requests.entries('orders');
    expect(calls.filter((e) => e.path.includes('searchOrder'))).toHaveLength(1);
    expect(calls.filter((e) => e.path.includes('getOrder'))).toHaveLength(2);
    expect(quick.events.map((e) => [e.orderId, e.status])).toEqual(
      expect.arrayContaining([[early[0].orderId, 'cancelled'], ...late.map((o) => [o.orderId, 'created'])]),
    );
    expect(quick.events).toHaveLength(4);
    // Quiet again: a full read, which counts as complete and hands nothing out twice.
    sandbox.requests.clear();
    const full = await connector.fetchOrders(start.cursor);
    expect(full.complete).not.toBe(false);
    expect(full.events).toEqual([]);
    expect(sandbox.requests.entries('orders').filter((e) => e.path.includes('getOrder'))).toHaveLength(3);
  });

  it('refuses a cursor it did not write, saying how to recover', async () => {
    await expect(connector.fetchOrders('evt-00000042')).rejects.toThrow('pass back a nextCursor from fetchOrders, or null to start over');
  });
});
