import { itemRefToListingId } from '../yahoo-item-code.codec';
import type { YahooStockAnswer, YahooStockResult } from '../yahoo-wire.types';

/** setStock/getStock results keyed by listing id (`code` or `code:subcode`). */
export function stockResultsByListing(
  answer: YahooStockAnswer | undefined,
): Map<string, YahooStockResult> {
  const results = answer?.ResultSet?.Result ?? [];
  return new Map(
    results.map((r) => [itemRefToListingId(r.ItemCode, r.SubCode), r]),
  );
}

/** The integer quantity of a result without an error, else null. */
export function resultQuantity(
  result: YahooStockResult | undefined,
): number | null {
  if (
    result === undefined ||
    result.ErrorCode !== undefined ||
    result.Quantity === undefined
  ) {
    return null;
  }
  const quantity = Number(result.Quantity);
  return Number.isInteger(quantity) ? quantity : null;
}
