/**
 * What the service hands the engine for one allocation unit: a SKU together with every bundle that
 * shares its components, and every listing that sells any of them. Plain data only, so the simulator
 * can build the same shape without the ledger.
 */

/** Stock of one SKU, in units of that SKU. */
export interface SkuStock {
  readonly sku: string;
  /** Available stock (on-hand minus reserved), all locations together. */
  readonly available: number;
  /** Available stock per location id; needed only when some listing draws from specific locations. */
  readonly byLocation?: Readonly<Record<string, number>>;
  readonly tags?: readonly string[];
  readonly category?: string;
}

/** One component line of a bundle (セット商品): the bundle consumes `quantity` units of `componentSku`. */
export interface BundleComponent {
  readonly componentSku: string;
  readonly quantity: number;
}

/** A bundle is an item code of its own, so rules may name it in `scope.skus`, by tag or by category. */
export interface BundleDefinition {
  readonly bundleId: string;
  readonly components: readonly BundleComponent[];
  readonly tags?: readonly string[];
  readonly category?: string;
}

/** What a listing sells: a SKU or a bundle. */
export type ListingItemRef =
  | { readonly sku: string }
  | { readonly bundleId: string };

export interface ListingInput {
  readonly listingId: string;
  /** Channel id, e.g. `rakuten`, `amazon`, `yahoo`, `shopify`. */
  readonly channel: string;
  /** Channel account (shop) id; several accounts of one channel are separate listings. */
  readonly account: string;
  readonly item: ListingItemRef;
  /** False when the listing is deleted or suspended on the channel: it gets nothing. */
  readonly active: boolean;
  /** Location ids the listing ships from; absent means every location. */
  readonly locations?: readonly string[];
  /** Recent sales of this listing, in its own units per day (bundles count bundles). */
  readonly velocityPerDay?: number;
}

export interface AllocationUnit {
  readonly skus: readonly SkuStock[];
  readonly bundles?: readonly BundleDefinition[];
  readonly listings: readonly ListingInput[];
}

export interface AllocationOptions {
  /** The instant to allocate for (epoch milliseconds or a Date); the engine never reads the clock. */
  readonly now: number | Date;
  /** Record a structured trace per listing; off by default because the hot path must not pay for it. */
  readonly trace?: boolean;
}
