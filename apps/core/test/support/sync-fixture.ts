import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import { eventually } from './eventually';
import type { TestApp } from './test-app';

export interface AccountView {
  id: string;
  cutoverAt: string | null;
  stopped: boolean;
  listings: { total: number; owed: number; deadLetters: number };
}

/** Test shops (the reference connector's sandbox), connected to the service through its API. */
export async function openShops(names: string[]): Promise<Record<string, ChannelSandbox>> {
  const shops: Record<string, ChannelSandbox> = {};
  for (const [i, name] of names.entries()) shops[name] = await createTestshopSandbox({ seed: i + 1 });
  return shops;
}

export async function closeShops(shops: Record<string, ChannelSandbox>): Promise<void> {
  for (const shop of Object.values(shops)) await shop.close();
}

export async function connectShop(api: TestApp, id: string, shop: ChannelSandbox): Promise<AccountView> {
  const created = await api.call<AccountView>('POST', '/api/v1/channels/accounts', {
    body: { id, connector: 'testshop', displayName: id, credentials: shop.credentials(), baseUrl: shop.url },
  });
  if (created.status !== 201) throw new Error(`connecting ${id} failed: ${created.status} ${created.text}`);
  // Cut-over runs as a job; pushes wait for it.
  const ready = await eventually(
    async () => (await api.call<AccountView>('GET', `/api/v1/channels/accounts/${id}`)).body,
    (account) => account.cutoverAt !== null,
  );
  if (!ready.cutoverAt) throw new Error(`cut-over of ${id} did not finish`);
  return ready;
}

export async function mapListing(api: TestApp, account: string, shop: ChannelSandbox, listingId: string, sku: string): Promise<number> {
  shop.stock.upsertListing({ listingId, sellerSku: sku, quantity: shop.stock.listing(listingId)?.quantity ?? 0 });
  const created = await api.call<{ id: number }>('POST', '/api/v1/channels/listings', { body: { account, channelListingId: listingId, sku } });
  if (created.status !== 201) throw new Error(`mapping ${listingId} failed: ${created.status} ${created.text}`);
  return created.body.id;
}

export async function receive(api: TestApp, sku: string, quantity: number, key: string): Promise<void> {
  const result = await api.call('POST', '/api/v1/stock/receive', { body: { sku, location: 'WH', quantity, idempotencyKey: key } });
  if (result.status !== 201 && result.status !== 200) throw new Error(`receipt failed: ${result.status} ${result.text}`);
}

export async function catalogue(api: TestApp, skus: string[]): Promise<void> {
  await api.call('POST', '/api/v1/locations', { body: { code: 'WH', name: '倉庫' } });
  for (const sku of skus) await api.call('POST', '/api/v1/products', { body: { code: sku, name: sku } });
}

/** Waits until the shop shows `quantity` for the item, and returns what it shows then. */
export function shows(shop: ChannelSandbox, listingId: string, quantity: number, timeoutMs = 15_000): Promise<number | undefined> {
  return eventually(async () => shop.stock.quantity(listingId), (q) => q === quantity, timeoutMs, 20);
}
