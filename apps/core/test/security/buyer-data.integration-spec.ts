import { MikroORM } from '@mikro-orm/core';
import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { createShopifySandbox } from '@urikiri/connector-shopify/sandbox';
import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import { IngestedEvent, OrderLine } from '@urikiri/sync';
import { signatureScheme } from '../fuzz/webhook-cases';
import { eventually } from '../support/eventually';
import { catalogue, mapListing, receive } from '../support/sync-fixture';
import { startTestApp, type Dialect, type TestApp } from '../support/test-app';

/** What a real order webhook tells about its buyer. None of it may be kept. */
const BUYER = {
  name: '山田 太郎',
  firstName: 'Taro',
  lastName: 'Yamada-Buyer',
  email: 'taro.yamada@example.jp',
  phone: '+81-90-1234-5678',
  address: '千代田区千代田1-1-1 皇居前ビル 101',
  zip: '100-0001',
  company: 'Yamada Shoten KK',
};

const BUYER_VALUES = Object.values(BUYER);

/** The columns order lines and received events keep: ids, quantities, states, times. No room for a buyer. */
const ORDER_LINE_COLUMNS = [
  'id', 'account_id', 'order_id', 'line_id', 'channel_listing_id', 'product_id', 'quantity', 'cancelled', 'shipped', 'taken',
  'applied_cancelled', 'applied_shipped', 'shipped_before_cutover', 'reservation_id', 'unmapped', 'first_seen_at',
  'returned', 'applied_returned', 'returned_before_cutover', 'unfollowed_held',
];
const INGESTED_EVENT_COLUMNS = ['account_id', 'event_id', 'at'];

/** A sandbox's own webhook for a new order, with the buyer added as the channel would send it, signed again. */
async function webhookWithBuyer(shop: ChannelSandbox, listingId: string, addBuyer: (body: Record<string, unknown>) => void) {
  const before = shop.stock.events().length;
  const order = shop.stock.createOrder({ lines: [{ listingId, quantity: 1 }] });
  const genuine = shop.webhookFor?.(shop.stock.events().slice(before).filter((e) => e.orderId === order.orderId));
  if (!genuine) throw new Error('the sandbox signs webhooks');
  const scheme = signatureScheme(genuine, shop.credentials());
  if (!scheme) throw new Error('the sandbox webhook signature was not recognised');
  const body = JSON.parse(Buffer.from(genuine.body).toString()) as Record<string, unknown>;
  addBuyer(body);
  const raw = Buffer.from(JSON.stringify(body));
  // Header names as the scheme reports them (lower case), so the new signature replaces the old one.
  const headers = Object.fromEntries(Object.entries(genuine.headers as Record<string, string>).map(([name, value]) => [name.toLowerCase(), value]));
  return { headers: { ...headers, [scheme.header]: scheme.sign(raw) }, body: raw };
}

async function connect(app: TestApp, id: string, connector: string, shop: ChannelSandbox): Promise<void> {
  const created = await app.call('POST', '/api/v1/channels/accounts', { body: { id, connector, displayName: id, credentials: shop.credentials(), baseUrl: shop.url } });
  if (created.status !== 201) throw new Error(`connecting ${id} failed: ${created.status} ${created.text}`);
  // Cut over, and polled once: the orders below then arrive by their webhook, not by a first poll racing it.
  await eventually(
    async () => (await app.call<{ cutoverAt: string | null; ordersCaughtUpAt: string | null }>('GET', `/api/v1/channels/accounts/${id}`)).body,
    (account) => account.cutoverAt !== null && account.ordersCaughtUpAt !== null,
  );
}

describe.each<Dialect>(['postgresql', 'sqlite'])('buyer personal data on %s', (dialect) => {
  let app: TestApp;
  let testshop: ChannelSandbox;
  let shopify: ChannelSandbox;

  beforeAll(async () => {
    app = await startTestApp(dialect, { ORDER_POLL_INTERVAL_MS: '3600000' });
    testshop = await createTestshopSandbox({ seed: 61 });
    shopify = await createShopifySandbox({ seed: 62, plan: 'plus' });
    await catalogue(app, ['TEA']);
    await receive(app, 'TEA', 10, 'r1');
    for (const [id, connector, shop, listing] of [['shop-t', 'testshop', testshop, 'L-T'], ['shop-s', 'shopify', shopify, '44000000001@71000000001']] as const) {
      shop.stock.upsertListing({ listingId: listing, sellerSku: 'TEA', quantity: 0 });
      await connect(app, id, connector, shop);
      await mapListing(app, id, shop, listing, 'TEA');
      await eventually(async () => shop.stock.quantity(listing), (q) => q > 0);
    }
  }, 120_000);

  afterAll(async () => {
    await testshop?.close();
    await shopify?.close();
    await app?.close();
  });

  it('keeps only ids and quantities of an order whose webhook names the buyer, their address and contacts', async () => {
    const deliveries = [
      {
        account: 'shop-t',
        request: await webhookWithBuyer(testshop, 'L-T', (body) => {
          for (const event of body['events'] as Record<string, unknown>[]) {
            Object.assign(event, { buyer_name: BUYER.name, buyer_email: BUYER.email, buyer_phone: BUYER.phone, shipping_address: { zip: BUYER.zip, line1: BUYER.address, company: BUYER.company } });
          }
        }),
      },
      {
        account: 'shop-s',
        request: await webhookWithBuyer(shopify, '44000000001@71000000001', (body) => {
          const person = { first_name: BUYER.firstName, last_name: BUYER.lastName, phone: BUYER.phone, company: BUYER.company, address1: BUYER.address, zip: BUYER.zip, name: BUYER.name };
          Object.assign(body, { email: BUYER.email, phone: BUYER.phone, customer: { ...person, email: BUYER.email }, shipping_address: person, billing_address: person, note: `deliver to ${BUYER.name}` });
        }),
      },
    ];
    for (const { account, request } of deliveries) {
      const answer = await fetch(`${app.baseUrl}/api/v1/channels/accounts/${account}/webhook`, { method: 'POST', headers: request.headers, body: request.body });
      const body = (await answer.json()) as { accepted: number; duplicates: number };
      // Ingested by this delivery, or (on a slow machine) by the account's first poll just before it: either way once.
      expect({ account, status: answer.status, events: body.accepted + body.duplicates }).toEqual({ account, status: 200, events: 1 });
    }

    const orm = app.app.get(MikroORM);
    const connection = orm.em.fork().getConnection();
    expect(Number((await connection.execute<{ n: number | string }[]>('SELECT COUNT(*) AS n FROM order_line'))[0].n)).toBeGreaterThanOrEqual(2);
    // Not in any column of any table: order lines, events, reservations, movements, the audit log, …
    const found: string[] = [];
    for (const meta of Object.values(orm.getMetadata().getAll())) {
      if (meta.abstract || meta.virtual || !meta.tableName) continue;
      const text = JSON.stringify(await connection.execute(`SELECT * FROM ${meta.tableName}`));
      for (const value of BUYER_VALUES) if (text.includes(value)) found.push(`${meta.tableName}: ${value}`);
    }
    expect(found).toEqual([]);

    // And the tables of orders have no column a buyer's details could go into.
    const columns = (entity: string) => Object.values(orm.getMetadata().get(entity).properties).flatMap((p) => p.fieldNames ?? []);
    expect(columns(OrderLine.name).sort()).toEqual([...ORDER_LINE_COLUMNS].sort());
    expect(columns(IngestedEvent.name).sort()).toEqual([...INGESTED_EVENT_COLUMNS].sort());
  });
});
