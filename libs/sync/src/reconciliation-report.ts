/** What one reconciliation of a channel account found and did. */
export interface ReconciliationReport {
  accountId: string;
  runId: number;
  startedAt: Date;
  finishedAt: Date;
  /** When the channel's last answer arrived: ingestion must have caught up past it before a repair. */
  readFinishedAt: Date;
  /** The account's `ordersCaughtUpAt` the repairs were judged by. */
  ordersCaughtUpAt: Date | null;
  /** Listings whose channel quantity was read and compared. */
  checked: number;
  drift: ListingDrift[];
  repaired: number;
  notFound: MissingListing[];
  /** Active listings not compared, and why (never published, not read). */
  skipped: { listingId: number; channelListingId: string; reason: string }[];
  /** Why drift was left unrepaired for the account as a whole, if it was. */
  notRepairedReason: string | null;
  /**
   * Products to re-allocate: a deactivated listing's share goes to the others, and a repair takes a
   * new target version, which an allocation running at that moment loses its compare-and-set to.
   */
  replan: number[];
  /**
   * Listings left unjudged for a reason that passes: not read (the channel failed), or drift left
   * because ingestion was behind or the listing changed during the run. Another run may settle them.
   */
  unsettled: number[];
}

export interface ListingDrift {
  listingId: number;
  channelListingId: string;
  productId: number;
  /** What the channel should show: the listing's `lastPublished`. */
  expected: number;
  observed: number;
  /** observed − expected: negative when the channel shows less. */
  difference: number;
  repaired: boolean;
  /** Why the drift was left as it is; null when repaired. */
  notRepaired: string | null;
}

export interface MissingListing {
  listingId: number;
  channelListingId: string;
  productId: number;
  /** False when the run only reported (not asked to repair, or stopped). */
  deactivated: boolean;
}
