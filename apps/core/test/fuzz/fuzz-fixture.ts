import { MikroORM } from '@mikro-orm/core';
import { createAmazonSandbox } from '@urikiri/connector-amazon/sandbox';
import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { createRakutenSandbox } from '@urikiri/connector-rakuten/sandbox';
import { createShopifySandbox } from '@urikiri/connector-shopify/sandbox';
import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import { createYahooSandbox } from '@urikiri/connector-yahoo/sandbox';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import type { FuzzTargets } from './route-cases';
import { signatureScheme, type WebhookAccount } from './webhook-cases';

/**
 * One account per connector the service bundles, each on its own sandbox, with a listing mapped to
 * FZ-A and, where the channel has webhooks, one it sells that no listing maps (its order leaves an
 * unmapped line and disturbs no push).
 */
const SHOPS: { connector: string; listingId: string; unmappedId: string; open(): Promise<ChannelSandbox> }[] = [
  { connector: 'testshop', listingId: 'FZ-L-A', unmappedId: 'FZ-L-UNMAPPED', open: () => createTestshopSandbox({ seed: 21 }) },
  { connector: 'amazon', listingId: 'FZ-A', unmappedId: 'FZ-UNMAPPED', open: async () => (await createAmazonSandbox({ seed: 22 })) as ChannelSandbox },
  { connector: 'shopify', listingId: '44000000001@71000000001', unmappedId: '44000000002@71000000001', open: () => createShopifySandbox({ seed: 23, plan: 'plus' }) },
  { connector: 'rakuten', listingId: 'fz-a:s1', unmappedId: 'fz-x:s1', open: () => createRakutenSandbox({ seed: 24 }) },
  { connector: 'yahoo', listingId: 'fza01', unmappedId: 'fzx01', open: () => createYahooSandbox({ seed: 25 }) },
];

export interface FuzzFixture {
  targets: FuzzTargets;
  webhookAccounts: WebhookAccount[];
  accountIds: string[];
  close(): Promise<void>;
}

async function ok<T>(app: TestApp, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await app.call<T>(method, path, body === undefined ? {} : { body });
  if (answer.status >= 300) throw new Error(`fixture: ${method} ${path} answered ${answer.status} ${answer.text}`);
  return answer.body;
}

/** Waits for the pipeline to finish the fixture's work: nothing left in the outbox, nothing owed to a channel. */
async function settled(app: TestApp): Promise<void> {
  const orm = app.app.get(MikroORM);
  const unpublished = async () => Number((await orm.em.fork().getConnection().execute<{ n: number }[]>('SELECT COUNT(*) AS n FROM outbox_event WHERE published_at IS NULL'))[0].n);
  if ((await eventually(unpublished, (n) => n === 0, 30_000)) !== 0) throw new Error('fixture: the outbox did not drain');
  // Allocation runs as a job after a listing is mapped: a listing without a target is not settled yet either.
  const yes = app.config.database.dialect === 'postgresql' ? 'TRUE' : '1';
  const unsettled = async () =>
    Number((await orm.em.fork().getConnection().execute<{ n: number }[]>(`SELECT COUNT(*) AS n FROM listing WHERE active = ${yes} AND (dirty = ${yes} OR target IS NULL)`))[0].n);
  if ((await eventually(unsettled, (n) => n === 0, 30_000)) !== 0) throw new Error('fixture: listings are still waiting for a target or a push');
}

/** An order the service has ingested already, and the channel's own webhook for it (genuine and forged). */
async function webhookAccount(app: TestApp, id: string, connector: string, shop: ChannelSandbox, listing: string): Promise<WebhookAccount> {
  if (!shop.webhookFor) return { id, connector };
  shop.stock.upsertListing({ listingId: listing, sellerSku: 'FZ-UNMAPPED', quantity: 5 });
  const before = shop.stock.events().length;
  const order = shop.stock.createOrder({ lines: [{ listingId: listing, quantity: 1 }] });
  const events = shop.stock.events().slice(before).filter((event) => event.orderId === order.orderId);
  await ok(app, 'POST', `/api/v1/channels/accounts/${id}/orders/poll`);
  const orm = app.app.get(MikroORM);
  await eventually(
    async () => Number((await orm.em.fork().getConnection().execute<{ n: number }[]>('SELECT COUNT(*) AS n FROM order_line WHERE account_id = ?', [id]))[0].n),
    (n) => n > 0,
    20_000,
  );
  const genuine = shop.webhookFor(events);
  const forged = shop.webhookFor(events, { signWith: 'not-the-account-secret-0123456789' });
  return { id, connector, genuine, forged, sign: signatureScheme(genuine, shop.credentials()) };
}

/**
 * What the fuzz needs to find: a catalogue with stock, a purchase order, a held reservation, keys
 * of every kind, one account per connector with a mapped listing and an ingested order, a rule set.
 */
export async function createFuzzFixture(app: TestApp): Promise<FuzzFixture> {
  await ok(app, 'POST', '/api/v1/locations', { code: 'FZ-WH', name: 'fuzz warehouse' });
  for (const code of ['FZ-A', 'FZ-B']) await ok(app, 'POST', '/api/v1/products', { code, name: code });
  await ok(app, 'POST', '/api/v1/bundles', { code: 'FZ-SET', name: 'set', components: [{ sku: 'FZ-A', quantity: 1 }, { sku: 'FZ-B', quantity: 1 }] });
  await ok(app, 'POST', '/api/v1/stock/receive', { idempotencyKey: 'fz-receive-a', sku: 'FZ-A', location: 'FZ-WH', quantity: 50 });
  await ok(app, 'POST', '/api/v1/stock/receive', { idempotencyKey: 'fz-receive-b', sku: 'FZ-B', location: 'FZ-WH', quantity: 50 });
  await ok(app, 'POST', '/api/v1/purchase-orders', { reference: 'FZ-PO-1', sku: 'FZ-A', location: 'FZ-WH', quantity: 10, expectedAt: '2030-01-01T00:00:00Z' });
  const reservation = await ok<{ reservationId: string }>(app, 'POST', '/api/v1/reservations', {
    idempotencyKey: 'fz-reserve',
    sku: 'FZ-A',
    quantity: 1,
    order: { channel: 'fuzz', orderId: 'FZ-O-1', lineId: '1' },
  });
  const readKey = await ok<{ id: number; key: string }>(app, 'POST', '/api/v1/api-keys', { name: 'fuzz read', scopes: ['read'] });
  const revoked = await ok<{ id: number; key: string }>(app, 'POST', '/api/v1/api-keys', { name: 'fuzz revoked', scopes: ['admin'] });
  await ok(app, 'DELETE', `/api/v1/api-keys/${revoked.id}`);
  await ok(app, 'PUT', '/api/v1/rules', { version: 1, mode: 'shared', rules: [{ id: 'fz-default', mode: 'shared' }] });

  const shops: ChannelSandbox[] = [];
  const webhookAccounts: WebhookAccount[] = [];
  const listingIds: string[] = [];
  for (const { connector, listingId, unmappedId, open } of SHOPS) {
    const shop = await open();
    shops.push(shop);
    const id = `fz-${connector}`;
    shop.stock.upsertListing({ listingId, sellerSku: 'FZ-A', quantity: 0 });
    await ok(app, 'POST', '/api/v1/channels/accounts', { id, connector, displayName: id, credentials: shop.credentials(), baseUrl: shop.url });
    await eventually(async () => (await app.call<{ cutoverAt: string | null }>('GET', `/api/v1/channels/accounts/${id}`)).body.cutoverAt, (at) => at !== null, 20_000);
    const listing = await ok<{ id: number }>(app, 'POST', '/api/v1/channels/listings', { account: id, channelListingId: listingId, sku: 'FZ-A' });
    listingIds.push(String(listing.id));
    webhookAccounts.push(await webhookAccount(app, id, connector, shop, unmappedId));
  }
  await settled(app);

  const accountIds = SHOPS.map(({ connector }) => `fz-${connector}`);
  const existing: Record<string, string[]> = {
    '/api/v1/channels/accounts/': accountIds,
    '/api/v1/channels/listings/': listingIds,
    '/api/v1/api-keys/': [String(readKey.id), String(revoked.id)],
    '/api/v1/reservations/': [reservation.reservationId],
    '/api/v1/purchase-orders/': ['FZ-PO-1'],
    '/api/v1/products/': ['FZ-A', 'FZ-B', 'FZ-SET'],
    '/api/v1/stock/': ['FZ-A', 'FZ-B', 'FZ-SET'],
  };
  return {
    targets: {
      adminKey: app.adminKey,
      readKey: readKey.key,
      revokedKey: revoked.key,
      existing: (path, parameter) => Object.entries(existing).find(([prefix]) => path.startsWith(prefix) && path.includes(`{${parameter}}`))?.[1] ?? [],
    },
    webhookAccounts,
    accountIds,
    async close() {
      for (const shop of shops) await shop.close();
    },
  };
}
