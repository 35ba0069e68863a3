import { CatalogService } from '../catalog/catalog.service';
import { StockQueryService } from '../queries/stock-query.service';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { CatalogCsvService } from './catalog-csv.service';

describe('catalogue CSV import and export', () => {
  let db: TestDatabase;
  let csv: CatalogCsvService;

  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    csv = new CatalogCsvService(db.orm);
  });
  afterEach(() => db.drop());

  const locations = 'code,name,kind,sellable,priority\nTOKYO,東京倉庫,warehouse,true,10\nRET,返品,warehouse,false,90\n';
  const products = 'code,name,jan,tags\nTEA-01,緑茶,4901234567894,tea|gift\nCUP-01,湯呑み,,ware\n';

  it('imports locations, products, bundles and opening stock, and exports them back', async () => {
    expect((await csv.import('locations', locations)).imported).toBe(2);
    expect((await csv.import('products', products)).imported).toBe(2);
    const bundles = 'bundle_code,bundle_name,component_sku,quantity\nGIFT,ギフト,TEA-01,2\nGIFT,ギフト,CUP-01,1\n';
    expect((await csv.import('bundles', bundles)).imported).toBe(2);
    const stock = 'sku,location,quantity\nTEA-01,TOKYO,10\nCUP-01,TOKYO,4\n';
    expect(await csv.import('stock', stock)).toMatchObject({ imported: 2, errors: [] });
    // The same file again: the receipts are idempotent per file and row.
    await csv.import('stock', stock);
    expect((await new StockQueryService(db.orm).stock('GIFT')).available).toBe(4);
    expect((await new CatalogService(db.orm).getProduct('GIFT')).components).toEqual([{ sku: 'TEA-01', quantity: 2 }, { sku: 'CUP-01', quantity: 1 }]);
    expect(await csv.export('products')).toBe('code,name,jan,tags\nCUP-01,湯呑み,,ware\nTEA-01,緑茶,4901234567894,tea|gift\n');
    expect(await csv.export('stock')).toBe('sku,location,quantity\nTEA-01,TOKYO,10\nCUP-01,TOKYO,4\n');
  });

  it('reports every bad row with row, column and reason, and imports nothing', async () => {
    await csv.import('locations', locations);
    const bad = 'code,name,jan,tags\nTEA-01,緑茶,123,\n,名無し,,\nCUP-01,湯呑み,,\nTEA-01,重複,,\n';
    const report = await csv.import('products', bad);
    expect(report.imported).toBe(0);
    expect(report.errors).toEqual([
      { row: 2, column: 'jan', reason: 'must be a JAN/EAN/UPC barcode of 8, 12, 13 or 14 digits' },
      { row: 3, column: 'code', reason: 'must not be empty' },
      { row: 5, column: 'code', reason: "'TEA-01' appears again (first on row 2)" },
    ]);
    expect((await new CatalogService(db.orm).listProducts()).total).toBe(0);
  });

  it('checks references: opening stock for unknown SKUs or locations, or a bad quantity', async () => {
    await csv.import('locations', locations);
    await csv.import('products', products);
    const report = await csv.import('stock', 'sku,location,quantity\nTEA-01,TOKYO,5\nNOPE,TOKYO,1\nTEA-01,MARS,1\nCUP-01,TOKYO,-3\n');
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[3, 'sku'], [4, 'location'], [5, 'quantity']]);
    expect((await new StockQueryService(db.orm).stock('TEA-01')).onHand).toBe(0);
  });

  it('on a dry run checks everything and writes nothing', async () => {
    const report = await csv.import('locations', locations, { dryRun: true });
    expect(report).toEqual({ kind: 'locations', dryRun: true, rows: 2, imported: 0, errors: [] });
    expect(await new CatalogService(db.orm).listLocations()).toEqual([]);
  });

  it('names the columns a file must have', async () => {
    const report = await csv.import('stock', 'sku,qty\nTEA-01,1\n');
    expect(report.errors).toEqual([{ row: 1, column: 'location, quantity', reason: 'header must name the columns sku, location, quantity' }]);
  });
});
