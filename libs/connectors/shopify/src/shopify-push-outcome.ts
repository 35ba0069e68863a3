import type { PushItem, PushResult } from '@urikiri/connector-sdk';
import type { ShopifySetQuantitiesData, ShopifySetQuantity, ShopifyUserError } from './shopify-wire.types';

export interface PendingSet {
  item: PushItem;
  quantity: ShopifySetQuantity;
}

export interface PushOutcome {
  /** Items whose result is known. */
  settled: Map<PushItem, PushResult>;
  /** Items Shopify did not apply only because another item of the call was refused. */
  retry: PendingSet[];
}

const STALE = 'CHANGE_FROM_QUANTITY_STALE';

/** `["input", "quantities", "3", "changeFromQuantity"]` → 3; null when the error is about the whole call. */
function quantityIndex(error: ShopifyUserError): number | null {
  const field = error.field ?? [];
  const at = field.indexOf('quantities');
  const index = at >= 0 ? Number(field[at + 1]) : Number.NaN;
  return Number.isInteger(index) ? index : null;
}

function refused(p: PendingSet, error: ShopifyUserError): PushResult {
  const base = { listingId: p.item.listingId, version: p.item.version };
  if (error.code === STALE) {
    return {
      ...base,
      status: 'stale',
      channelQuantity: null,
      message:
        `Shopify no longer shows the ${p.quantity.changeFromQuantity} we last published (${error.message}): ` +
        'it sold or someone changed the quantity; ingest its orders, then recompute',
    };
  }
  return { ...base, status: 'permanent', code: error.code, message: `Shopify refused the quantity: ${error.message}` };
}

/** Reads one `inventorySetQuantities` answer for the items it carried, in the order they were sent. */
export function pushOutcomes(
  pending: readonly PendingSet[],
  payload: ShopifySetQuantitiesData['inventorySetQuantities'],
): PushOutcome {
  const settled = new Map<PushItem, PushResult>();
  const group = payload.inventoryAdjustmentGroup;
  const errors = payload.userErrors;
  const whole = errors.find((e) => {
    const index = quantityIndex(e);
    return index === null || index >= pending.length;
  });
  if (whole) {
    pending.forEach((p) => settled.set(p.item, refused(p, whole)));
    return { settled, retry: [] };
  }
  errors.forEach((e) => {
    const p = pending[quantityIndex(e) as number];
    if (!settled.has(p.item)) {
      settled.set(p.item, refused(p, e));
    }
  });
  const rest = pending.filter((p) => !settled.has(p.item));
  if (group === null && errors.length === 0) {
    rest.forEach((p) =>
      settled.set(p.item, {
        listingId: p.item.listingId,
        version: p.item.version,
        status: 'retryable',
        message: 'Shopify answered the set call with neither an adjustment nor an error',
      }),
    );
    return { settled, retry: [] };
  }
  if (group === null) {
    return { settled, retry: rest };
  }
  for (const p of rest) {
    const change = group.changes.find(
      (c) => c.name === 'available' && c.item.id === p.quantity.inventoryItemId && c.location.id === p.quantity.locationId,
    );
    settled.set(p.item, {
      listingId: p.item.listingId,
      version: p.item.version,
      status: 'ok',
      channelQuantity: change?.quantityAfterChange ?? p.quantity.quantity,
    });
  }
  return { settled, retry: [] };
}
