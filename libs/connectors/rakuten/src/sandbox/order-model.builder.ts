import type { SandboxOrder } from '@urikiri/connector-sdk/testing';
import { toRakutenOrderTime } from '../jst-time.codec';
import { RAKUTEN_CHANGE_CANCEL, type RakutenOrder, type RakutenOrderItem } from '../rakuten-wire.types';
import type { RakutenSandboxStock } from './rakuten-sandbox.stock';

const PROGRESS: Record<SandboxOrder['status'], number> = {
  created: 100,
  paid: 300,
  shipped: 500,
  cancelled: 900,
};

/** An order as getOrder (version 10) shows it, built from the sandbox's orders and their events. */
export function buildOrderModel(stock: RakutenSandboxStock, orderId: string): RakutenOrder | null {
  const order = stock.order(orderId);
  if (!order) {
    return null;
  }
  const events = stock.rawEventsOf(orderId);
  const timeOf = (status: string): string | null => {
    const event = events.find((e) => e.status === status);
    return event ? toRakutenOrderTime(Date.parse(event.occurredAt)) : null;
  };
  const items: RakutenOrderItem[] = order.lines.map((line) => {
    const listing = stock.listing(line.listingId);
    const [manageNumber, variantId] = line.listingId.split(':');
    const open = line.quantity - line.cancelled;
    return {
      itemDetailId: stock.itemDetailIdOf(line.lineId),
      itemName: listing?.title ?? line.listingId,
      itemNumber: stock.itemSettingsOf(manageNumber).itemNumber,
      manageNumber,
      units: open,
      restoreInventoryFlag: stock.restoreFlagOf(line.lineId),
      deleteItemFlag: open === 0 ? 1 : 0,
      SkuModelList: [{ variantId, merchantDefinedSkuId: listing?.sellerSku ?? null }],
    };
  });
  return {
    orderNumber: order.orderId,
    orderProgress: PROGRESS[order.status],
    orderDatetime: timeOf('created') as string,
    orderFixDatetime: timeOf('paid'),
    shippingCmplRptDatetime: timeOf('shipped'),
    PackageModelList: [{ basketId: 1, ItemModelList: items }],
    ChangeReasonModelList: stock.changesOf(orderId).map((change) => {
      const at = toRakutenOrderTime(change.at);
      return {
        changeId: change.changeId,
        changeType: RAKUTEN_CHANGE_CANCEL,
        changeApplyDatetime: at,
        changeFixDatetime: at,
        changeCmplDatetime: at,
        ChangeItemModelList: change.lines.map((l) => ({ itemDetailId: stock.itemDetailIdOf(l.lineId), units: l.units })),
      };
    }),
  };
}

/** Milliseconds of an order's creation, for window searches. */
export function orderCreatedAt(stock: RakutenSandboxStock, orderId: string): number {
  const created = stock.rawEventsOf(orderId).find((e) => e.status === 'created');
  return created ? Date.parse(created.occurredAt) : Number.NaN;
}
