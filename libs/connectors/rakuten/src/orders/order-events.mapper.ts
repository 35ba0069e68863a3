import type { OrderEvent, OrderLineStatus } from '@urikiri/connector-sdk';
import { parseRakutenTime, rakutenTimeToIso } from '../jst-time.codec';
import { formatRakutenListingId } from '../rakuten-listing-id.codec';
import { RAKUTEN_CHANGE_CANCEL, type RakutenOrder, type RakutenOrderItem } from '../rakuten-wire.types';

/** An event with what orders it among events of the same second. */
export interface RankedEvent {
  event: OrderEvent;
  orderNumber: string;
  position: number;
  rank: number;
  changeId: number;
  /** A cancellation whose line says restoreInventoryFlag 0: the item's 在庫戻し setting tells what Rakuten did. */
  restockFromItem: boolean;
}

// RMS orders carry no returned quantity, so no `returned` event is made; it ranks last for completeness.
const RANK: Record<OrderLineStatus, number> = { created: 0, paid: 1, cancelled: 2, shipped: 3, returned: 4 };

/**
 * What restoreInventoryFlag (在庫連動オプション) says Rakuten did with a cancellation's units:
 * 1 put back, 2 kept off sale, 0 as the item's 在庫戻し setting says (not in the order: see
 * RestockSettingReader).
 */
const RESTOCKED_BY_FLAG: Partial<Record<number, boolean>> = { 1: true, 2: false };

/** Progress values after which an order produces no more stock events: shipped, paid out, cancelled. */
export const SETTLED_PROGRESS = new Set([500, 600, 700, 900]);

function listingIdOf(item: RakutenOrderItem): string {
  const sku = item.SkuModelList[0];
  return sku ? formatRakutenListingId({ manageNumber: item.manageNumber, variantId: sku.variantId }) : item.manageNumber;
}

/**
 * Every stock event an order has produced so far, derived from its current state, so the same
 * order read twice gives the same events with the same ids:
 * - created at orderDatetime for the units ordered (still ordered + cancelled since);
 * - paid at orderFixDatetime (progress 300) for the units still open then;
 * - cancelled per completed cancellation change, for the units it took off the line; whether
 *   Rakuten restocked follows the line's restoreInventoryFlag, already applied on Rakuten's side,
 *   and is `restocked` when the flag says (1 or 2), left out otherwise (0 defers to the item);
 * - shipped at shippingCmplRptDatetime for the units shipped.
 * Progress 400 (change pending) and 800 (cancel pending) add nothing until the change completes.
 */
export function orderEvents(order: RakutenOrder): RankedEvent[] {
  const cancels = order.ChangeReasonModelList.filter((c) => c.changeType === RAKUTEN_CHANGE_CANCEL && c.changeCmplDatetime !== null).sort(
    (a, b) => a.changeId - b.changeId,
  );
  const fixedAt = order.orderFixDatetime === null ? null : parseRakutenTime(order.orderFixDatetime);
  const lines = order.PackageModelList.flatMap((p) => p.ItemModelList);
  return lines.flatMap((item, index) => {
    const position = index + 1;
    const lineId = `${order.orderNumber}-${position}`;
    const base = { orderId: order.orderNumber, lineId, listingId: listingIdOf(item), sellerSku: item.SkuModelList[0]?.merchantDefinedSkuId ?? null };
    const ranked = (status: OrderLineStatus, quantity: number, at: string, changeId = 0, eventId = `${lineId}:${status}`): RankedEvent => ({
      event: { ...base, eventId, status, quantity, occurredAt: rakutenTimeToIso(at) },
      orderNumber: order.orderNumber,
      position,
      rank: RANK[status],
      changeId,
      restockFromItem: false,
    });
    const lineCancels = cancels.flatMap((c) =>
      c.ChangeItemModelList.filter((ci) => ci.itemDetailId === item.itemDetailId && ci.units > 0).map((ci) => ({ change: c, units: ci.units })),
    );
    const ordered = item.units + lineCancels.reduce((sum, c) => sum + c.units, 0);
    const events = [ranked('created', ordered, order.orderDatetime)];
    if (fixedAt !== null && order.orderFixDatetime !== null) {
      // A cancellation in the same second as the fix is read as coming after it.
      const before = lineCancels.filter((c) => parseRakutenTime(c.change.changeCmplDatetime as string) < fixedAt).reduce((s, c) => s + c.units, 0);
      if (ordered - before > 0) {
        events.push(ranked('paid', ordered - before, order.orderFixDatetime));
      }
    }
    const restocked = RESTOCKED_BY_FLAG[item.restoreInventoryFlag];
    for (const { change, units } of lineCancels) {
      const cancelled = ranked('cancelled', units, change.changeCmplDatetime as string, change.changeId, `${lineId}:cancelled:${change.changeId}`);
      events.push(
        restocked === undefined
          ? { ...cancelled, restockFromItem: item.restoreInventoryFlag === 0 }
          : { ...cancelled, event: { ...cancelled.event, restocked } },
      );
    }
    if (order.shippingCmplRptDatetime !== null && item.units > 0) {
      events.push(ranked('shipped', item.units, order.shippingCmplRptDatetime));
    }
    return events;
  });
}

/** Oldest first; within a second by order number, line, lifecycle step and change. */
export function compareRankedEvents(a: RankedEvent, b: RankedEvent): number {
  if (a.event.occurredAt !== b.event.occurredAt) {
    return a.event.occurredAt < b.event.occurredAt ? -1 : 1;
  }
  if (a.orderNumber !== b.orderNumber) {
    return a.orderNumber < b.orderNumber ? -1 : 1;
  }
  return a.position - b.position || a.rank - b.rank || a.changeId - b.changeId;
}
