import type { AccountView, Page, ProductView } from '../../service-api/api-views';
import type { ServiceApi } from '../../service-api/service-api';
import { channelSyncState, describeOutOfLine } from '../channel-sync-state';
import { DEMO_PRODUCTS } from '../demo-catalogue';
import { DEMO_ACCOUNTS } from '../demo-channel-ids';
import type { DemoSandbox } from '../sandboxes/demo-sandbox';
import { waitUntil } from '../wait-until';
import { seedAccounts, type AccountsReport } from './seed-accounts';
import { seedCatalogue, type CatalogueReport } from './seed-catalogue';
import { seedListings } from './seed-listings';
import { seedRules } from './seed-rules';

export interface SeedReport {
  catalogue: CatalogueReport;
  rulesActivated: boolean;
  accounts: AccountsReport;
  listings: { created: number; changed: number; unchanged: number };
  /** Accounts reconciled because their sandbox restarted empty. */
  reconciled: string[];
  /** Listings compared once every channel was in line. */
  listingsInLine: number;
  tookMs: number;
}

/** The ledger holds someone's own catalogue or channels: the demo must not be mixed into it. */
export class DemoNotForThisLedgerError extends Error {
  constructor(detail: string) {
    super(`${detail}; the demo adds its catalogue and sandbox channels only to an empty ledger or its own. Start with \`npm start -- --no-demo\`.`);
    this.name = 'DemoNotForThisLedgerError';
  }
}

export interface SeedOptions {
  now?: () => Date;
  /** How long the channels may take to come in line. */
  syncTimeoutMs?: number;
}

/**
 * Brings the service and the sandboxes to the demo's state, whatever they hold: on a new ledger it
 * creates the catalogue, opening stock, rules, accounts (cut-over) and listings; on a later start
 * (the sandboxes restarted empty) every step finds its work done, and each account is reconciled so
 * the service reads the channel back and pushes what it should show. Ends when every listing on
 * every channel shows what the rules say.
 */
export async function seedDemo(api: ServiceApi, sandboxes: readonly DemoSandbox[], options: SeedOptions = {}): Promise<SeedReport> {
  const started = Date.now();
  const now = options.now ?? (() => new Date());
  await refuseForeignLedger(api);
  const catalogue = await seedCatalogue(api);
  // Rules before listings, so the first quantities pushed are already the demo rules'.
  const rulesActivated = await seedRules(api, now());
  const accounts = await seedAccounts(api, sandboxes);
  if (accounts.elsewhere.length > 0) {
    // The API cannot move an account, and its sandbox will never answer on the old port.
    const moved = accounts.elsewhere.map((e) => `${e.account} is configured with ${e.baseUrl}, its sandbox listens on ${e.sandbox}`);
    throw new Error(`${moved.join('; ')}: start with the URIKIRI_DEMO_PORT the demo was first started with.`);
  }
  const listings = await seedListings(api, sandboxes);
  await waitUntil(
    'cut-over of every demo account',
    () => api.get<AccountView[]>('/channels/accounts'),
    (all) => sandboxes.every((s) => all.find((a) => a.id === s.account.id)?.cutoverAt),
    { timeoutMs: 60_000, describe: (all) => all.map((a) => `${a.id} cutoverAt ${a.cutoverAt}`).join(', ') },
  );
  for (const account of accounts.existing) await api.post(`/channels/accounts/${account}/reconcile`, { repair: true });
  const inLine = await waitUntil(
    'every demo listing showing its target on its channel',
    () => channelSyncState(api, sandboxes),
    (lines) => lines.length === sandboxes.length * DEMO_PRODUCTS.length && lines.every((l) => l.inLine),
    { timeoutMs: options.syncTimeoutMs ?? 90_000, everyMs: 250, describe: describeOutOfLine },
  );
  return {
    catalogue,
    rulesActivated,
    accounts,
    listings: { created: listings.created, changed: listings.changed, unchanged: listings.unchanged },
    reconciled: accounts.existing,
    listingsInLine: inLine.length,
    tookMs: Date.now() - started,
  };
}

async function refuseForeignLedger(api: ServiceApi): Promise<void> {
  const demoCodes = new Set(DEMO_PRODUCTS.map((p) => p.code));
  const products = (await api.get<Page<ProductView>>('/products?limit=500')).items;
  if (products.length > 0 && !products.some((p) => demoCodes.has(p.code))) {
    throw new DemoNotForThisLedgerError(`The ledger holds ${products.length} products of its own (${products[0].code}, …)`);
  }
  const demoAccounts = new Set(Object.values(DEMO_ACCOUNTS).map((a) => a.id));
  const foreign = (await api.get<AccountView[]>('/channels/accounts')).filter((a) => !demoAccounts.has(a.id));
  if (foreign.length > 0) throw new DemoNotForThisLedgerError(`The service has channel accounts of its own (${foreign.map((a) => a.id).join(', ')})`);
}
