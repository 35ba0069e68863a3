import type { ListingSettingIssue } from '@urikiri/connector-sdk';
import { formatRakutenListingId } from '../rakuten-listing-id.codec';
import type { RakutenItem } from '../rakuten-wire.types';

/** RMS settings of one item that let Rakuten sell stock urikiri does not hold. */
export function listingSettingIssues(item: RakutenItem, variantIds: readonly string[]): ListingSettingIssue[] {
  return variantIds.flatMap((variantId) => {
    const listingId = formatRakutenListingId({ manageNumber: item.manageNumber, variantId });
    const issues: ListingSettingIssue[] = [];
    if (item.unlimitedInventoryFlag) {
      issues.push({
        listingId,
        setting: 'unlimitedInventoryFlag',
        message: '在庫設定なし: Rakuten sells this item without counting stock, so urikiri\'s quantities are ignored.',
        fix: `In RMS, open 商品管理番号 ${item.manageNumber} and set 在庫設定 to manage stock per SKU.`,
      });
    }
    if (item.variants[variantId]?.backOrderFlag) {
      issues.push({
        listingId,
        setting: 'backOrderFlag',
        message: '在庫切れ時の注文受付 is on: Rakuten keeps taking orders at 0, selling units that do not exist.',
        fix: `In RMS, open 商品管理番号 ${item.manageNumber}, SKU ${variantId}, and set 在庫切れ時の注文受付 to 受け付けない.`,
      });
    }
    return issues;
  });
}
