import { UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/core';
import type { CatalogueListing, ChannelConnector, ListingSettingIssue } from '@urikiri/connector-sdk';
import { Product } from '@urikiri/inventory';
import type { ChannelDirectory } from './channel-directory';
import { Listing } from './entities/listing.entity';
import { gtinKey, gtinSpellings } from './gtin';

export interface DiscoveredListing {
  channelListingId: string;
  /** Our listing, created by this discovery. */
  listingId: number;
  productId: number;
  sku: string;
  matchedBy: 'seller-sku' | 'jan';
}

export interface AlreadyMappedListing {
  channelListingId: string;
  listingId: number;
  productId: number;
  /** The SKU or bundle the existing listing sells; discovery never changes it. */
  sku: string;
}

/** A channel item no product could be matched to: what the operator needs to map it by hand. */
export interface UnmatchedListing {
  channelListingId: string;
  sellerSku: string | null;
  jan: string | null;
  title: string;
  reason: string;
}

export interface DiscoveryReport {
  accountId: string;
  /** Distinct channel items listed by the catalogue. */
  scanned: number;
  matched: DiscoveredListing[];
  alreadyMapped: AlreadyMappedListing[];
  unmatched: UnmatchedListing[];
  /** Settings of the account's listings that defeat stock control, each with its fix. */
  warnings: ListingSettingIssue[];
  /** Set when the channel could not be asked about settings; the listings found are kept all the same. */
  warningsError: string | null;
  /** Products that gained a listing: re-allocate them. */
  productIds: number[];
}

type Match = { product: Product; by: DiscoveredListing['matchedBy'] } | { reason: string };
type Wanted = { item: CatalogueListing; product: Product; by: DiscoveredListing['matchedBy'] };

/** A page of listings is matched with one lookup per kind of key, in slices SQLite can bind. */
const LOOKUP_SLICE = 200;
/** Creation races a concurrent import or discovery at most this often before giving up. */
const CREATE_ATTEMPTS = 3;

/**
 * Lists a channel account's catalogue and maps its items to our products: by seller SKU (our product
 * code) first, then by JAN. Items already mapped are left as they are; items that match nothing, or
 * whose JAN belongs to several products, are returned for the operator to map.
 */
export class ListingDiscovery {
  constructor(
    private readonly orm: MikroORM,
    private readonly directory: ChannelDirectory,
  ) {}

  async discover(accountId: string): Promise<DiscoveryReport> {
    const connector = await this.directory.connectorFor(accountId);
    const catalogue = await readCatalogue(connector);
    const em = this.orm.em.fork();
    const mapped = await existingListings(em, accountId, catalogue.map((i) => i.listingId));
    const report: DiscoveryReport = { accountId, scanned: catalogue.length, matched: [], alreadyMapped: [], unmatched: [], warnings: [], warningsError: null, productIds: [] };
    const wanted: Wanted[] = [];
    const unmapped = catalogue.filter((item) => !mapped.has(item.listingId));
    for (let i = 0; i < unmapped.length; i += LOOKUP_SLICE) {
      const slice = unmapped.slice(i, i + LOOKUP_SLICE);
      const found = await this.match(em, slice);
      slice.forEach((item, j) => {
        const match = found[j];
        if ('reason' in match) report.unmatched.push({ channelListingId: item.listingId, sellerSku: item.sellerSku, jan: item.jan, title: item.title, reason: match.reason });
        else wanted.push({ item, product: match.product, by: match.by });
      });
    }
    const created = await this.createListings(accountId, wanted);
    report.matched = created.matched;
    report.productIds = [...new Set(created.matched.map((m) => m.productId))];
    report.alreadyMapped = await this.describeMapped(em, [...mapped.values(), ...created.alreadyMapped]);
    const settings = await this.checkSettings(accountId, connector);
    return { ...report, ...settings };
  }

  /** One match (or the reason for none) per catalogue item, in order. */
  private async match(em: EntityManager, items: CatalogueListing[]): Promise<Match[]> {
    const skus = [...new Set(items.flatMap((i) => (i.sellerSku ? [i.sellerSku.trim()] : [])))];
    const byCode = new Map((skus.length ? await em.find(Product, { code: { $in: skus } }) : []).map((p) => [p.code, p]));
    const keys = [...new Set(items.flatMap((i) => gtinKey(i.jan) ?? []))];
    const spellings = keys.flatMap(gtinSpellings);
    const byGtin = new Map<string, Product[]>();
    for (const p of spellings.length ? await em.find(Product, { jan: { $in: spellings } }, { orderBy: { code: 'asc' } }) : []) {
      const key = gtinKey(p.jan) as string;
      byGtin.set(key, [...(byGtin.get(key) ?? []), p]);
    }
    return items.map((item): Match => {
      const bySku = item.sellerSku ? byCode.get(item.sellerSku.trim()) : undefined;
      if (bySku) return { product: bySku, by: 'seller-sku' };
      const key = gtinKey(item.jan);
      const candidates = key ? (byGtin.get(key) ?? []) : [];
      if (candidates.length === 1) return { product: candidates[0], by: 'jan' };
      if (candidates.length > 1) {
        return { reason: `JAN ${item.jan} belongs to ${candidates.length} products (${candidates.map((p) => p.code).join(', ')}); map it by hand` };
      }
      return { reason: unmatchedReason(item) };
    });
  }

  /**
   * Creates the listings that do not exist yet, in one transaction. An item mapped meanwhile by an
   * import or another discovery makes the insert fail; the transaction then runs again and counts
   * it as already mapped.
   */
  private async createListings(accountId: string, wanted: Wanted[]): Promise<{ matched: DiscoveredListing[]; alreadyMapped: Listing[] }> {
    if (wanted.length === 0) return { matched: [], alreadyMapped: [] };
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.orm.em.fork().transactional(async (em) => {
          const existing = await existingListings(em, accountId, wanted.map((w) => w.item.listingId));
          const fresh = wanted.filter((w) => !existing.has(w.item.listingId));
          const listings = fresh.map((w) => em.create(Listing, { accountId, channelListingId: w.item.listingId, productId: w.product.id }));
          await em.flush();
          const matched = fresh.map((w, i): DiscoveredListing => ({
            channelListingId: w.item.listingId,
            listingId: listings[i].id,
            productId: w.product.id,
            sku: w.product.code,
            matchedBy: w.by,
          }));
          return { matched, alreadyMapped: [...existing.values()] };
        });
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException) || attempt >= CREATE_ATTEMPTS) throw error;
      }
    }
  }

  private async describeMapped(em: EntityManager, listings: Listing[]): Promise<AlreadyMappedListing[]> {
    const ids = [...new Set(listings.map((l) => l.productId))];
    const codes = new Map<number, string>();
    for (let i = 0; i < ids.length; i += LOOKUP_SLICE) {
      for (const p of await em.find(Product, { id: { $in: ids.slice(i, i + LOOKUP_SLICE) } })) codes.set(p.id, p.code);
    }
    return listings.map((l) => ({ channelListingId: l.channelListingId, listingId: l.id, productId: l.productId, sku: codes.get(l.productId) ?? `#${l.productId}` }));
  }

  /** Asks the channel about every active listing of the account, not only the new ones: settings change. */
  private async checkSettings(accountId: string, connector: ChannelConnector): Promise<Pick<DiscoveryReport, 'warnings' | 'warningsError'>> {
    const listings = await this.orm.em.fork().find(Listing, { accountId, active: true }, { orderBy: { id: 'asc' } });
    if (listings.length === 0) return { warnings: [], warningsError: null };
    try {
      return { warnings: await connector.checkListingSettings(listings.map((l) => l.channelListingId)), warningsError: null };
    } catch (error) {
      return { warnings: [], warningsError: `the channel could not be asked about listing settings: ${(error as Error).message}` };
    }
  }
}

/** The account's listings among these channel ids, by channel id. */
async function existingListings(em: EntityManager, accountId: string, channelListingIds: string[]): Promise<Map<string, Listing>> {
  const found = new Map<string, Listing>();
  for (let i = 0; i < channelListingIds.length; i += LOOKUP_SLICE) {
    const slice = channelListingIds.slice(i, i + LOOKUP_SLICE);
    for (const l of await em.find(Listing, { accountId, channelListingId: { $in: slice } })) found.set(l.channelListingId, l);
  }
  return found;
}

/** Every item of the catalogue once, following the channel's cursor to the end. */
async function readCatalogue(connector: ChannelConnector): Promise<CatalogueListing[]> {
  const items = new Map<string, CatalogueListing>();
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await connector.listCatalogue(cursor);
    // A catalogue edited while it is paged may list an item twice; the later view of it wins.
    for (const item of page.listings) items.set(item.listingId, item);
    if (page.nextCursor !== null && seen.has(page.nextCursor)) {
      throw new Error(`the channel's catalogue returned cursor '${page.nextCursor}' twice; paging stopped to avoid a loop`);
    }
    cursor = page.nextCursor;
    if (cursor !== null) seen.add(cursor);
  } while (cursor !== null);
  return [...items.values()];
}

function unmatchedReason(item: CatalogueListing): string {
  const sku = item.sellerSku ? `no product has the code '${item.sellerSku}'` : 'no seller SKU';
  if (!item.jan) return `${sku} and the channel gives no JAN`;
  if (gtinKey(item.jan) === null) return `${sku}, and JAN '${item.jan}' is not a barcode of 8 to 14 digits`;
  return `${sku} or the JAN ${item.jan}`;
}
