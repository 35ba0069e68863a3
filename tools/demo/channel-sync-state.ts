import type { ListingView, Page } from '../service-api/api-views';
import type { ServiceApi } from '../service-api/service-api';
import type { DemoSandbox } from './sandboxes/demo-sandbox';

/** One listing as the service plans it and as its channel shows it. */
export interface ListingLine {
  channel: DemoSandbox['channel'];
  account: string;
  listingId: string;
  sku: string;
  /** What the rules want the channel to show (null before the first plan). */
  target: number | null;
  /** What the sandbox shows right now. */
  shows: number | null;
  /** What the service believes the channel shows (its last push, less the channel's sales it has ingested since). */
  lastPublished: number | null;
  /** The service owes the channel a push for this listing. */
  owed: boolean;
  /** Nothing is owed and the channel shows the target. */
  inLine: boolean;
  lastError: string | null;
}

/**
 * Every listing of the demo accounts with what the channel shows next to what the rules want. A
 * listing is in line when nothing is owed to it and its sandbox shows its target.
 */
export async function channelSyncState(api: ServiceApi, sandboxes: readonly DemoSandbox[], filter: { skus?: readonly string[] } = {}): Promise<ListingLine[]> {
  // One read of every listing (pages of 1,000): the demo has a few dozen, and `sell` reads them many times a second.
  const listings = await allListings(api);
  const lines: ListingLine[] = [];
  for (const sandbox of sandboxes) {
    for (const listing of listings.filter((l) => l.account === sandbox.account.id)) {
      if (filter.skus && !filter.skus.includes(listing.sku)) continue;
      const shows = sandbox.stock.listing(listing.channelListingId)?.quantity ?? null;
      lines.push({
        channel: sandbox.channel,
        account: sandbox.account.id,
        listingId: listing.channelListingId,
        sku: listing.sku,
        target: listing.target,
        shows,
        lastPublished: listing.lastPublished,
        owed: listing.owed,
        inLine: listing.active && !listing.owed && listing.target !== null && shows === listing.target,
        lastError: listing.lastError,
      });
    }
  }
  return lines;
}

/** Every listing the service holds, read a page of 1,000 at a time. */
export async function allListings(api: ServiceApi): Promise<ListingView[]> {
  const listings: ListingView[] = [];
  for (;;) {
    const page = await api.get<Page<ListingView>>(`/channels/listings?limit=1000&offset=${listings.length}`);
    listings.push(...page.items);
    if (page.items.length < 1000) return listings;
  }
}

export function describeOutOfLine(lines: readonly ListingLine[]): string {
  const out = lines.filter((l) => !l.inLine);
  if (out.length === 0) return 'every listing in line';
  return `${out.length} of ${lines.length} listings not in line: ${out.slice(0, 8).map(describeLine).join('; ')}`;
}

/** Why one listing is not at its target, in the service's own terms. */
export function describeLine(l: ListingLine): string {
  const where = `${l.channel} ${l.listingId} (${l.sku}) shows ${l.shows}, target ${l.target}`;
  if (l.lastError) return `${where}: ${l.lastError}`;
  if (l.owed) return `${where}: a push is owed`;
  return `${where}: no push is owed (the service counts ${l.lastPublished} as shown)`;
}
