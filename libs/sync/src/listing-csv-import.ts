import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { CsvRowChecks, parseCsvTable, Product, type CsvRow, type CsvRowError } from '@urikiri/inventory';
import { ChannelAccount } from './entities/channel-account.entity';
import { Listing } from './entities/listing.entity';

export const LISTING_CSV_COLUMNS = ['account', 'channel_listing_id', 'sku'] as const;
export const LISTING_CSV_OPTIONAL_COLUMNS = ['active'] as const;

export type ListingImportOutcome = 'created' | 'changed' | 'unchanged';

export interface ListingImportRow {
  /** Spreadsheet row (the header is row 1). */
  row: number;
  account: string;
  channelListingId: string;
  sku: string;
  outcome: ListingImportOutcome;
  /** For a listing moved to another SKU: the SKU it sold before. */
  previousSku: string | null;
}

export interface ListingImportReport {
  /** False for a preview, and for a file with errors (nothing of it is written). */
  applied: boolean;
  rows: number;
  created: number;
  changed: number;
  unchanged: number;
  /** Products whose listings were added, moved (both SKUs), deactivated or reactivated: re-allocate them. */
  productIds: number[];
  outcomes: ListingImportRow[];
  errors: CsvRowError[];
}

interface PlannedRow extends ListingImportRow {
  productId: number;
  /** Null when the file leaves the column empty: a new listing is active, an existing one keeps its state. */
  active: boolean | null;
  existing: Listing | null;
}

/** What rows are checked against. */
interface Known {
  accounts: Set<string>;
  products: Map<string, Product>;
  limits: { account: number; channelListingId: number; sku: number };
}

/** Products are looked up in slices so a large file stays under SQLite's bound-parameter limit. */
const LOOKUP_SLICE = 500;

/**
 * Listings from a CSV file (`account,channel_listing_id,sku[,active]`; sku may be a bundle's code).
 * `preview` checks every row and says what each would do; `apply` does it in one transaction, or
 * nothing when any row is wrong. Importing the same file again changes nothing.
 */
export class ListingCsvImport {
  constructor(private readonly orm: MikroORM) {}

  async preview(csv: string): Promise<ListingImportReport> {
    return this.plan(this.orm.em.fork(), csv).then(({ report }) => report);
  }

  async apply(csv: string): Promise<ListingImportReport> {
    return this.orm.em.fork().transactional(async (em) => {
      const { report, planned } = await this.plan(em, csv);
      if (report.errors.length > 0) return report;
      for (const row of planned) this.write(em, row);
      return { ...report, applied: true };
    });
  }

  private async plan(em: EntityManager, csv: string): Promise<{ report: ListingImportReport; planned: PlannedRow[] }> {
    const table = parseCsvTable(csv, { columns: [...LISTING_CSV_COLUMNS], optional: [...LISTING_CSV_OPTIONAL_COLUMNS], strict: true });
    const empty: ListingImportReport = { applied: false, rows: table.rows.length, created: 0, changed: 0, unchanged: 0, productIds: [], outcomes: [], errors: table.errors };
    if (table.errors.length > 0) return { report: empty, planned: [] };
    const checks = new CsvRowChecks();
    const known: Known = {
      accounts: new Set((await em.find(ChannelAccount, {})).map((a) => a.id)),
      products: await this.products(em, { code: table.rows.map((r) => r['sku']) }),
      limits: { account: this.maxLength(Listing, 'accountId'), channelListingId: this.maxLength(Listing, 'channelListingId'), sku: this.maxLength(Product, 'code') },
    };
    const existing = await this.existingListings(em, table.rows.filter((r) => known.accounts.has(r['account'])));
    const previousProducts = await this.products(em, { id: [...existing.values()].map((l) => l.productId) });
    const codeOf = new Map([...previousProducts.values()].map((p) => [p.id, p.code]));
    const planned: PlannedRow[] = [];
    table.rows.forEach((row, i) => {
      const checked = this.checkRow(checks, i, row, known);
      if (!checked) return;
      const previous = existing.get(listingKey(checked.account, checked.channelListingId)) ?? null;
      const moved = previous !== null && previous.productId !== checked.productId;
      const toggled = previous !== null && checked.active !== null && previous.active !== checked.active;
      planned.push({
        row: i + 2,
        account: checked.account,
        channelListingId: checked.channelListingId,
        sku: checked.sku,
        productId: checked.productId,
        active: checked.active,
        existing: previous,
        outcome: previous === null ? 'created' : moved || toggled ? 'changed' : 'unchanged',
        previousSku: moved && previous ? (codeOf.get(previous.productId) ?? null) : null,
      });
    });
    if (checks.errors.length > 0) return { report: { ...empty, errors: checks.errors }, planned: [] };
    const productIds = new Set<number>();
    for (const row of planned.filter((r) => r.outcome !== 'unchanged')) {
      productIds.add(row.productId);
      if (row.existing) productIds.add(row.existing.productId);
    }
    const count = (outcome: ListingImportOutcome) => planned.filter((r) => r.outcome === outcome).length;
    const outcomes = planned.map(({ row, account, channelListingId, sku, outcome, previousSku }) => ({ row, account, channelListingId, sku, outcome, previousSku }));
    const report = { ...empty, created: count('created'), changed: count('changed'), unchanged: count('unchanged'), productIds: [...productIds], outcomes };
    return { report, planned };
  }

  /** The row's values once every column is acceptable; otherwise undefined, with each problem recorded. */
  private checkRow(checks: CsvRowChecks, i: number, row: CsvRow, { accounts, products, limits }: Known) {
    const account = row['account'];
    const channelListingId = row['channel_listing_id'];
    const sku = row['sku'];
    const before = checks.errors.length;
    if (present(checks, i, 'account', account, 'the id of a channel account', limits.account) && !accounts.has(account)) {
      checks.fail(i, 'account', `no channel account '${account}'; ${describeAccounts([...accounts])}`);
    }
    if (present(checks, i, 'channel_listing_id', channelListingId, "the channel's id for the item", limits.channelListingId)) {
      checks.once(i, 'channel_listing_id', listingKey(account, channelListingId), `'${channelListingId}' for account '${account}'`);
    }
    if (present(checks, i, 'sku', sku, 'the code of one of our SKUs or bundles', limits.sku) && !products.has(sku)) {
      checks.fail(i, 'sku', `no SKU or bundle has the code '${sku}'; import or create the product first`);
    }
    const active = parseActive(row['active']);
    if (active === 'invalid') checks.fail(i, 'active', `'${row['active']}' is not accepted; write true or false, or leave it empty (a new listing is active, an existing one keeps its state)`);
    if (checks.errors.length > before || active === 'invalid') return undefined;
    return { account, channelListingId, sku, productId: (products.get(sku) as Product).id, active };
  }

  private write(em: EntityManager, row: PlannedRow): void {
    if (row.outcome === 'unchanged') return;
    if (row.existing === null) {
      em.create(Listing, {
        accountId: row.account,
        channelListingId: row.channelListingId,
        productId: row.productId,
        active: row.active ?? true,
        inactiveReason: row.active === false ? DEACTIVATED_BY_IMPORT : null,
      });
      return;
    }
    const listing = row.existing;
    listing.productId = row.productId;
    if (row.active === false && listing.active) {
      listing.active = false;
      listing.inactiveReason = DEACTIVATED_BY_IMPORT;
      listing.dirty = false;
    } else if (row.active === true && !listing.active) {
      // Whatever a re-listed item shows now is unknown: the first push reads it, as for a new listing.
      listing.active = true;
      listing.inactiveReason = null;
      listing.lastPublished = null;
      listing.dirty = true;
    }
  }

  /** Products by code, looked up by code or by id. */
  private async products(em: EntityManager, by: { code: string[] } | { id: number[] }): Promise<Map<string, Product>> {
    const found = new Map<string, Product>();
    if ('code' in by) {
      const wanted = [...new Set(by.code.filter((c) => c !== ''))];
      for (let i = 0; i < wanted.length; i += LOOKUP_SLICE) {
        for (const p of await em.find(Product, { code: { $in: wanted.slice(i, i + LOOKUP_SLICE) } })) found.set(p.code, p);
      }
    } else {
      const wanted = [...new Set(by.id)];
      for (let i = 0; i < wanted.length; i += LOOKUP_SLICE) {
        for (const p of await em.find(Product, { id: { $in: wanted.slice(i, i + LOOKUP_SLICE) } })) found.set(p.code, p);
      }
    }
    return found;
  }

  private async existingListings(em: EntityManager, rows: CsvRow[]): Promise<Map<string, Listing>> {
    const found = new Map<string, Listing>();
    const byAccount = new Map<string, string[]>();
    for (const row of rows) byAccount.set(row['account'], [...(byAccount.get(row['account']) ?? []), row['channel_listing_id']]);
    for (const [accountId, ids] of byAccount) {
      for (let i = 0; i < ids.length; i += LOOKUP_SLICE) {
        const slice = await em.find(Listing, { accountId, channelListingId: { $in: ids.slice(i, i + LOOKUP_SLICE) } });
        for (const l of slice) found.set(listingKey(l.accountId, l.channelListingId), l);
      }
    }
    return found;
  }

  /** Column lengths come from the entities, so the file is checked against what the database holds. */
  private maxLength(entity: { name: string }, property: string): number {
    return this.orm.getMetadata().get(entity.name).properties[property].length as number;
  }
}

const DEACTIVATED_BY_IMPORT = 'deactivated by listing import';

function listingKey(accountId: string, channelListingId: string): string {
  return `${accountId}\u0000${channelListingId}`;
}

function parseActive(value: string | undefined): boolean | null | 'invalid' {
  if (value === undefined || value === '') return null;
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return 'invalid';
}

  /** Records an empty or too long value; true when the value can be looked up. */
function present(checks: CsvRowChecks, i: number, column: string, value: string, what: string, max: number): boolean {
  if (value === '') {
    checks.fail(i, column, `must not be empty; give ${what}`);
    return false;
  }
  if (value.length > max) {
    checks.fail(i, column, `is ${value.length} characters long; at most ${max} are accepted`);
    return false;
  }
  return true;
}

function describeAccounts(accounts: string[]): string {
  if (accounts.length === 0) return 'no channel account exists yet; connect one first';
  const shown = accounts.sort().slice(0, 10).join(', ');
  return `the accounts are ${shown}${accounts.length > 10 ? ` and ${accounts.length - 10} more` : ''}`;
}
