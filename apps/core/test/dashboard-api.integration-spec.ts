import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { catalogue, closeShops, connectShop, mapListing, openShops, receive } from './support/sync-fixture';
import { startTestApp, type Dialect, type TestApp } from './support/test-app';

interface Risk {
  code: string;
  severity: string;
  message: string;
}

interface Overview {
  items: Array<{ sku: string; onHand: number; reserved: number; available: number; lowStock: boolean; atRisk: boolean; risks: Risk[] }>;
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

/**
 * "At risk" through HTTP on both databases: the rule preview's own risk assessment, run on each SKU's
 * real listings under the rule set in force, found across the catalogue and then paged.
 */
describe.each<Dialect>(['sqlite', 'postgresql'])('stock at risk (%s)', (dialect) => {
  let api: TestApp;
  let shops: Record<string, ChannelSandbox>;

  const overview = async (query: string) => (await api.call<Overview>('GET', `/api/v1/stock-overview?${query}`)).body;
  const previewRisks = async (ruleSet: unknown, sku: string) =>
    (await api.call<{ risks: Risk[] }>('POST', '/api/v1/rules/preview', { body: { ruleSet, sku, lang: 'en' } })).body.risks;

  beforeAll(async () => {
    api = await startTestApp(dialect);
    shops = await openShops(['shop-a', 'shop-b']);
    await catalogue(api, ['TEA-100', 'TEA-200', 'MUG']);
    await connectShop(api, 'shop-a', shops['shop-a']);
    await connectShop(api, 'shop-b', shops['shop-b']);
    // TEA-100 on both shops, TEA-200 on one, MUG on none.
    await mapListing(api, 'shop-a', shops['shop-a'], 'tea-100', 'TEA-100');
    await mapListing(api, 'shop-b', shops['shop-b'], 'tea-100', 'TEA-100');
    await mapListing(api, 'shop-a', shops['shop-a'], 'tea-200', 'TEA-200');
    await receive(api, 'TEA-100', 40, 'r1');
    await receive(api, 'TEA-200', 3, 'r2');
  });
  afterAll(async () => {
    await api.close();
    await closeShops(shops);
  });

  it('finds the SKUs the rule set in force can oversell, with the reasons the rule preview gives', async () => {
    // The shared pool shows all 40 on both shops: together they may sell 80.
    const atRisk = await overview('filter=at-risk&lang=en');
    expect(atRisk.total).toBe(1);
    expect(atRisk.items.map((i) => [i.sku, i.atRisk, i.risks.map((r) => [r.code, r.severity])])).toEqual([
      [
        'TEA-100',
        true,
        [
          ['over-commit', 'high'],
          ['published-exceeds-available', 'high'],
        ],
      ],
    ]);
    const { ruleSet } = (await api.call<{ ruleSet: unknown }>('GET', '/api/v1/rules')).body;
    expect(atRisk.items[0].risks).toEqual(await previewRisks(ruleSet, 'TEA-100'));
    expect(atRisk.items[0].risks[1].message).toBe('TEA-100: 80 published in total but only 40 available');

    // Without the filter every row still says whether it is at risk, in Japanese by default.
    const all = await overview('');
    expect(all.items.map((i) => [i.sku, i.atRisk])).toEqual([
      ['MUG', false],
      ['TEA-100', true],
      ['TEA-200', false],
    ]);
    expect(all.items[1].risks[1].message).toBe('TEA-100: 掲載数の合計 80個が有効在庫 40個を超えています');
    expect((await overview('filter=at-risk&search=200')).total).toBe(0);
  });

  it('follows the rule set activated, and pages through the SKUs at risk', async () => {
    // Partitioned, TEA-100 can no longer oversell; TEA-200's safety stock hides all 3 units.
    const ruleSet = {
      version: 2,
      mode: 'partitioned',
      rules: [
        { id: 'base', mode: 'partitioned' },
        { id: 'keep-tea-200', scope: { skus: ['TEA-200'] }, safetyStock: { all: { units: 5 } } },
      ],
    };
    expect((await api.call('PUT', '/api/v1/rules', { body: ruleSet })).status).toBe(200);
    const atRisk = await overview('filter=at-risk&lang=en');
    expect(atRisk.items.map((i) => [i.sku, i.risks.map((r) => r.code)])).toEqual([['TEA-200', ['safety-stock-takes-all']]]);
    expect(atRisk.items[0].risks).toEqual(await previewRisks(ruleSet, 'TEA-200'));

    // A SKU with a ring-fence beyond its stock is at risk too; the filter pages like the others.
    const fenced = { ...ruleSet, version: 3, rules: [...ruleSet.rules, { id: 'fence-tea-100', scope: { skus: ['TEA-100'] }, ringFences: { testshop: 50 } }] };
    expect((await api.call('PUT', '/api/v1/rules', { body: fenced })).status).toBe(200);
    expect((await overview('filter=at-risk')).total).toBe(2);
    const second = await overview('filter=at-risk&limit=1&offset=1');
    expect(second).toMatchObject({ total: 2, items: [{ sku: 'TEA-200', atRisk: true }] });
    expect((await api.call('GET', '/api/v1/stock-overview?filter=at-risk&lang=fr')).status).toBe(400);
  });
});
