/**
 * A urikiri listing id for Rakuten is `manageNumber:variantId` (商品管理番号 and SKU管理番号).
 * RMS refuses ids it cannot store, so they are checked here, before any call, with a message an
 * operator can act on.
 */
export interface RakutenListingRef {
  manageNumber: string;
  variantId: string;
}

export const RAKUTEN_ID_MAX_BYTES = 32;
const ALLOWED = /^[a-zA-Z0-9_-]+$/;

export class RakutenListingIdError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'RakutenListingIdError';
  }
}

function problemWith(field: 'manageNumber' | 'variantId', value: string): string | null {
  if (value === '') {
    return `${field} is empty`;
  }
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > RAKUTEN_ID_MAX_BYTES) {
    return `${field} "${value}" is ${bytes} bytes; Rakuten accepts at most ${RAKUTEN_ID_MAX_BYTES}`;
  }
  if (!ALLOWED.test(value)) {
    return `${field} "${value}" has characters Rakuten does not accept; use only a-z, A-Z, 0-9, "-" and "_"`;
  }
  return null;
}

/** The problem with a listing id, or null when Rakuten can hold it. */
export function listingIdProblem(listingId: string): string | null {
  const parts = listingId.split(':');
  if (parts.length !== 2) {
    return `listingId "${listingId}" must be "manageNumber:variantId" (商品管理番号:SKU管理番号), e.g. "tshirt-01:red-m"`;
  }
  const [manageNumber, variantId] = parts;
  const problem = problemWith('manageNumber', manageNumber) ?? problemWith('variantId', variantId);
  if (problem !== null) {
    return `listingId "${listingId}": ${problem}`;
  }
  // RMS stores 商品管理番号 in lower case; two ledger listings differing only in case would be one
  // Rakuten record, so the id must already be in the form Rakuten reports back.
  if (manageNumber !== manageNumber.toLowerCase()) {
    return (
      `listingId "${listingId}": manageNumber "${manageNumber}" has upper-case letters; Rakuten keeps ` +
      `商品管理番号 in lower case, so use "${manageNumber.toLowerCase()}:${variantId}" (variantId keeps its case)`
    );
  }
  return null;
}

export function parseRakutenListingId(listingId: string): RakutenListingRef {
  const problem = listingIdProblem(listingId);
  if (problem !== null) {
    throw new RakutenListingIdError(problem);
  }
  const [manageNumber, variantId] = listingId.split(':');
  return { manageNumber, variantId };
}

export function formatRakutenListingId(ref: RakutenListingRef): string {
  return `${ref.manageNumber.toLowerCase()}:${ref.variantId}`;
}
