import type { OrderEvent, RawWebhookRequest, UnresolvedOrderEvent } from '@urikiri/connector-sdk';
import { deliveryEvents } from '@urikiri/connector-sdk';
import { webhookOrder } from './sandbox/shopify-order.presenter';
import { createShopifySandbox, type ShopifySandbox, type ShopifySandboxOptions } from './sandbox/shopify.sandbox';
import { ShopifyWebhookInbox } from './shopify-webhook.inbox';
import { ShopifyConnector } from './shopify.connector';

const TOKYO = '71000000001';
const OSAKA = '71000000002';
const TEE = '44000000301';
const CAP = '44000000302';
const MUG = '44000000303';

describe('Shopify webhook lines: variant → inventory item, fulfillment order → location', () => {
  let sandbox: ShopifySandbox;
  let connector: ShopifyConnector;

  const start = async (options: ShopifySandboxOptions = {}) => {
    sandbox = await createShopifySandbox({ seed: 17, ...options });
    for (const [item, location] of [[TEE, TOKYO], [TEE, OSAKA], [CAP, TOKYO], [MUG, OSAKA]]) {
      sandbox.stock.upsertListing({ listingId: `${item}@${location}`, quantity: 100, sellerSku: `SKU-${item}` });
    }
    connector = new ShopifyConnector({ credentials: sandbox.credentials(), baseUrl: sandbox.url, timeoutMs: 5000 });
  };
  afterEach(() => sandbox.close());

  /** The signed webhook Shopify sends about the order as it stands now. */
  const webhook = (orderId: string, topic: 'orders/create' | 'orders/updated' = 'orders/create'): RawWebhookRequest => {
    const record = sandbox.stock.orderRecord(orderId);
    if (record === null) {
      throw new Error(`no order ${orderId}`);
    }
    return sandbox.webhooks.signed(topic, webhookOrder(record));
  };
  const ingestible = (request: RawWebhookRequest): Promise<OrderEvent[]> => deliveryEvents(connector, connector.parseWebhook(request));
  /** GraphQL calls of the look-ups: they count against the `orders` operation. */
  const lookups = () => sandbox.requests.entries('orders');
  /** Ids asked per look-up call; calls that leave together may arrive in either order. */
  const idsPerCall = () => lookups().map((c) => c.itemCount ?? 0).sort((a, b) => a - b);
  const polled = async (orderId: string) => {
    const fresh = new ShopifyConnector({ credentials: sandbox.credentials(), baseUrl: sandbox.url, timeoutMs: 5000 });
    return (await fresh.fetchOrders(null)).events.filter((e) => e.orderId === orderId);
  };

  it('maps a line that names only its variant to the inventory item at the location its fulfillment order takes it from', async () => {
    await start();
    const order = sandbox.stock.createOrder({
      lines: [
        { listingId: `${TEE}@${OSAKA}`, quantity: 2 },
        { listingId: `${CAP}@${TOKYO}`, quantity: 1 },
      ],
    });
    const request = webhook(order.orderId);
    const delivery = connector.parseWebhook(request);
    // The body is Shopify's: variant and SKU per line, and nothing that names an item or a location.
    const lines = (JSON.parse(request.body.toString()) as { line_items: Record<string, unknown>[] }).line_items;
    expect(lines.map((l) => Object.keys(l).filter((k) => /inventory|location/.test(k)))).toEqual([[], []]);
    expect(delivery.events).toEqual([]);
    expect(delivery.unresolved?.map((e) => e.listingRef)).toEqual(lines.map((l) => `gid://shopify/ProductVariant/${String(l.variant_id)}`));
    expect(delivery.unresolved?.map((e) => e.listingRef)).not.toContain(`gid://shopify/ProductVariant/${TEE}`);

    const events = await deliveryEvents(connector, delivery);
    expect(events.map((e) => [e.status, e.listingId, e.quantity])).toEqual([
      ['created', `${TEE}@${OSAKA}`, 2],
      ['created', `${CAP}@${TOKYO}`, 1],
    ]);
    expect(events).toEqual(await polled(order.orderId));
  });

  it('remembers its look-ups: later webhooks of the order, and other orders of the variant, ask for less', async () => {
    await start();
    const first = sandbox.stock.createOrder({ lines: [{ listingId: `${TEE}@${TOKYO}`, quantity: 3 }] });
    await ingestible(webhook(first.orderId));
    expect(idsPerCall()).toEqual([1, 1]); // the variant, and the order's fulfillment orders

    sandbox.stock.cancelLine(first.orderId, first.lines[0].lineId, 1);
    sandbox.stock.payOrder(first.orderId);
    sandbox.stock.shipOrder(first.orderId);
    const updated = await ingestible(webhook(first.orderId, 'orders/updated'));
    expect(updated.map((e) => [e.status, e.listingId, e.quantity])).toEqual([
      ['created', `${TEE}@${TOKYO}`, 3],
      ['cancelled', `${TEE}@${TOKYO}`, 1],
      ['shipped', `${TEE}@${TOKYO}`, 2],
    ]);
    expect(lookups()).toHaveLength(2);

    const second = sandbox.stock.createOrder({ lines: [{ listingId: `${TEE}@${OSAKA}`, quantity: 1 }] });
    expect((await ingestible(webhook(second.orderId))).map((e) => e.listingId)).toEqual([`${TEE}@${OSAKA}`]);
    expect(lookups()).toHaveLength(3); // only where the new order's units were committed
  });

  it("says whether a webhook's cancellation restocked the listing, once the line's location is known, as polling does", async () => {
    await start();
    const order = sandbox.stock.createOrder({ lines: [{ listingId: `${TEE}@${TOKYO}`, quantity: 3 }] });
    sandbox.stock.cancelLine(order.orderId, order.lines[0].lineId, 1, { restock: false });
    sandbox.stock.cancelLine(order.orderId, order.lines[0].lineId, 1);
    const delivery = connector.parseWebhook(webhook(order.orderId, 'orders/updated'));
    // The order JSON names where a refund restocked, not where the line's units were committed:
    // NO_RESTOCK is known at once, a restock waits for the look-up with its location in listingRef.
    const cancelled = delivery.unresolved?.filter((e) => e.status === 'cancelled') ?? [];
    expect(cancelled.map((e) => [e.restocked, e.listingRef.split(' restocked-at ')[1]])).toEqual([
      [false, undefined],
      [undefined, `gid://shopify/Location/${TOKYO}`],
    ]);
    const events = await deliveryEvents(connector, delivery);
    expect(events.filter((e) => e.status === 'cancelled').map((e) => [e.quantity, e.restocked])).toEqual([
      [1, false],
      [1, true],
    ]);
    expect(events).toEqual(await polled(order.orderId));
  });

  it('reads a restock at another location than the line was taken from as not restocking its listing', async () => {
    await start();
    const order = sandbox.stock.createOrder({ lines: [{ listingId: `${TEE}@${TOKYO}`, quantity: 2 }] });
    sandbox.stock.cancelLine(order.orderId, order.lines[0].lineId, 1);
    const [delivered] = connector.parseWebhook(webhook(order.orderId, 'orders/updated')).unresolved?.filter((e) => e.status === 'cancelled') ?? [];
    const elsewhere = { ...delivered, listingRef: delivered.listingRef.replace(`Location/${TOKYO}`, `Location/${OSAKA}`) };
    expect(await connector.resolveWebhookEvents([elsewhere])).toEqual([
      expect.objectContaining({ status: 'cancelled', listingId: `${TEE}@${TOKYO}`, restocked: false }),
    ]);
    await expect(connector.resolveWebhookEvents([{ ...delivered, listingRef: `${delivered.listingRef} restocked-at x` }])).rejects.toThrow(
      'is not a Shopify variant id',
    );
  });

  it('asks nothing about what the catalogue or a poll already showed', async () => {
    await start();
    for (let page = await connector.listCatalogue(null); page.nextCursor !== null; ) {
      page = await connector.listCatalogue(page.nextCursor);
    }
    const beforePoll = sandbox.stock.createOrder({ lines: [{ listingId: `${MUG}@${OSAKA}`, quantity: 1 }] });
    expect((await ingestible(webhook(beforePoll.orderId))).map((e) => e.listingId)).toEqual([`${MUG}@${OSAKA}`]);
    expect(idsPerCall()).toEqual([1]); // the location only: the catalogue showed the variant

    const polledOrder = sandbox.stock.createOrder({ lines: [{ listingId: `${CAP}@${TOKYO}`, quantity: 2 }] });
    await connector.fetchOrders(null);
    const calls = lookups().length;
    expect((await ingestible(webhook(polledOrder.orderId))).map((e) => e.listingId)).toEqual([`${CAP}@${TOKYO}`]);
    expect(lookups()).toHaveLength(calls);
  });

  it("lets a burst share its look-ups, each call within Shopify's single-query cost limit", async () => {
    await start();
    const listings = [`${TEE}@${TOKYO}`, `${CAP}@${TOKYO}`, `${MUG}@${OSAKA}`];
    const orders = Array.from({ length: 12 }, (_, i) => sandbox.stock.createOrder({ lines: [{ listingId: listings[i % 3], quantity: 1 }] }));
    const requests = orders.map((o) => webhook(o.orderId));

    const resolved = await Promise.all(requests.map(ingestible));
    expect(resolved.map((events) => events.map((e) => e.listingId))).toEqual(orders.map((_, i) => [listings[i % 3]]));
    // One call for the three variants; the twelve orders in calls of ten (93 points each, 930 a call).
    expect(idsPerCall()).toEqual([2, 3, 10]);
    expect(lookups().every((c) => c.status === 200 && c.fault === null)).toBe(true);
  });

  it('reads an order too large for the batched pages again on its own, with larger pages', async () => {
    await start();
    const lines = Array.from({ length: 25 }, (_, i) => {
      const listingId = `${45_000_000_000 + i}@${TOKYO}`;
      sandbox.stock.upsertListing({ listingId, quantity: 5 });
      return { listingId, quantity: 1 };
    });
    const order = sandbox.stock.createOrder({ lines });
    const events = await ingestible(webhook(order.orderId));
    expect(events.map((e) => e.listingId)).toEqual(lines.map((l) => l.listingId));
    // The 25 variants in one call; the order read in a batch, then alone.
    expect(idsPerCall()).toEqual([1, 1, 25]);
  });

  it('waits for the cost bucket when another worker of the app has spent it', async () => {
    // An Advanced shop refills 200 points a second: the order look-up's 93 points take about half a second.
    await start({ plan: 'advanced' });
    const order = sandbox.stock.createOrder({ lines: [{ listingId: `${CAP}@${TOKYO}`, quantity: 1 }] });
    sandbox.bucket.consume(4_000);
    expect((await ingestible(webhook(order.orderId))).map((e) => e.listingId)).toEqual([`${CAP}@${TOKYO}`]);
    expect(lookups().some((c) => c.fault === 'throttled')).toBe(true);
    expect(lookups().filter((c) => c.fault === null)).toHaveLength(2);
  });

  it('leaves out a line whose variant the shop no longer has, and refuses a reference that is no variant', async () => {
    await start();
    const order = sandbox.stock.createOrder({ lines: [{ listingId: `${TEE}@${TOKYO}`, quantity: 1 }] });
    const [event] = connector.parseWebhook(webhook(order.orderId)).unresolved as UnresolvedOrderEvent[];
    expect(await connector.resolveWebhookEvents([{ ...event, listingRef: 'gid://shopify/ProductVariant/99' }])).toEqual([]);
    await expect(connector.resolveWebhookEvents([{ ...event, listingRef: `${TEE}@${TOKYO}` }])).rejects.toThrow(
      /events\[0\]\.listingRef: "44000000301@71000000001" is not a Shopify variant id/,
    );
  });

  it('spends no look-up on a forged or a replayed webhook, and ingests nothing from them', async () => {
    await start();
    const ingested: OrderEvent[] = [];
    const inbox = new ShopifyWebhookInbox({ connector, onDelivery: (d) => void ingested.push(...d.events) });
    const order = sandbox.stock.createOrder({ lines: [{ listingId: `${TEE}@${TOKYO}`, quantity: 2 }] });
    const record = sandbox.stock.orderRecord(order.orderId);
    const genuine = sandbox.webhooks.signed('orders/create', webhookOrder(record as NonNullable<typeof record>));
    const forged = sandbox.webhooks.signed('orders/create', webhookOrder(record as NonNullable<typeof record>), { signWith: 'shpss_guessed' });

    expect(inbox.receive(forged)).toEqual({ status: 401, reason: 'rejected' });
    await inbox.idle();
    expect(lookups()).toEqual([]);
    expect(inbox.receive(genuine)).toEqual({ status: 200, reason: 'queued' });
    expect(inbox.receive(genuine)).toEqual({ status: 200, reason: 'duplicate' });
    await inbox.idle();
    expect(lookups()).toHaveLength(2);
    expect(ingested.map((e) => [e.status, e.listingId, e.quantity])).toEqual([['created', `${TEE}@${TOKYO}`, 2]]);
  });
});
