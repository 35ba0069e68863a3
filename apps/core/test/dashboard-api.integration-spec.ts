import { startTestApp, type TestApp } from './support/test-app';

interface Overview {
  items: Array<{ sku: string; onHand: number; reserved: number; available: number; lowStock: boolean }>;
  total: number;
  lowStockThreshold: number;
}

/** The routes the dashboard adds, through HTTP alone (SQLite): the stock list and the rule preview. */
describe('dashboard routes (SQLite)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp('sqlite', { LOW_STOCK_THRESHOLD: '5' });
    await api.call('POST', '/api/v1/locations', { body: { code: 'WH', name: '倉庫' } });
    for (const [code, name] of [
      ['TEA-100', '煎茶'],
      ['TEA-200', 'ほうじ茶'],
      ['MUG_1', '湯呑'],
    ])
      await api.call('POST', '/api/v1/products', { body: { code, name } });
    await api.call('POST', '/api/v1/stock/receive', { body: { sku: 'TEA-100', location: 'WH', quantity: 40, idempotencyKey: 'r1' } });
    await api.call('POST', '/api/v1/stock/receive', { body: { sku: 'TEA-200', location: 'WH', quantity: 3, idempotencyKey: 'r2' } });
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists stock of many SKUs, searched by code or name, filtered by low stock', async () => {
    const all = await api.call<Overview>('GET', '/api/v1/stock-overview');
    expect(all.body).toMatchObject({ total: 3, lowStockThreshold: 5 });
    expect(all.body.items.map((i) => [i.sku, i.available, i.lowStock])).toEqual([
      ['MUG_1', 0, true],
      ['TEA-100', 40, false],
      ['TEA-200', 3, true],
    ]);
    expect((await api.call<Overview>('GET', '/api/v1/stock-overview?search=tea')).body.total).toBe(2);
    expect(
      (await api.call<Overview>('GET', `/api/v1/stock-overview?search=${encodeURIComponent('ほうじ')}`)).body.items.map((i) => i.sku),
    ).toEqual(['TEA-200']);
    // An underscore is a character to find, not a wildcard.
    expect((await api.call<Overview>('GET', '/api/v1/stock-overview?search=g_')).body.items.map((i) => i.sku)).toEqual(['MUG_1']);
    expect((await api.call<Overview>('GET', '/api/v1/stock-overview?filter=low-stock&search=tea')).body.items.map((i) => i.sku)).toEqual([
      'TEA-200',
    ]);
    expect((await api.call<Overview>('GET', '/api/v1/stock-overview?filter=dead-letter')).body.total).toBe(0);
    expect((await api.call('GET', '/api/v1/stock-overview?filter=sold-out')).status).toBe(400);
  });

  it('checks a rule set without activating it, naming each path under ruleSet', async () => {
    const wrong = await api.call<{ issues: Array<{ path: string; message: string }> }>('POST', '/api/v1/rules/preview', {
      body: { ruleSet: 'version: 1\nmode: shared\nrules:\n  - id: a\n    shars: { x: 1 }\n' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.issues.map((i) => i.path)).toEqual(['ruleSet.rules[0].shars']);

    const ruleSet = { version: 3, mode: 'shared', rules: [{ id: 'all', limits: { testshop: { max: 4 } } }] };
    const checked = await api.call<Record<string, unknown>>('POST', '/api/v1/rules/preview', { body: { ruleSet } });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ sku: null, ruleSetVersion: 3, ruleSet, listings: [] });

    const forSku = await api.call<Record<string, unknown>>('POST', '/api/v1/rules/preview', {
      body: { ruleSet, sku: 'TEA-100', lang: 'en' },
    });
    expect(forSku.body).toMatchObject({ sku: 'TEA-100', stock: [{ sku: 'TEA-100', available: 40 }], listings: [] });
    expect((await api.call('POST', '/api/v1/rules/preview', { body: { ruleSet, sku: 'NOPE' } })).status).toBe(404);
    // Nothing was activated.
    expect((await api.call<{ id: number | null }>('GET', '/api/v1/rules')).body.id).toBeNull();
  });
});
