import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createYahooSandbox, type YahooSandbox } from '@urikiri/connector-yahoo/sandbox';
import type { AccountView, ListingView, Page, SkuStockView } from '../service-api/api-views';
import { ensureLocalAdminKey } from '../service-api/local-admin-key';
import { ServiceApi } from '../service-api/service-api';
import { applyChannels, ChannelsApplyError } from '../channels/apply-channels';
import { parseChannelsFile } from '../channels/channels-file';
import { channelSyncState } from './channel-sync-state';
import { DEMO_OPENING_STOCK, DEMO_PRODUCTS } from './demo-catalogue';
import { DEMO_ACCOUNTS, DEMO_CHANNEL_IDS } from './demo-channel-ids';
import { startDemoRuntime, type DemoRuntime } from './demo-runtime';
import { seedDemo } from './seeding/seed-demo';
import { startCoreServiceProcess, WORKSPACE_ROOT, type CoreServiceProcess } from './testing/core-service-process';
import { freePortRange } from './testing/free-port-range';
import { quantitiesTheRulesSay } from './testing/rules-say';
import { waitUntil } from './wait-until';

jest.setTimeout(180_000);

/** What each sandbox shows, keyed `<account> <channel listing id>`. */
async function shown(api: ServiceApi, runtime: DemoRuntime): Promise<Map<string, number | null>> {
  return new Map((await channelSyncState(api, runtime.sandboxes.all)).map((l) => [`${l.account} ${l.listingId}`, l.shows]));
}

/**
 * The demo as `npm start` runs it, against the real service in a process of its own (SQLite, Redis):
 * seeded from nothing, run again, restarted with empty sandboxes, and a sale carried across.
 */
describe('the demo channels against the core service', () => {
  let service: CoreServiceProcess;
  let runtime: DemoRuntime;
  let api: ServiceApi;
  let basePort: number;
  let stateFile: string;

  beforeAll(async () => {
    // The service polls as npm start runs it for the demo (see tools/scripts/start.js).
    service = await startCoreServiceProcess({ ORDER_POLL_INTERVAL_MS: '180000' });
    basePort = await freePortRange(5);
    stateFile = join(service.directory, 'demo-channels.json');
    runtime = await startDemoRuntime({ basePort, stateFile });
  });

  const keyFile = () => join(service.directory, 'local-admin.key');

  afterAll(async () => {
    await runtime?.close();
    await service?.close();
  });

  it('makes its own admin key through the key command, kept owner-only, and reuses it', async () => {
    const file = keyFile();
    const first = await ensureLocalAdminKey({ root: WORKSPACE_ROOT, serviceUrl: service.url, env: service.env, file });
    expect(first.created).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = await ensureLocalAdminKey({ root: WORKSPACE_ROOT, serviceUrl: service.url, env: service.env, file });
    expect(again).toEqual({ key: first.key, created: false, file });
    api = new ServiceApi(service.url, first.key);
  });

  it('seeds a new ledger: accounts connected and cut over, every product listed on every channel, each showing what the rules say', async () => {
    const report = await runtime.connect(service.url, api);
    expect(report.catalogue).toEqual({ locations: 3, skus: 8, bundles: 3 });
    expect(report.rulesActivated).toBe(true);
    expect(report.accounts.created).toEqual(DEMO_CHANNEL_IDS.map((c) => DEMO_ACCOUNTS[c].id));
    expect(report.listings).toEqual({ created: 44, changed: 0, unchanged: 0 });

    const accounts = await api.get<AccountView[]>('/channels/accounts');
    for (const sandbox of runtime.sandboxes.all) {
      const account = accounts.find((a) => a.id === sandbox.account.id);
      expect(account).toMatchObject({ connector: sandbox.channel, baseUrl: sandbox.url, stopped: false, listings: { total: 11, active: 11, owed: 0, deadLetters: 0 } });
      expect(account?.cutoverAt).not.toBeNull();
    }

    const listings = (await api.get<Page<ListingView>>('/channels/listings?limit=1000')).items;
    const mapped = listings.map((l) => `${l.account} ${l.channelListingId} ${l.sku}`).sort();
    const catalogue = DEMO_CHANNEL_IDS.flatMap((c) => DEMO_PRODUCTS.map((p) => `${DEMO_ACCOUNTS[c].id} ${p.listings[c]} ${p.code}`)).sort();
    expect(mapped).toEqual(catalogue);

    const rulesSay = await quantitiesTheRulesSay(api);
    expect(await shown(api, runtime)).toEqual(rulesSay);
    // The demo rules, not the default shared pool: own shop first on a SKU running low, Amazon at 0 below 5.
    expect(rulesSay.get('shopify-sandbox 44000000108@71000000001')).toBe(6);
    expect(['amazon-sandbox SENSU-SAKURA', 'rakuten-sandbox kyo-sensu:sakura', 'yahoo-sandbox kyo-sensu:sakura'].map((k) => rulesSay.get(k))).toEqual([0, 0, 0]);
    expect(rulesSay.get('amazon-sandbox YUNOMI-KON')).toBe(0);
  });

  it('changes nothing when it runs again', async () => {
    const before = await shown(api, runtime);
    const report = await seedDemo(api, runtime.sandboxes.all);
    expect(report.catalogue).toEqual({ locations: 0, skus: 0, bundles: 0 });
    expect(report.rulesActivated).toBe(false);
    expect(report.accounts.created).toEqual([]);
    expect(report.listings).toEqual({ created: 0, changed: 0, unchanged: 44 });
    expect((await api.get<{ items: unknown[] }>('/rules/history')).items).toHaveLength(1);
    for (const row of DEMO_OPENING_STOCK.filter((s) => s.location === 'WH-TOKYO')) {
      const stock = await api.get<SkuStockView>(`/stock/${row.sku}`);
      expect(stock.locations.find((l) => l.location === 'WH-TOKYO')?.onHand).toBe(row.quantity);
    }
    expect(await shown(api, runtime)).toEqual(before);
  });

  it('started again (the sandboxes empty), reconciles every account until each channel shows what the rules say again', async () => {
    const before = await shown(api, runtime);
    // Both stop and start again as with Ctrl-C and a second `npm start`: the sandboxes first, then the service.
    await runtime.close();
    await service.restart(async () => {
      runtime = await startDemoRuntime({ basePort, stateFile });
    });
    api = new ServiceApi(service.url, (await ensureLocalAdminKey({ root: WORKSPACE_ROOT, serviceUrl: service.url, env: service.env, file: keyFile() })).key);
    expect([...(await shown(api, runtime)).values()].every((q) => q === 0)).toBe(true);

    const report = await runtime.connect(service.url, api);
    expect(report.reconciled).toEqual(DEMO_CHANNEL_IDS.map((c) => DEMO_ACCOUNTS[c].id));
    expect(report.accounts.elsewhere).toEqual([]);
    expect(await shown(api, runtime)).toEqual(before);
    expect(await shown(api, runtime)).toEqual(await quantitiesTheRulesSay(api));
  });

  it('carries a sale on one channel to the others, for a webhook channel and a polled one, after the restart', async () => {
    for (const [channel, sku] of [
      ['shopify', 'TEA-SENCHA-100'],
      ['rakuten', 'TOWEL-IMABARI'],
    ] as const) {
      const sandbox = runtime.sandboxes.get(channel);
      const othersBefore = await shown(api, runtime);
      const stockBefore = await api.get<SkuStockView>(`/stock/${sku}`);
      const answer = await fetch(`${runtime.control.url}/orders`, { method: 'POST', body: JSON.stringify({ channel, sku, quantity: 2 }) });
      expect(answer.status).toBe(201);
      // The ledger reserves the sale (a restarted sandbox's orders are new orders, not repeats)...
      await waitUntil(`the ${channel} sale in the ledger`, () => api.get<SkuStockView>(`/stock/${sku}`), (s) => s.available === stockBefore.available - 2, { timeoutMs: 20_000 });
      // ...and every channel comes to what the rules say for the stock that is left.
      const lines = await waitUntil('every channel in line after the sale', () => channelSyncState(api, runtime.sandboxes.all), (all) => all.every((l) => l.inLine), {
        timeoutMs: 30_000,
      });
      const rulesSay = await quantitiesTheRulesSay(api);
      expect(new Map(lines.map((l) => [`${l.account} ${l.listingId}`, l.shows]))).toEqual(rulesSay);
      const product = DEMO_PRODUCTS.find((p) => p.code === sku) as (typeof DEMO_PRODUCTS)[number];
      const moved = runtime.sandboxes.all
        .filter((s) => s !== sandbox)
        .filter((s) => rulesSay.get(`${s.account.id} ${product.listings[s.channel]}`) !== othersBefore.get(`${s.account.id} ${product.listings[s.channel]}`));
      expect(moved.length).toBeGreaterThan(0);
    }
  });

  it('applies a channels file: connects what is missing, then reports every account unchanged', async () => {
    let yahoo: YahooSandbox | undefined;
    try {
      yahoo = await createYahooSandbox({ seed: 9, account: { sellerId: 'second-store' } });
      const file = `
accounts:
  - id: yahoo-second
    connector: yahoo
    displayName: Yahoo!ショッピング 2号店
    baseUrl: ${yahoo.url}
    credentials: { sellerId: YAHOO_SELLER_ID, clientId: YAHOO_CLIENT_ID, clientSecret: YAHOO_CLIENT_SECRET, refreshToken: YAHOO_REFRESH_TOKEN }
`;
      const c = yahoo.credentials();
      const env = { YAHOO_SELLER_ID: c['sellerId'], YAHOO_CLIENT_ID: c['clientId'], YAHOO_CLIENT_SECRET: c['clientSecret'], YAHOO_REFRESH_TOKEN: c['refreshToken'] };

      const withoutSecret = parseChannelsFile(file.replace(', refreshToken: YAHOO_REFRESH_TOKEN', ''), env);
      await expect(applyChannels(api, withoutSecret)).rejects.toThrow(ChannelsApplyError);
      await expect(applyChannels(api, withoutSecret)).rejects.toThrow('account "yahoo-second": yahoo needs the credential "refreshToken"');

      const first = await applyChannels(api, parseChannelsFile(file, env));
      expect(first.created).toEqual(['yahoo-second']);
      expect(first.notInFile).toEqual(DEMO_CHANNEL_IDS.map((ch) => DEMO_ACCOUNTS[ch].id));
      await waitUntil('cut-over of yahoo-second', () => api.get<AccountView>('/channels/accounts/yahoo-second'), (a) => a.cutoverAt !== null, { timeoutMs: 30_000 });

      const again = await applyChannels(api, parseChannelsFile(file, env));
      expect(again).toMatchObject({ created: [], unchanged: ['yahoo-second'], differs: [] });
      const renamed = await applyChannels(api, parseChannelsFile(file.replace('2号店', '二号店'), env));
      expect(renamed.differs).toEqual([{ id: 'yahoo-second', differences: ['displayName is "Yahoo!ショッピング 2号店" in the service, "Yahoo!ショッピング 二号店" in the file'] }]);
    } finally {
      await yahoo?.close();
    }
  });
});
