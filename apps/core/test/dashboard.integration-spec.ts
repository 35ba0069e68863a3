import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser';
import { catalogue, closeShops, connectShop, mapListing, openShops, receive, shows } from './support/sync-fixture';
import { startTestApp, type TestApp } from './support/test-app';

interface Overview {
  items: Array<{ sku: string; risks: Array<{ code: string; severity: string; message: string }> }>;
}

interface SyncMetrics {
  latency: Array<{ metric: string; account: string; count: number; p50Ms: number | null; p95Ms: number | null }>;
  counters: Array<{ metric: string; account: string; value: number }>;
}

/** A sales history and plan small enough to simulate in seconds: one SKU on two channels, one day. */
function smallSimulation() {
  const days = Array.from({ length: 28 }, (_, i) => new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10));
  const history = [
    'date,channel,sku,quantity',
    ...days.flatMap((day, i) => [`${day},rakuten,TEA,${2 + (i % 3)}`, `${day},amazon,TEA,${1 + (i % 2)}`]),
  ].join('\n');
  const plan = [
    'seed: 7',
    'runs: 4',
    'asOf: 2026-10-28',
    'window: { from: 2026-10-29T00:00, to: 2026-10-30T00:00 }',
    'stock: [{ sku: TEA, onHand: 6, leadTimeDays: 3 }]',
    'channels:',
    '  rakuten: { reservesAt: order, importDelayMinutes: 5 }',
    '  amazon: { reservesAt: order, importDelayMinutes: 1 }',
    'policies:',
    '  - name: shared',
    '    sync: { mode: event-driven }',
    '    rules: { version: 1, mode: shared, rules: [{ id: all, shares: { rakuten: 100, amazon: 100 } }] }',
    'search: { candidates: 2, runsPerCandidate: 2 }',
  ].join('\n');
  return { history, plan };
}

describe('dashboard in headless Chromium (PostgreSQL, Redis, the testshop sandbox)', () => {
  let api: TestApp;
  let shops: Record<string, ChannelSandbox>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  beforeEach(async () => {
    api = await startTestApp('postgresql', { ORDER_POLL_INTERVAL_MS: '200', OUTBOX_RELAY_INTERVAL_MS: '50' });
    shops = await openShops(['shop-a', 'shop-b']);
    await catalogue(api, ['TEA', 'MUG']);
    await connectShop(api, 'shop-a', shops['shop-a']);
    await connectShop(api, 'shop-b', shops['shop-b']);
    await mapListing(api, 'shop-a', shops['shop-a'], 'tea', 'TEA');
    await mapListing(api, 'shop-b', shops['shop-b'], 'tea', 'TEA');
    await receive(api, 'TEA', 10, 'r1');
    await receive(api, 'MUG', 3, 'r2');
    await shows(shops['shop-b'], 'tea', 10);
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  });
  afterEach(async () => {
    await page.close();
    await api.close();
    await closeShops(shops);
  });

  /**
   * One account's metrics as the channels page shows them, beside what the page's own formatting
   * makes of the API's figures. A push may land between the page's request and the test's, so the
   * page is reloaded until both read the same figures.
   */
  async function metricsShown(account: string) {
    const card = page.locator(`article[data-account="${account}"] .metrics[data-metrics="available"]`);
    const cell = (metric: string, name: string) => card.locator(`tr[data-latency="${metric}"] [data-cell="${name}"]`).textContent();
    const read = async () => {
      const metrics = (await api.call<SyncMetrics>('GET', '/api/v1/sync/metrics')).body;
      const latency = (metric: string) =>
        metrics.latency.find((l) => l.metric === metric && l.account === account) ?? { count: 0, p50Ms: null, p95Ms: null };
      const figures = {
        pushes: metrics.counters.find((c) => c.metric === 'pushes' && c.account === account)?.value ?? 0,
        push: latency('push'),
        endToEnd: latency('end_to_end'),
      };
      const shown = {
        pushes: await card.locator('[data-figure="pushes"]').textContent(),
        pushCount: await cell('push', 'count'),
        pushP50: await cell('push', 'p50'),
        pushP95: await cell('push', 'p95'),
        endToEndCount: await cell('end_to_end', 'count'),
      };
      // A string, so that the module is imported by the browser rather than compiled for Node.
      const expected = await page.evaluate<typeof shown>(`(async (api) => {
        const format = await import('/dashboard/format.js');
        return {
          pushes: format.formatNumber(api.pushes),
          pushCount: format.formatNumber(api.push.count),
          pushP50: format.formatDuration(api.push.p50Ms),
          pushP95: format.formatDuration(api.push.p95Ms),
          endToEndCount: format.formatNumber(api.endToEnd.count),
        };
      })(${JSON.stringify(figures)})`);
      return { api: figures, page: shown, expected };
    };
    let last = await read();
    for (let attempt = 0; attempt < 5 && JSON.stringify(last.page) !== JSON.stringify(last.expected); attempt++) {
      await page.reload();
      await card.waitFor();
      last = await read();
    }
    return last;
  }

  async function signIn(key = api.adminKey): Promise<void> {
    await page.goto(`${api.baseUrl}/dashboard/`);
    await page.fill('#api-key', key);
    await page.click('form.sign-in button[type=submit]');
  }

  it('signs in with an API key, exchanged for an HttpOnly session cookie that the API accepts', async () => {
    await signIn('uk_not-a-key');
    await page.locator('form.sign-in .error').waitFor();
    expect(await page.locator('form.sign-in .error').textContent()).toContain('無効');
    await screenshot(page, 'sign-in');

    await signIn();
    await page.locator('#sku-search').waitFor();
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: 'urikiri_session', path: '/api/v1', httpOnly: true, sameSite: 'Strict' });
    expect(cookie.value).not.toContain(api.adminKey);
    // The cookie works for the API on its own; a forged one does not.
    const headers = (value: string) => ({ cookie: `urikiri_session=${value}` });
    expect((await api.call('GET', '/api/v1/stock/TEA', { key: null, headers: headers(cookie.value) })).status).toBe(200);
    expect((await api.call('GET', '/api/v1/stock/TEA', { key: null, headers: headers('forged') })).status).toBe(401);
    // Signing out ends the session on the server, not only in this browser.
    await page.click('#sign-out');
    await page.locator('#api-key').waitFor();
    expect((await api.call('GET', '/api/v1/stock/TEA', { key: null, headers: headers(cookie.value) })).status).toBe(401);
  });

  it('finds a SKU and shows a channel quantity change after an order arrives, without reloading', async () => {
    await signIn();
    await page.locator('tr[data-sku="MUG"]').waitFor();
    await page.fill('#sku-search', 'te');
    await page.locator('tr[data-sku="MUG"]').waitFor({ state: 'detached' });
    expect(await page.locator('tr[data-sku]').count()).toBe(1);

    // Under the shared pool both shops show all of TEA: the page gives the rule engine's reasons.
    await page.fill('#sku-search', '');
    await page.selectOption('#stock-filter', 'at-risk');
    await page.locator('tr[data-sku="MUG"]').waitFor({ state: 'detached' });
    const risks = page.locator('tr[data-sku="TEA"] [data-cell="risks"] li');
    const reasons = (await api.call<Overview>('GET', '/api/v1/stock-overview?filter=at-risk')).body.items[0].risks;
    expect(reasons.map((r) => r.code)).toEqual(['over-commit', 'published-exceeds-available']);
    expect(await risks.evaluateAll((items) => items.map((li) => li.getAttribute('data-risk')))).toEqual(reasons.map((r) => r.code));
    expect(await risks.allTextContents()).toEqual(reasons.map((r) => `高 ${r.message}`));
    expect(await page.locator('tr[data-sku]').count()).toBe(1);
    await screenshot(page, 'stock');
    await page.click('tr[data-sku="TEA"] a');

    const published = (account: string) => page.locator(`tr[data-account="${account}"] [data-cell="published"]`);
    await published('shop-b').waitFor();
    expect(await published('shop-b').textContent()).toBe('10');
    expect(await page.locator('[data-figure="available"] strong').textContent()).toBe('10');
    await page.locator('#live[data-state="live"]').waitFor();

    // A mark on this page's window: a reload would lose it.
    await page.evaluate('window.stillTheSamePage = true');
    shops['shop-a'].stock.createOrder({ orderId: 'A-1', lines: [{ listingId: 'tea', quantity: 3 }] });
    await shows(shops['shop-b'], 'tea', 7);
    // The page is not reloaded: the figure changes in place when the event stream says so.
    await published('shop-b').filter({ hasText: /^7$/ }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate('window.stillTheSamePage')).toBe(true);
    expect(await page.locator('[data-figure="reserved"] strong').textContent()).toBe('3');
    await screenshot(page, 'sku');

    await page.click('tr[data-account="shop-b"] a');
    await page.locator('#listing-history tbody tr').first().waitFor();
    expect(await page.locator('#listing-history tbody tr').first().locator('td').nth(1).textContent()).toBe('7');
    expect(await page.locator('#listing-history .trace li').count()).toBeGreaterThan(0);
    await screenshot(page, 'listing-history');

    await page.click('#nav a[href="#/channels"]');
    await page.locator('article[data-account="shop-b"] .metrics[data-metrics="available"]').waitFor();
    // The figures are the API's, written by the page's own formatting: pushes and their latency to
    // shop-b, and the sale on shop-a reaching shop-b.
    const shown = await metricsShown('shop-b');
    expect(shown.api.pushes).toBeGreaterThan(0);
    expect(shown.api.push.count).toBeGreaterThan(0);
    expect(shown.api.push.p50Ms).toBeGreaterThan(0);
    expect(shown.api.endToEnd.count).toBeGreaterThan(0);
    expect(shown.page).toEqual(shown.expected);
    await screenshot(page, 'channels');
  });

  it('checks a rule set as it is edited, names the wrong line, and previews each channel with the trace', async () => {
    await signIn();
    await page.click('#nav a[href="#/rules"]');
    await page.locator('#rules-status').filter({ hasText: '有効' }).waitFor();
    await page.fill('#preview-sku', 'TEA');
    await page.locator('#rule-preview tr[data-account="shop-a"]').waitFor();

    await page.fill('#rules-editor', ['version: 2', 'mode: partitioned', 'rules:', '  - id: split', '    shars: { shop: 1 }'].join('\n'));
    const issue = page.locator('#rule-issues li[data-path="rules[0].shars"]');
    await issue.waitFor();
    expect(await issue.getAttribute('data-line')).toBe('5');
    expect(await page.locator('#rules-editor').getAttribute('aria-invalid')).toBe('true');

    await page.fill(
      '#rules-editor',
      ['version: 2', 'mode: partitioned', 'rules:', '  - id: split', '    limits: { testshop: { max: 4 } }'].join('\n'),
    );
    await page.locator('#rule-preview tr[data-account="shop-a"] [data-cell="preview"] strong').filter({ hasText: /^4$/ }).waitFor();
    expect(await page.locator('#rule-issues li').count()).toBe(0);
    expect(await page.locator('#rule-preview tr[data-account="shop-a"] .trace li').count()).toBeGreaterThan(0);
    await screenshot(page, 'rules');

    await page.click('#activate-rules');
    await page.click('#confirm-ok');
    await page.locator('#rules-activated').filter({ hasText: '適用しました' }).waitFor();
    expect(await page.locator('#rules-active').textContent()).toContain('#1');
    expect(await shows(shops['shop-a'], 'tea', 4)).toBe(4);
  });

  it('runs a small simulation, follows it and draws its chart, then applies the recommended rule set', async () => {
    await signIn();
    await page.click('#nav a[href="#/simulation"]');
    const { history, plan } = smallSimulation();
    await page.setInputFiles('#file-history', { name: 'sales.csv', mimeType: 'text/csv', buffer: Buffer.from(history) });
    await page.setInputFiles('#file-plan', { name: 'plan.yaml', mimeType: 'text/yaml', buffer: Buffer.from(plan) });
    await page.click('#run-simulation');
    await page.locator('#simulation-chart svg path[data-series="rakuten"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('#simulation-result table tbody tr').count()).toBe(1);
    expect(await page.locator('#report-link').getAttribute('href')).toMatch(/^\/api\/v1\/simulations\/.+\/report\.html$/);
    await screenshot(page, 'simulation');

    await page.click('#apply-recommended');
    await page.click('#confirm-ok');
    await page.locator('#apply-result').filter({ hasText: '適用しました' }).waitFor();
    expect((await api.call<{ id: number | null }>('GET', '/api/v1/rules')).body.id).not.toBeNull();
  }, 90_000);

  it('switches to English, with dates still in Japan time', async () => {
    await signIn();
    await page.click('#lang');
    await page.locator('#nav a[href="#/stock"]').filter({ hasText: 'Stock' }).waitFor();
    await page.goto(`${api.baseUrl}/dashboard/#/stock/TEA`);
    await page.locator('tr[data-account="shop-a"]').waitFor();
    expect(await page.locator('tr[data-account="shop-a"] td').nth(5).textContent()).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} JST$/);
    expect(await page.locator('h2').first().textContent()).toBe('Per warehouse');
  });
});
