import { YAHOO_LIMITS } from './yahoo-wire.types';

/** A listing as Yahoo! addresses it: the item code, and the sub code of a variant (個別商品コード). */
export interface YahooItemRef {
  code: string;
  subCode: string | null;
}

const PART = new RegExp(`^[A-Za-z0-9_-]{1,${YAHOO_LIMITS.itemCodeLength}}$`);

export const ITEM_CODE_ACCEPTED =
  `"code" or "code:subcode", each 1-${YAHOO_LIMITS.itemCodeLength} characters of A-Z a-z 0-9 - _ ` +
  '(commas and colons separate codes in a call, so they cannot be part of one)';

/** Null when `listingId` is something setStock would refuse; the caller says why with ITEM_CODE_ACCEPTED. */
export function parseItemRef(listingId: string): YahooItemRef | null {
  const parts = listingId.split(':');
  if (parts.length > 2 || !parts.every((p) => PART.test(p))) {
    return null;
  }
  return { code: parts[0], subCode: parts[1] ?? null };
}

export function itemRefToListingId(
  code: string,
  subCode: string | null | undefined,
): string {
  return subCode ? `${code}:${subCode}` : code;
}
