import type { MikroORM } from '@mikro-orm/core';
import type { ChannelConnector } from '@urikiri/connector-sdk';
import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { TestshopConnector } from '@urikiri/connector-testshop';
import { CatalogService, InventoryLedger, StockQueryService } from '@urikiri/inventory';
import { AllocationPlanner } from '../allocation-planner';
import { ChannelDirectory } from '../channel-directory';
import { CredentialCipher } from '../credential-cipher';
import { ChannelAccount } from '../entities/channel-account.entity';
import { Listing } from '../entities/listing.entity';
import { ListingService } from '../listing.service';
import { OrderIngestor } from '../order-ingestor';
import { PushExecutor } from '../push-executor';

/** One shop of the harness: its sandbox, how to connect to it, and the channel id of the TEA item. */
export interface HarnessShop {
  sandbox: ChannelSandbox;
  connector: string;
  listingId: string;
  connect(credentials: unknown, baseUrl: string): ChannelConnector;
}

export function testshop(sandbox: ChannelSandbox): HarnessShop {
  return {
    sandbox,
    connector: 'testshop',
    listingId: 'tea',
    connect: (credentials, baseUrl) => new TestshopConnector({ credentials, baseUrl, timeoutMs: 5000 }),
  };
}

/**
 * Ledger, rules and shops wired as the service wires them, minus the queues: `sync()` runs the
 * pipeline's steps in order (ingest every shop's orders, allocate, push until nothing is owed).
 */
export async function syncHarness(orm: MikroORM, shops: Record<string, HarnessShop>) {
  const catalog = new CatalogService(orm);
  const ledger = new InventoryLedger(orm);
  const directory = new ChannelDirectory(orm, new CredentialCipher('a test secret of enough length'), (account, credentials) =>
    shops[account.id].connect(credentials, account.baseUrl ?? ''),
  );
  const listings = new ListingService(orm);
  const planner = new AllocationPlanner(orm);
  const pusher = new PushExecutor(orm, directory, { maxFailures: 3, backoffBaseMs: 1, backoffMaxMs: 5, random: () => 0 });
  const ingestor = new OrderIngestor(orm, ledger);
  await catalog.createLocation({ code: 'WH', name: '倉庫' });
  await catalog.createProduct({ code: 'TEA', name: '緑茶' });
  for (const [id, shop] of Object.entries(shops)) {
    await directory.addAccount({ id, connector: shop.connector, displayName: id, credentials: shop.sandbox.credentials(), baseUrl: shop.sandbox.url });
    await orm.em.fork().nativeUpdate(ChannelAccount, { id }, { cutoverAt: new Date() });
    shop.sandbox.stock.upsertListing({ listingId: shop.listingId, sellerSku: 'TEA', quantity: 0 });
    await listings.add({ accountId: id, channelListingId: shop.listingId, sku: 'TEA' });
  }
  const productId = (await orm.em.fork().findOneOrFail(Listing, { accountId: Object.keys(shops)[0] })).productId;
  const cursors = new Map<string, string | null>();
  async function ingest(id: string): Promise<void> {
    const connector = await directory.connectorFor(id);
    for (;;) {
      const page = await connector.fetchOrders(cursors.get(id) ?? null);
      await ingestor.ingest(id, page.events, { stockLoweredOn: connector.manifest.stockLoweredOn });
      cursors.set(id, page.nextCursor);
      if (!page.hasMore) return;
    }
  }
  async function sync(): Promise<number> {
    let stale = 0;
    for (let round = 0; round < 6; round++) {
      for (const id of Object.keys(shops)) await ingest(id);
      await planner.plan(productId);
      let owed = 0;
      for (const id of Object.keys(shops)) {
        const r = await pusher.pushRound(id);
        stale += r.stale;
        owed += r.remaining;
      }
      if (owed === 0) return stale;
    }
    return stale;
  }
  /** What a shop shows for the TEA item. */
  const shows = (id: string) => shops[id].sandbox.stock.quantity(shops[id].listingId);
  return { catalog, ledger, directory, planner, pusher, ingestor, sync, ingest, shows, productId, stock: new StockQueryService(orm) };
}
