import { createTestDatabase, type TestDatabase, type TestDialect } from '../testing/test-database';
import { DuplicateError, LedgerValidationError, NotFoundError } from '../ledger/ledger-errors';
import { CatalogService } from './catalog.service';

describe.each<TestDialect>(['postgresql', 'sqlite'])('catalogue on %s', (dialect) => {
  let db: TestDatabase;
  let catalog: CatalogService;

  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    catalog = new CatalogService(db.orm);
    await catalog.createProduct({ code: 'TEA-01', name: '緑茶', tags: ['tea', 'gift'] });
    await catalog.createProduct({ code: 'TEA-02', name: 'ほうじ茶', tags: ['tea'] });
    await catalog.createProduct({ code: 'CUP-01', name: '湯呑み', tags: ['ware'] });
  });
  afterEach(() => db.drop());

  it('finds products by tag, by search text and by kind, a page at a time', async () => {
    expect((await catalog.listProducts({ tag: 'tea' })).items.map((p) => p.code)).toEqual(['TEA-01', 'TEA-02']);
    expect((await catalog.listProducts({ search: '湯呑' })).items.map((p) => p.code)).toEqual(['CUP-01']);
    const page = await catalog.listProducts({ limit: 2, offset: 1 });
    expect(page).toMatchObject({ total: 3 });
    expect(page.items.map((p) => p.code)).toEqual(['TEA-01', 'TEA-02']);
    expect((await catalog.listProducts({ kind: 'bundle' })).total).toBe(0);
  });

  it('refuses a duplicate code, and a bundle with unknown or repeated components', async () => {
    await expect(catalog.createProduct({ code: 'TEA-01', name: 'again' })).rejects.toBeInstanceOf(DuplicateError);
    const bad = await catalog
      .createBundle({ code: 'SET', name: 'セット', components: [{ sku: 'TEA-01', quantity: 1 }, { sku: 'TEA-01', quantity: 1 }] })
      .catch((e: unknown) => e);
    expect((bad as LedgerValidationError).issues).toEqual([{ path: 'components[1].sku', message: "'TEA-01' is listed twice; give it one line with the total quantity" }]);
    const unknown = await catalog.createBundle({ code: 'SET', name: 'セット', components: [{ sku: 'NOPE', quantity: 1 }] }).catch((e: unknown) => e);
    expect((unknown as LedgerValidationError).issues[0].path).toBe('components[0].sku');
    await expect(catalog.getProduct('SET')).rejects.toBeInstanceOf(NotFoundError);
  });
});
