import type { ListingInput } from '../model/allocation-unit.types';
import type { TargetEntry, TargetTable } from '../rules/target-table';

/** A listing as seen from one SKU's stock: how many units of that SKU one sale consumes. */
export interface PoolConsumer {
  readonly listing: ListingInput;
  /** Units of the pooled SKU per unit sold on the listing (1 for the SKU itself). */
  readonly perUnit: number;
  /** Units of the pooled SKU at the locations the listing ships from; Infinity when unrestricted. */
  readonly locationCap: number;
}

/** The rule entry that addresses the consumer: its account first, then its channel. */
export function entryFor<T>(
  table: TargetTable<T>,
  consumer: PoolConsumer,
): TargetEntry<T> | null {
  return table.lookup(consumer.listing.channel, consumer.listing.account);
}
