import type { MikroORM } from '@mikro-orm/core';
import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import { Product } from '@urikiri/inventory';
import { createTestDatabase, type TestDatabase, type TestDialect } from '@urikiri/inventory/testing';
import { SYNC_ENTITIES } from './entities';
import { Listing } from './entities/listing.entity';
import { ListingCsvImport } from './listing-csv-import';
import { syncHarness, testshop, type HarnessShop } from './testing/sync-harness';

describe.each<TestDialect>(['postgresql', 'sqlite'])('listing CSV import on %s', (dialect) => {
  let db: TestDatabase;
  let shops: Record<string, HarnessShop>;
  let csv: ListingCsvImport;
  let ids: Record<string, number>;

  beforeEach(async () => {
    db = await createTestDatabase(dialect, { entities: SYNC_ENTITIES });
    shops = { 'shop-a': testshop(await createTestshopSandbox({ seed: 1 })), 'shop-b': testshop(await createTestshopSandbox({ seed: 2 })) };
    const h = await syncHarness(db.orm, shops);
    await h.catalog.createProduct({ code: 'CUP', name: '湯呑み' });
    await h.catalog.createBundle({ code: 'GIFT', name: 'ギフト', components: [{ sku: 'TEA', quantity: 2 }, { sku: 'CUP', quantity: 1 }] });
    ids = Object.fromEntries((await db.orm.em.fork().find(Product, {})).map((p) => [p.code, p.id]));
    csv = new ListingCsvImport(db.orm);
  });
  afterEach(async () => {
    for (const s of Object.values(shops)) await s.sandbox.close();
    await db.drop();
  });

  const listings = async () =>
    (await db.orm.em.fork().find(Listing, {}, { orderBy: { accountId: 'asc', channelListingId: 'asc' } })).map((l) => [l.accountId, l.channelListingId, l.productId, l.active]);

  it('previews without writing, applies in one go, and a second import of the same file changes nothing', async () => {
    const file = 'account,channel_listing_id,sku\nshop-a,cup-1,CUP\nshop-a,gift-1,GIFT\nshop-b,cup-1,CUP\nshop-a,tea,TEA\n';
    const before = await listings();

    const preview = await csv.preview(file);
    expect(preview).toMatchObject({ applied: false, rows: 4, created: 3, changed: 0, unchanged: 1, errors: [] });
    expect(preview.outcomes.map((o) => [o.row, o.outcome])).toEqual([[2, 'created'], [3, 'created'], [4, 'created'], [5, 'unchanged']]);
    expect(await listings()).toEqual(before);

    const applied = await csv.apply(file);
    expect(applied).toMatchObject({ applied: true, created: 3, changed: 0, unchanged: 1, errors: [] });
    expect(applied.productIds.sort()).toEqual([ids['CUP'], ids['GIFT']].sort());
    expect(await listings()).toEqual([
      ['shop-a', 'cup-1', ids['CUP'], true],
      ['shop-a', 'gift-1', ids['GIFT'], true],
      ['shop-a', 'tea', ids['TEA'], true],
      ['shop-b', 'cup-1', ids['CUP'], true],
      ['shop-b', 'tea', ids['TEA'], true],
    ]);

    expect(await csv.apply(file)).toMatchObject({ applied: true, created: 0, changed: 0, unchanged: 4, productIds: [] });
  });

  it('moves a listing to another SKU, and deactivates and reactivates it through the active column', async () => {
    await csv.apply('account,channel_listing_id,sku\nshop-a,cup-1,CUP\n');
    const moved = await csv.apply('account,channel_listing_id,sku\nshop-a,cup-1,GIFT\n');
    expect(moved).toMatchObject({ changed: 1, outcomes: [{ row: 2, outcome: 'changed', sku: 'GIFT', previousSku: 'CUP' }] });
    expect(moved.productIds.sort()).toEqual([ids['CUP'], ids['GIFT']].sort());

    const cup = await db.orm.em.fork().findOneOrFail(Listing, { accountId: 'shop-a', channelListingId: 'cup-1' });
    await db.orm.em.fork().nativeUpdate(Listing, { id: cup.id }, { lastPublished: 4, target: 4 });
    expect(await csv.apply('account,channel_listing_id,sku,active\nshop-a,cup-1,GIFT,false\n')).toMatchObject({ changed: 1, productIds: [ids['GIFT']] });
    expect(await db.orm.em.fork().findOneOrFail(Listing, { id: cup.id })).toMatchObject({ active: false, inactiveReason: 'deactivated by listing import', dirty: false });

    // An empty active cell, or the column left out, keeps the state; FALSE again is no change.
    expect(await csv.apply('account,channel_listing_id,sku,active\nshop-a,cup-1,GIFT,\n')).toMatchObject({ unchanged: 1 });
    expect(await csv.apply('account,channel_listing_id,sku\nshop-a,cup-1,GIFT\n')).toMatchObject({ unchanged: 1 });
    expect(await csv.apply('account,channel_listing_id,sku,active\nshop-a,cup-1,GIFT,FALSE\n')).toMatchObject({ unchanged: 1 });
    expect(await db.orm.em.fork().findOneOrFail(Listing, { id: cup.id })).toMatchObject({ active: false });

    expect(await csv.apply('account,channel_listing_id,sku,active\nshop-a,cup-1,GIFT,true\n')).toMatchObject({ changed: 1 });
    // What a re-listed item shows is unknown: the next push reads it first, as for a new listing.
    expect(await db.orm.em.fork().findOneOrFail(Listing, { id: cup.id })).toMatchObject({ active: true, inactiveReason: null, lastPublished: null, dirty: true });
  });

  it('names the row, the column and what is accepted for every bad value, and imports nothing', async () => {
    const long = (n: number) => 'x'.repeat(n);
    const file = [
      'account,channel_listing_id,sku,active',
      'shop-a,new-1,CUP,',
      'nope,x-1,CUP,',
      'shop-a,x-2,NOPE,',
      'shop-a,new-1,TEA,',
      ',x-3,,',
      'shop-a,,CUP,',
      `shop-a,${long(256)},CUP,`,
      `${long(65)},x-4,${long(65)},`,
      'shop-a,x-5,CUP,maybe',
      'shop-b,new-1,CUP,',
      'shop-a,tea,GIFT,',
    ].join('\n');
    const before = await listings();
    for (const report of [await csv.preview(file), await csv.apply(file)]) {
      expect(report).toMatchObject({ applied: false, rows: 11, created: 0, changed: 0, unchanged: 0, productIds: [], outcomes: [] });
      expect(report.errors).toEqual([
        { row: 3, column: 'account', reason: "no channel account 'nope'; the accounts are shop-a, shop-b" },
        { row: 4, column: 'sku', reason: "no SKU or bundle has the code 'NOPE'; import or create the product first" },
        { row: 5, column: 'channel_listing_id', reason: "'new-1' for account 'shop-a' appears again (first on row 2)" },
        { row: 6, column: 'account', reason: 'must not be empty; give the id of a channel account' },
        { row: 6, column: 'sku', reason: 'must not be empty; give the code of one of our SKUs or bundles' },
        { row: 7, column: 'channel_listing_id', reason: "must not be empty; give the channel's id for the item" },
        { row: 8, column: 'channel_listing_id', reason: 'is 256 characters long; at most 255 are accepted' },
        { row: 9, column: 'account', reason: 'is 65 characters long; at most 64 are accepted' },
        { row: 9, column: 'sku', reason: 'is 65 characters long; at most 64 are accepted' },
        {
          row: 10,
          column: 'active',
          reason: "'maybe' is not accepted; write true or false, or leave it empty (a new listing is active, an existing one keeps its state)",
        },
      ]);
    }
    expect(await listings()).toEqual(before);
  });

  it('refuses a file whose header or shape is wrong', async () => {
    expect((await csv.preview('account,sku\nshop-a,CUP\n')).errors).toEqual([
      { row: 1, column: 'channel_listing_id', reason: 'header must name the columns account, channel_listing_id, sku; it may also name active' },
    ]);
    expect((await csv.preview('')).errors).toEqual([
      { row: 1, column: 'account, channel_listing_id, sku', reason: 'header must name the columns account, channel_listing_id, sku; it may also name active' },
    ]);
    expect((await csv.preview('account,channel_listing_id,sku,actve\nshop-a,cup-1,CUP,false\n')).errors).toEqual([
      { row: 1, column: 'actve', reason: 'unknown column; the columns are account, channel_listing_id, sku and optionally active' },
    ]);
    expect((await csv.preview('account,channel_listing_id,sku\nshop-a,cup-1,CUP,extra\n')).errors).toEqual([
      { row: 2, column: '', reason: 'has 4 values but the header names 3 columns' },
    ]);
    const broken = await csv.preview('account,channel_listing_id,sku\nshop-a,"cup-1,CUP\n');
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0].reason).toMatch(/^not valid CSV: /);
    // A spreadsheet's BOM, blank lines and padding around values are not errors.
    expect(await csv.preview('\uFEFFaccount, channel_listing_id ,sku\n\n shop-a , cup-1 ,CUP\n')).toMatchObject({ created: 1, errors: [] });
  });

  it('writes all rows or none when the database refuses one of them', async () => {
    await refuseListing(db.orm, dialect, 'boom');
    const file = 'account,channel_listing_id,sku\nshop-a,tea,GIFT\nshop-a,cup-1,CUP\nshop-a,boom,CUP\n';
    const before = await listings();
    await expect(csv.apply(file)).rejects.toThrow(/boom refused/);
    expect(await listings()).toEqual(before);
  });
});

/** A trigger that fails the insert of one channel item: the database's own refusal in mid-import. */
async function refuseListing(orm: MikroORM, dialect: TestDialect, channelListingId: string): Promise<void> {
  const connection = orm.em.getConnection();
  if (dialect === 'sqlite') {
    await connection.execute(
      `CREATE TRIGGER refuse_listing BEFORE INSERT ON listing WHEN NEW.channel_listing_id = '${channelListingId}' BEGIN SELECT RAISE(ABORT, '${channelListingId} refused'); END`,
    );
    return;
  }
  await connection.execute(
    `CREATE FUNCTION refuse_listing() RETURNS trigger AS $$ BEGIN IF NEW.channel_listing_id = '${channelListingId}' THEN RAISE EXCEPTION '${channelListingId} refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
  );
  await connection.execute('CREATE TRIGGER refuse_listing BEFORE INSERT ON listing FOR EACH ROW EXECUTE FUNCTION refuse_listing()');
}
