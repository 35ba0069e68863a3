import { stringify } from 'csv-stringify/sync';
import type { AccountView } from '../service-api/api-views';
import type { ServiceApi } from '../service-api/service-api';
import { channelSyncState, describeOutOfLine } from '../demo/channel-sync-state';
import { demoRuleSet } from '../demo/demo-rules';
import type { DemoSandbox } from '../demo/sandboxes/demo-sandbox';
import { seedAccounts } from '../demo/seeding/seed-accounts';
import { waitUntil } from '../demo/wait-until';
import { LOAD_LOCATION, type LoadProduct } from './load-catalogue';

const csv = (rows: unknown[][]) => stringify(rows);

/**
 * Brings an empty service to the start of a sale: the load warehouse, the catalogue and its opening
 * stock, the demo's rule set (docs/allocation.md), the sandboxes as accounts, every SKU listed on
 * every channel; then waits until every listing shows what the rules say. Returns how long that took.
 */
export async function seedLoad(api: ServiceApi, sandboxes: readonly DemoSandbox[], products: readonly LoadProduct[], syncTimeoutMs: number): Promise<number> {
  const started = Date.now();
  await api.postCsv('/csv/locations', csv([['code', 'name', 'kind', 'sellable', 'priority'], [LOAD_LOCATION, '負荷試験倉庫', 'warehouse', 'true', '1']]));
  await api.postCsv('/csv/products', csv([['code', 'name', 'jan', 'tags'], ...products.map((p) => [p.code, p.name, p.jan, p.hot ? 'hot' : ''])]));
  await api.postCsv('/csv/stock', csv([['sku', 'location', 'quantity'], ...products.map((p) => [p.code, LOAD_LOCATION, String(p.stock)])]));
  await api.put('/rules', demoRuleSet(new Date()));
  await seedAccounts(api, sandboxes);
  const rows = sandboxes.flatMap((sandbox) => products.map((p) => [sandbox.account.id, p.listings[sandbox.channel], p.code]));
  await api.postCsv('/channels/listings/import', csv([['account', 'channel_listing_id', 'sku'], ...rows]));
  await waitUntil(
    'cut-over of every account',
    () => api.get<AccountView[]>('/channels/accounts'),
    (all) => sandboxes.every((s) => all.find((a) => a.id === s.account.id)?.cutoverAt),
    { timeoutMs: 60_000 },
  );
  await waitUntil(
    'every listing showing what the rules say',
    () => channelSyncState(api, sandboxes),
    (lines) => lines.length === sandboxes.length * products.length && lines.every((l) => l.inLine),
    { timeoutMs: syncTimeoutMs, everyMs: 1000, describe: describeOutOfLine },
  );
  return Date.now() - started;
}

/** Lists the run's catalogue on a sandbox at zero, as a shop holds it before its first sync. */
export function listLoadProducts(products: readonly LoadProduct[]): NonNullable<Parameters<typeof import('../demo/sandboxes/demo-sandboxes').startDemoSandboxes>[0]['each']>['list'] {
  return (stock, channel) => {
    for (const p of products) stock.upsertListing({ listingId: p.listings[channel], sellerSku: p.code, jan: p.jan, title: p.name, quantity: 0 });
  };
}
