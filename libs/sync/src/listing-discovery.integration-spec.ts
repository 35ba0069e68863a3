import type { CataloguePage } from '@urikiri/connector-sdk';
import { TestshopConnector } from '@urikiri/connector-testshop';
import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import { createTestDatabase, type TestDatabase, type TestDialect } from '@urikiri/inventory/testing';
import { SYNC_ENTITIES } from './entities';
import { Listing } from './entities/listing.entity';
import { ListingDiscovery } from './listing-discovery';
import { syncHarness, testshop, type HarnessShop } from './testing/sync-harness';

describe.each<TestDialect>(['postgresql', 'sqlite'])('listing discovery on %s', (dialect) => {
  let db: TestDatabase;
  let shops: Record<string, HarnessShop>;

  beforeEach(async () => {
    db = await createTestDatabase(dialect, { entities: SYNC_ENTITIES });
    shops = { 'shop-a': testshop(await createTestshopSandbox({ seed: 1 })) };
  });
  afterEach(async () => {
    for (const s of Object.values(shops)) await s.sandbox.close();
    await db.drop();
  });

  it('maps the catalogue by seller SKU, then JAN, leaves the rest to the operator, and reports settings that defeat stock control', async () => {
    const h = await syncHarness(db.orm, shops);
    const channel = shops['shop-a'].sandbox.stock;
    await h.catalog.createProduct({ code: 'CUP', name: '湯呑み', jan: '4901234567894' });
    await h.catalog.createProduct({ code: 'MUG-A', name: 'マグ 赤', jan: '4512345678901' });
    await h.catalog.createProduct({ code: 'MUG-B', name: 'マグ 青', jan: '4512345678901' });
    await h.catalog.createBundle({ code: 'GIFT', name: 'ギフト', components: [{ sku: 'TEA', quantity: 2 }, { sku: 'CUP', quantity: 1 }] });
    channel.upsertListing({ listingId: 'cup-x', sellerSku: 'SHOP-CUP', jan: '4901234567894', title: '湯呑み（店舗品番）', quantity: 3 });
    // The same article as a 14-digit GTIN on another listing.
    channel.upsertListing({ listingId: 'cup-gtin', sellerSku: null, jan: '04901234567894', title: '湯呑み GTIN' });
    channel.upsertListing({ listingId: 'gift-1', sellerSku: 'GIFT', jan: null, title: 'ギフトセット', oversellAllowed: true });
    channel.upsertListing({ listingId: 'sku-first', sellerSku: 'CUP', jan: '4512345678901', title: '湯呑み（品番あり）' });
    channel.upsertListing({ listingId: 'mug', sellerSku: null, jan: '4512345678901', title: 'マグ' });
    channel.upsertListing({ listingId: 'mystery', sellerSku: 'ZZZ', jan: null, title: '謎の商品' });
    channel.upsertListing({ listingId: 'bad-jan', sellerSku: null, jan: 'N/A', title: 'JAN なし' });
    // More than one catalogue page (25 items) of items that match by seller SKU.
    for (let i = 1; i <= 30; i++) {
      const code = `F${String(i).padStart(2, '0')}`;
      await h.catalog.createProduct({ code, name: `品 ${code}` });
      channel.upsertListing({ listingId: code.toLowerCase(), sellerSku: code, title: code });
    }

    const discovery = new ListingDiscovery(db.orm, h.directory);
    const report = await discovery.discover('shop-a');
    expect(shops['shop-a'].sandbox.requests.entries('catalogue').filter((r) => r.method === 'GET').length).toBe(2);
    expect(report.scanned).toBe(38);
    const bySku = (m: { channelListingId: string }) => m.channelListingId;
    const matched = report.matched.filter((m) => !/^f\d\d$/.test(m.channelListingId));
    expect(matched.map((m) => [m.channelListingId, m.sku, m.matchedBy]).sort()).toEqual([
      ['cup-gtin', 'CUP', 'jan'],
      ['cup-x', 'CUP', 'jan'],
      ['gift-1', 'GIFT', 'seller-sku'],
      ['sku-first', 'CUP', 'seller-sku'],
    ]);
    expect(report.matched.filter((m) => /^f\d\d$/.test(m.channelListingId)).every((m) => m.matchedBy === 'seller-sku' && m.sku === m.channelListingId.toUpperCase())).toBe(true);
    expect(report.matched).toHaveLength(34);
    expect(report.alreadyMapped.map((m) => [m.channelListingId, m.sku])).toEqual([['tea', 'TEA']]);
    expect([...report.unmatched].sort((a, b) => bySku(a).localeCompare(bySku(b)))).toEqual([
      { channelListingId: 'bad-jan', sellerSku: null, jan: 'N/A', title: 'JAN なし', reason: "no seller SKU, and JAN 'N/A' is not a barcode of 8 to 14 digits" },
      { channelListingId: 'mug', sellerSku: null, jan: '4512345678901', title: 'マグ', reason: 'JAN 4512345678901 belongs to 2 products (MUG-A, MUG-B); map it by hand' },
      { channelListingId: 'mystery', sellerSku: 'ZZZ', jan: null, title: '謎の商品', reason: "no product has the code 'ZZZ' and the channel gives no JAN" },
    ]);
    expect(report.warnings).toEqual([
      expect.objectContaining({ listingId: 'gift-1', setting: 'oversell_allowed', fix: expect.stringContaining('Continue selling when out of stock') }),
    ]);
    expect(report.warningsError).toBeNull();
    expect(await db.orm.em.fork().count(Listing, { accountId: 'shop-a' })).toBe(35);

    // The new listings take part in allocation like any other.
    expect(report.productIds).toContain(report.matched.find((m) => m.channelListingId === 'cup-x')?.productId);
    await h.ledger.receive({ idempotencyKey: 'r-cup', sku: 'CUP', location: 'WH', quantity: 5 });
    const cup = report.matched.find((m) => m.channelListingId === 'cup-x')?.productId as number;
    await h.planner.plan(cup);
    await h.pusher.pushRound('shop-a');
    expect([channel.quantity('cup-x'), channel.quantity('cup-gtin'), channel.quantity('sku-first')]).toEqual([5, 5, 5]);

    // Once the operator turns the setting off, and with everything mapped, a second run finds nothing new.
    channel.upsertListing({ listingId: 'gift-1', oversellAllowed: false });
    const again = await discovery.discover('shop-a');
    expect(again).toMatchObject({ matched: [], productIds: [], warnings: [], warningsError: null });
    expect(again.alreadyMapped).toHaveLength(35);
    expect(again.unmatched.map((u) => u.channelListingId).sort()).toEqual(['bad-jan', 'mug', 'mystery']);
  });

  it('fails without creating anything when the catalogue cannot be read, and keeps what it found when settings cannot be checked', async () => {
    const sandbox = shops['shop-a'].sandbox;
    // After the last catalogue page the channel goes into maintenance: the settings lookup meets it.
    class MaintenanceAfterCatalogue extends TestshopConnector {
      override async listCatalogue(cursor: string | null): Promise<CataloguePage> {
        const page = await super.listCatalogue(cursor);
        if (page.nextCursor === null && maintenanceAfterPaging) sandbox.faults.startMaintenance(60, ['catalogue']);
        return page;
      }
    }
    let maintenanceAfterPaging = false;
    shops['shop-a'] = { ...shops['shop-a'], connect: (credentials, baseUrl) => new MaintenanceAfterCatalogue({ credentials, baseUrl, timeoutMs: 5000 }) };
    const h = await syncHarness(db.orm, shops);
    await h.catalog.createProduct({ code: 'CUP', name: '湯呑み' });
    sandbox.stock.upsertListing({ listingId: 'cup-1', sellerSku: 'CUP' });
    const discovery = new ListingDiscovery(db.orm, h.directory);

    sandbox.faults.next('catalogue', { kind: 'server-error' }, 1);
    await expect(discovery.discover('shop-a')).rejects.toThrow(/catalogue/);
    expect(await db.orm.em.fork().count(Listing, { channelListingId: 'cup-1' })).toBe(0);

    maintenanceAfterPaging = true;
    const report = await discovery.discover('shop-a');
    expect(report.matched.map((m) => m.channelListingId)).toEqual(['cup-1']);
    expect(report.warnings).toEqual([]);
    expect(report.warningsError).toMatch(/^the channel could not be asked about listing settings: .*503/);
    expect(await db.orm.em.fork().count(Listing, { channelListingId: 'cup-1' })).toBe(1);
  });
});
