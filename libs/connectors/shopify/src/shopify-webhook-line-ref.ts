import { gidNumber } from './shopify-listing-id';

/**
 * What a webhook event names in place of its listing (`listingRef`): the line's variant and, for a
 * refund that restocked, the location it restocked at. Whether the units came back where the listing
 * is can only be told once the line's location has been looked up, so the restock location travels
 * with the event, as plain text, through whatever queue sits between parsing and resolving.
 */
export interface WebhookLineRef {
  variantId: string;
  restockedAt: string | null;
}

const RESTOCKED_AT = ' restocked-at ';

export function formatWebhookLineRef(ref: WebhookLineRef): string {
  return ref.restockedAt === null ? ref.variantId : `${ref.variantId}${RESTOCKED_AT}${ref.restockedAt}`;
}

/** The reference, or null when it is not one this connector wrote. */
export function parseWebhookLineRef(text: string): WebhookLineRef | null {
  const [variantId, restockedAt, ...rest] = text.split(RESTOCKED_AT);
  if (rest.length > 0 || gidNumber(variantId, 'ProductVariant') === null) {
    return null;
  }
  if (restockedAt !== undefined && gidNumber(restockedAt, 'Location') === null) {
    return null;
  }
  return { variantId, restockedAt: restockedAt ?? null };
}
