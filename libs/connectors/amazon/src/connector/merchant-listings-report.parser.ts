import { MERCHANT_CHANNEL_CODE } from '../amazon-operations';

export interface MerchantListingRow {
  sku: string;
  title: string;
  /** Merchant-fulfilled quantity; 0 for a listing Amazon fulfils (its stock is in FBA). */
  quantity: number;
  /** EAN-13 (JAN) when the listing was created from one. */
  jan: string | null;
  asin: string | null;
  /** DEFAULT for merchant-fulfilled, AMAZON_JP (AMAZON_NA, ...) for FBA. */
  fulfillmentChannel: string;
}

const EAN_PRODUCT_ID_TYPE = '4';

/**
 * Reads the tab-separated GET_MERCHANT_LISTINGS_ALL_DATA report by its header names, not by
 * position: Amazon adds columns over time and orders them per marketplace.
 */
export function parseMerchantListingsReport(
  text: string,
): MerchantListingRow[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.length > 0);
  if (lines.length === 0) {
    return [];
  }
  const header = lines[0].split('\t');
  const column = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) {
      throw new Error(
        `The merchant listings report has no "${name}" column; columns: ${header.join(', ')}`,
      );
    }
    return index;
  };
  const at = {
    sku: column('seller-sku'),
    title: column('item-name'),
    quantity: column('quantity'),
    idType: column('product-id-type'),
    productId: column('product-id'),
    asin: column('asin1'),
    channel: column('fulfillment-channel'),
  };
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    const channel = cells[at.channel] || MERCHANT_CHANNEL_CODE;
    const quantity = Number.parseInt(cells[at.quantity] ?? '', 10);
    return {
      sku: cells[at.sku],
      title: cells[at.title] ?? '',
      quantity:
        channel === MERCHANT_CHANNEL_CODE && Number.isInteger(quantity)
          ? quantity
          : 0,
      jan:
        cells[at.idType] === EAN_PRODUCT_ID_TYPE && cells[at.productId]
          ? cells[at.productId]
          : null,
      asin: cells[at.asin] || null,
      fulfillmentChannel: channel,
    };
  });
}
