import { ConnectorError } from '@urikiri/connector-sdk';
import type { EventPosition } from './shopify-order-events.mapper';

const CURSOR = /^(\d+):(\d+):(\d+)$/;

/** The start of the shop's history: nothing has been read yet. */
export const HISTORY_START: EventPosition = { atMs: 0, record: 0n, line: 0n };

export function formatOrderCursor(position: EventPosition): string {
  return `${position.atMs}:${position.record}:${position.line}`;
}

/** The position of the last event read; null means from the shop's beginning. */
export function parseOrderCursor(cursor: string | null): EventPosition {
  if (cursor === null) {
    return HISTORY_START;
  }
  const found = CURSOR.exec(cursor);
  if (!found) {
    throw new ConnectorError(
      'permanent',
      `cursor: "${cursor}" is not a Shopify order cursor; pass null or the nextCursor of a previous page ("<ms>:<record>:<line>")`,
    );
  }
  return { atMs: Number(found[1]), record: BigInt(found[2]), line: BigInt(found[3]) };
}
