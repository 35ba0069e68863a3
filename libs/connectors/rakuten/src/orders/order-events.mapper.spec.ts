import { RAKUTEN_CHANGE_CANCEL, type RakutenOrder, type RakutenOrderItem } from '../rakuten-wire.types';
import { orderEvents } from './order-events.mapper';

/** One line of 3 units, 1 of them cancelled by a completed change, with the given restoreInventoryFlag. */
function cancelledWith(flag: number): RakutenOrder {
  const item: RakutenOrderItem = {
    itemDetailId: 77,
    itemName: 'Yukata',
    itemNumber: null,
    manageNumber: 'yukata',
    units: 2,
    restoreInventoryFlag: flag as RakutenOrderItem['restoreInventoryFlag'],
    deleteItemFlag: 0,
    SkuModelList: [{ variantId: 'navy-m', merchantDefinedSkuId: 'YK-NV-M' }],
  };
  const at = '2026-12-04T20:00:00+0900';
  return {
    orderNumber: '385912-20261204-0000000001',
    orderProgress: 100,
    orderDatetime: at,
    orderFixDatetime: null,
    shippingCmplRptDatetime: null,
    PackageModelList: [{ basketId: 1, ItemModelList: [item] }],
    ChangeReasonModelList: [
      {
        changeId: 1,
        changeType: RAKUTEN_CHANGE_CANCEL,
        changeApplyDatetime: at,
        changeFixDatetime: at,
        changeCmplDatetime: '2026-12-04T20:10:00+0900',
        ChangeItemModelList: [{ itemDetailId: 77, units: 1 }],
      },
    ],
  };
}

const cancellation = (flag: number) => {
  const found = orderEvents(cancelledWith(flag)).find((r) => r.event.status === 'cancelled');
  if (!found) throw new Error('the order has a cancellation');
  return found;
};

describe('Rakuten cancellations and restoreInventoryFlag', () => {
  it('says restocked for 1 and not for 2, with nothing left to look up', () => {
    expect([cancellation(1).event.restocked, cancellation(1).restockFromItem]).toEqual([true, false]);
    expect([cancellation(2).event.restocked, cancellation(2).restockFromItem]).toEqual([false, false]);
  });

  it("leaves 0 to the item's 在庫戻し setting, and a flag it does not know unknown without asking", () => {
    expect(cancellation(0).event).not.toHaveProperty('restocked');
    expect(cancellation(0).restockFromItem).toBe(true);
    expect(cancellation(3).event).not.toHaveProperty('restocked');
    expect(cancellation(3).restockFromItem).toBe(false);
  });

  it('says nothing of restocking on the other events of the line', () => {
    const created = orderEvents(cancelledWith(2)).find((r) => r.event.status === 'created');
    expect(created?.event).toMatchObject({ status: 'created', quantity: 3 });
    expect(created?.event).not.toHaveProperty('restocked');
  });
});
