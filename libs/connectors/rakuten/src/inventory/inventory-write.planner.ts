import type { PushItem, PushResult, ReadResult } from '@urikiri/connector-sdk';
import type { RakutenListingRef } from '../rakuten-listing-id.codec';
import { RAKUTEN_INVENTORY_LIMITS, type RakutenUpsertItem } from '../rakuten-wire.types';

export type PlannedWrite =
  | { item: PushItem; write: RakutenUpsertItem }
  | { item: PushItem; result: PushResult };

/**
 * Decides how one listing is written. RELATIVE is the rule: Rakuten lowers its own stock on every
 * sale, and a change sent relative to what we last published keeps those sales subtracted even
 * before urikiri has ingested them. The base is `lastPublished` plus whatever unanswered raises are
 * assumed to have landed (`offset`).
 *
 * Never published (`lastPublished` null): the record was just read. A variant without an inventory
 * record is new and gets ABSOLUTE, the only mode that creates one; an existing record gets the
 * change from what was read, which keeps any sale made between the read and the write.
 */
export function planInventoryWrite(item: PushItem, ref: RakutenListingRef, current: ReadResult | undefined, offset: number): PlannedWrite {
  // Zero is written as such: it can never offer a unit Rakuten sold, whatever it sold that we have not
  // heard of yet, so a sell-out needs no relative change (refused below zero until those orders land).
  if (item.target === 0) return { item, write: { ...ref, mode: 'ABSOLUTE', quantity: 0 } };
  if (item.lastPublished === null) {
    if (current?.found) {
      return { item, write: { ...ref, mode: 'RELATIVE', quantity: item.target - current.quantity } };
    }
    return { item, write: { ...ref, mode: 'ABSOLUTE', quantity: item.target } };
  }
  const delta = item.target - (item.lastPublished + offset);
  const max = RAKUTEN_INVENTORY_LIMITS.maxQuantity;
  if (Math.abs(delta) > max) {
    return {
      item,
      result: {
        listingId: item.listingId,
        version: item.version,
        status: 'permanent',
        code: 'change-out-of-range',
        message: `the change ${delta} (target ${item.target} − lastPublished ${item.lastPublished}) is beyond Rakuten's ±${max} per write`,
      },
    };
  }
  return { item, write: { ...ref, mode: 'RELATIVE', quantity: delta } };
}
