import type { PushItem, PushResult } from '@urikiri/connector-sdk';
import {
  ITEM_CODE_ACCEPTED,
  parseItemRef,
  type YahooItemRef,
} from '../yahoo-item-code.codec';

export interface StockWrite {
  item: PushItem;
  ref: YahooItemRef;
  /** setStock's quantity value: `+N` / `-N` relative, or `0` absolute. */
  quantity: string;
  /** The change a relative write makes; 0 for the absolute zero. */
  delta: number;
}

export type PlannedWrite = { write: StockWrite } | { result: PushResult };

function refused(
  item: PushItem,
  code: string,
  message: string,
): { result: PushResult } {
  return {
    result: {
      listingId: item.listingId,
      version: item.version,
      status: 'permanent',
      code,
      message,
    },
  };
}

/**
 * Decides the quantity value of one listing. Yahoo! lowers its own stock on every sale, so the rule is
 * a relative change from what we last published (plus unanswered raises assumed landed, `offset`):
 * sales Yahoo! made that we have not ingested stay subtracted. The only absolute value sent is 0,
 * which can never show units that were sold. A listing never published is changed relative to what
 * getStock just read (`current`).
 */
export function planStockWrite(
  item: PushItem,
  current: number | undefined,
  offset: number,
): PlannedWrite {
  const ref = parseItemRef(item.listingId);
  if (ref === null) {
    return refused(
      item,
      'invalid-item-code',
      `listingId "${item.listingId}" is not a Yahoo!ショッピング item code: use ${ITEM_CODE_ACCEPTED}`,
    );
  }
  if (item.target === 0) {
    return { write: { item, ref, quantity: '0', delta: 0 } };
  }
  const base =
    item.lastPublished === null ? current : item.lastPublished + offset;
  if (base === undefined) {
    return refused(
      item,
      'not-found',
      `Yahoo!ショッピング has no item ${item.listingId} (getStock does not know it)`,
    );
  }
  const delta = item.target - base;
  return {
    write: {
      item,
      ref,
      quantity: delta < 0 ? String(delta) : `+${delta}`,
      delta,
    },
  };
}
