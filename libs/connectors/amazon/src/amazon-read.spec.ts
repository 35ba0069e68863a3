import {
  createAmazonSandbox,
  type AmazonSandbox,
} from './sandbox/amazon.sandbox';
import {
  FAST_PLANS,
  QUICK_POLLING,
  connectTo,
  seedListings,
} from './testing/amazon-test-account';

describe('Amazon reads, catalogue and listing settings, as an operator sees them', () => {
  let sandbox: AmazonSandbox;

  beforeEach(async () => {
    sandbox = await createAmazonSandbox({
      seed: 21,
      rateLimits: FAST_PLANS,
      reportProcessingMs: 30,
    });
  });
  afterEach(() => sandbox.close());

  it('reads a few SKUs with getListingsItem and says which Amazon does not know', async () => {
    const [sku] = seedListings(sandbox, 1, 6);
    expect(await connectTo(sandbox).read([sku, 'SKU-UNKNOWN'])).toEqual([
      { listingId: sku, found: true, quantity: 6 },
      { listingId: 'SKU-UNKNOWN', found: false },
    ]);
    expect(
      sandbox.exchanges.map((e) => [e.operation, e.query.includedData]),
    ).toContainEqual(['getListingsItem', 'fulfillmentAvailability']);
  });

  it('reads many SKUs through one merchant listings report instead of one call each', async () => {
    const skus = seedListings(sandbox, 5, 2);
    const results = await connectTo(sandbox, {
      reportReadThreshold: 5,
      ...QUICK_POLLING,
    }).read(skus);
    expect(results.every((r) => r.found && r.quantity === 2)).toBe(true);
    expect(
      sandbox.exchanges.filter((e) => e.operation === 'createReport'),
    ).toHaveLength(1);
    expect(sandbox.requests.entries('read')).toEqual([]);
  });

  it('lists the catalogue from the report with JAN, pages without asking for a new report, and shows FBA listings at 0', async () => {
    const skus = seedListings(sandbox, 3, 4);
    sandbox.stock.setFba(skus[2], {
      fulfillable: 30,
      merchantFulfilled: false,
      asin: 'B0FBAONLY1',
    });
    const connector = connectTo(sandbox, QUICK_POLLING);
    const listed = [];
    let cursor: string | null = null;
    do {
      const page = await connector.listCatalogue(cursor);
      listed.push(...page.listings);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(listed).toEqual([
      {
        listingId: 'SKU-1',
        sellerSku: 'SKU-1',
        jan: '4901234100000',
        title: '商品 1',
        quantity: 4,
      },
      {
        listingId: 'SKU-2',
        sellerSku: 'SKU-2',
        jan: '4901234100001',
        title: '商品 2',
        quantity: 4,
      },
      {
        listingId: 'SKU-3',
        sellerSku: 'SKU-3',
        jan: '4901234100002',
        title: '商品 3',
        quantity: 0,
      },
    ]);
    await expect(connector.listCatalogue('not-a-cursor')).rejects.toThrow(
      /expected <reportId>:<offset>/,
    );
  });

  it('flags listings whose stock urikiri cannot control, each with a fix', async () => {
    const skus = seedListings(sandbox, 3, 1);
    sandbox.stock.setFba(skus[0], { fulfillable: 5, merchantFulfilled: false });
    sandbox.stock.upsertListing({ listingId: skus[1], oversellAllowed: true });
    const issues = await connectTo(sandbox).checkListingSettings(skus);
    expect(issues.map((i) => [i.listingId, i.setting])).toEqual([
      ['SKU-1', 'fulfillment_channel'],
      ['SKU-2', 'fulfillment_availability.is_inventory_available'],
    ]);
    expect(issues.every((i) => i.fix.includes('Seller Central'))).toBe(true);
  });

  it('shows FBA stock beside ours from the FBA Inventory API', async () => {
    const skus = seedListings(sandbox, 2, 3);
    sandbox.stock.setFba(skus[0], {
      fulfillable: 40,
      inbound: 12,
      reserved: 2,
    });
    expect(await connectTo(sandbox).fbaStock(skus)).toEqual([
      { sku: 'SKU-1', fulfillable: 40, inbound: 12, reserved: 2, total: 54 },
    ]);
  });
});
