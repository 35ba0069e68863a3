import type { ListingInput } from '../model/allocation-unit.types';

/** A listing as seen from one SKU's stock: how many units of that SKU one sale consumes. */
export interface PoolConsumer {
  readonly listing: ListingInput;
  /** `channel/account`, the most specific name a rule can address the listing by. */
  readonly accountKey: string;
  /** Units of the pooled SKU per unit sold on the listing (1 for the SKU itself). */
  readonly perUnit: number;
  /** Units of the pooled SKU at the locations the listing ships from; Infinity when unrestricted. */
  readonly locationCap: number;
}

/** The rule entry that addresses the consumer: its account first, then its channel. */
export function targetKeyOf<T>(entries: ReadonlyMap<string, T>, consumer: PoolConsumer): string | null {
  if (entries.has(consumer.accountKey)) return consumer.accountKey;
  if (entries.has(consumer.listing.channel)) return consumer.listing.channel;
  return null;
}
