import { createShopifySandbox, type ShopifySandbox } from './sandbox/shopify.sandbox';
import { ShopifyConnector } from './shopify.connector';

const TOKYO = '71000000001';
const OSAKA = '71000000002';

describe('Shopify catalogue and listing settings', () => {
  let sandbox: ShopifySandbox;
  let connector: ShopifyConnector;

  beforeEach(async () => {
    sandbox = await createShopifySandbox({ seed: 17 });
    connector = new ShopifyConnector({ credentials: sandbox.credentials(), baseUrl: sandbox.url, timeoutMs: 2000 });
  });
  afterEach(() => sandbox.close());

  it('lists every inventory level of every location, page by page', async () => {
    const tokyo = Array.from({ length: 260 }, (_, i) => `${46_000_000_000 + i}@${TOKYO}`);
    const osaka = [`46000000000@${OSAKA}`, `46000000001@${OSAKA}`];
    [...tokyo, ...osaka].forEach((listingId, i) =>
      sandbox.stock.upsertListing({ listingId, quantity: i % 5, sellerSku: `SKU-${i}`, jan: null, title: `Tee ${i}` }),
    );
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page = await connector.listCatalogue(cursor);
      pages.push(page.listings.map((l) => l.listingId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(pages.map((p) => p.length)).toEqual([250, 10, 2]);
    expect(pages.flat()).toEqual([...tokyo, ...osaka]);
    await expect(connector.listCatalogue('not-a-cursor')).rejects.toThrow(/cursor: "not-a-cursor" is not a Shopify catalogue cursor/);
  });

  it('warns about variants that keep selling at 0 and items Shopify does not track, with the fix', async () => {
    const [oversells, untracked, fine] = ['47000000001', '47000000002', '47000000003'].map((item) => `${item}@${TOKYO}`);
    sandbox.stock.upsertListing({ listingId: oversells, quantity: 0, oversellAllowed: true, title: 'Tee - Red / M' });
    sandbox.stock.upsertListing({ listingId: `47000000001@${OSAKA}`, quantity: 0 });
    sandbox.stock.upsertListing({ listingId: untracked, quantity: 0, title: 'Gift wrap' });
    sandbox.stock.upsertListing({ listingId: fine, quantity: 3 });
    sandbox.stock.setTracked('47000000002', false);

    const issues = await connector.checkListingSettings([oversells, `47000000001@${OSAKA}`, untracked, fine, `47000000009@${TOKYO}`]);
    expect(issues.map((i) => [i.listingId, i.setting])).toEqual([
      [oversells, 'inventoryPolicy'],
      // The policy is the variant's, so it holds at every location.
      [`47000000001@${OSAKA}`, 'inventoryPolicy'],
      [untracked, 'tracked'],
      [`47000000009@${TOKYO}`, 'inventoryItem'],
    ]);
    expect(issues[0].message).toContain('publishing 0 cannot stop sales');
    expect(issues[0].fix).toContain('Continue selling when out of stock');
    await expect(connector.checkListingSettings([fine, 'Tee-M'])).rejects.toThrow(/^listingIds\[1\]: "Tee-M" is not a Shopify listing id/);
  });
});
