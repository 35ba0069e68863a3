/**
 * A Shopify listing is one inventory item stocked at one location: the pair `inventorySetQuantities`
 * writes to. Its urikiri id is `<inventoryItemId>@<locationId>` with the numeric ids the Shopify
 * admin shows, so an operator can read it and paste it.
 */
export const LISTING_ID_FORMAT =
  '"<inventoryItemId>@<locationId>" with the numeric ids from the Shopify admin, e.g. "44003568484650@71234567890"';

const LISTING_ID = /^([1-9]\d{0,19})@([1-9]\d{0,19})$/;

export type ShopifyGidType =
  | 'InventoryItem'
  | 'InventoryLevel'
  | 'Location'
  | 'Order'
  | 'LineItem'
  | 'Refund'
  | 'Fulfillment'
  | 'OrderTransaction'
  | 'ProductVariant'
  | 'InventoryAdjustmentGroup';

export interface ShopifyListingRef {
  listingId: string;
  inventoryItemId: string;
  locationId: string;
}

export function gid(type: ShopifyGidType, id: string | number): string {
  return `gid://shopify/${type}/${id}`;
}

/** The numeric part of a GID of the given type, or null when `value` is not one. */
export function gidNumber(value: string, type: ShopifyGidType): string | null {
  const prefix = `gid://shopify/${type}/`;
  if (!value.startsWith(prefix)) {
    return null;
  }
  const rest = value.slice(prefix.length).split('?')[0];
  return /^\d+$/.test(rest) ? rest : null;
}

/** The listing named by `listingId`, or null when it is not in the accepted format. */
export function parseListingId(listingId: string): ShopifyListingRef | null {
  const found = LISTING_ID.exec(listingId);
  if (!found) {
    return null;
  }
  return { listingId, inventoryItemId: gid('InventoryItem', found[1]), locationId: gid('Location', found[2]) };
}

export function listingIdOf(inventoryItemGid: string, locationGid: string): string | null {
  const item = gidNumber(inventoryItemGid, 'InventoryItem');
  const location = gidNumber(locationGid, 'Location');
  return item === null || location === null ? null : `${item}@${location}`;
}

/** Shopify's own id of an inventory level: the location id, qualified by the inventory item. */
export function inventoryLevelGid(ref: ShopifyListingRef): string {
  const [item, location] = ref.listingId.split('@');
  return `gid://shopify/InventoryLevel/${location}?inventory_item_id=${item}`;
}

export function invalidListingIdMessage(field: string, value: unknown): string {
  return `${field}: ${JSON.stringify(value)} is not a Shopify listing id; expected ${LISTING_ID_FORMAT}`;
}
