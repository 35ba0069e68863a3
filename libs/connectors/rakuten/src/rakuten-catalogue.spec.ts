import { RakutenConnector } from './rakuten.connector';
import { createRakutenSandbox, type RakutenSandbox } from './sandbox/rakuten.sandbox';

describe('Rakuten catalogue and listing settings', () => {
  let sandbox: RakutenSandbox;
  let connector: RakutenConnector;

  beforeEach(async () => {
    sandbox = await createRakutenSandbox({ seed: 9 });
    connector = new RakutenConnector({ credentials: sandbox.credentials(), baseUrl: sandbox.url });
  });
  afterEach(() => sandbox.close());

  it('lists every SKU of items with more variants than a page holds, each once', async () => {
    for (let i = 0; i < 150; i += 1) {
      sandbox.stock.upsertListing({ listingId: `socks:c${String(i).padStart(3, '0')}`, quantity: 1, title: '五本指ソックス', jan: `4900000000${String(i).padStart(3, '0')}` });
    }
    sandbox.stock.registerVariant({ listingId: 'uchiwa:blue', title: 'うちわ' });
    const seen = [];
    let cursor: string | null = null;
    do {
      const page = await connector.listCatalogue(cursor);
      expect(page.listings.length).toBeLessThanOrEqual(100);
      seen.push(...page.listings);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(151);
    expect(new Set(seen.map((l) => l.listingId)).size).toBe(151);
    expect(seen.find((l) => l.listingId === 'uchiwa:blue')).toEqual({ listingId: 'uchiwa:blue', sellerSku: null, jan: null, title: 'うちわ', quantity: 0 });
  });

  it('reports 在庫設定なし and 在庫切れ時の注文受付 with the RMS fix, and ids or items RMS does not have', async () => {
    sandbox.stock.upsertListing({ listingId: 'fan:a', quantity: 1 });
    sandbox.stock.upsertListing({ listingId: 'fan:b', quantity: 1, oversellAllowed: true });
    sandbox.stock.upsertListing({ listingId: 'kite:x', quantity: 1 });
    sandbox.stock.setItemSettings('kite', { unlimitedInventoryFlag: true });
    const issues = await connector.checkListingSettings(['fan:a', 'fan:b', 'kite:x', 'ghost:x', 'Fan:a']);
    expect(issues.map((i) => [i.listingId, i.setting])).toEqual([
      ['Fan:a', 'listingId'],
      ['fan:b', 'backOrderFlag'],
      ['kite:x', 'unlimitedInventoryFlag'],
      ['ghost:x', 'manageNumber'],
    ]);
    expect(issues[1].fix).toContain('在庫切れ時の注文受付 to 受け付けない');
  });
});
