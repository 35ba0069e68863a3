import { MERCHANT_CHANNEL_CODE } from '../amazon-operations';
import type {
  ListingsFeedDocument,
  ListingsFeedMessage,
  PatchOperation,
} from '../amazon-wire.types';

/** The one patch urikiri sends: the merchant-fulfilled quantity, nothing else about the listing. */
export function quantityPatch(quantity: number): PatchOperation {
  return {
    op: 'replace',
    path: '/attributes/fulfillment_availability',
    value: [{ fulfillment_channel_code: MERCHANT_CHANNEL_CODE, quantity }],
  };
}

/** A JSON_LISTINGS_FEED document setting each SKU's quantity; messageIds are 1-based positions. */
export function buildListingsFeed(
  sellerId: string,
  productType: string,
  writes: readonly { sku: string; quantity: number }[],
): ListingsFeedDocument {
  const messages: ListingsFeedMessage[] = writes.map((write, index) => ({
    messageId: index + 1,
    sku: write.sku,
    operationType: 'PATCH',
    productType,
    patches: [quantityPatch(write.quantity)],
  }));
  return {
    header: { sellerId, version: '2.0', issueLocale: 'ja_JP' },
    messages,
  };
}
