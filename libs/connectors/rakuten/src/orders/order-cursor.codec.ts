import { ConnectorError } from '@urikiri/connector-sdk';

/**
 * Where order polling stands. RMS has no event stream, only order states searched by order date,
 * so the cursor holds the search start (the oldest order that can still change) and a watermark:
 * the second of the last event handed out and the ids handed out in that second.
 */
export interface OrderCursor {
  from: number;
  mark: number | null;
  ids: string[];
}

const PREFIX = 'rk1.';

export function encodeOrderCursor(cursor: OrderCursor): string {
  return PREFIX + Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeOrderCursor(text: string): OrderCursor {
  const fail = () =>
    new ConnectorError('permanent', `"${text.slice(0, 40)}" is not a Rakuten order cursor; pass back a nextCursor from fetchOrders, or null to start over`);
  if (!text.startsWith(PREFIX)) {
    throw fail();
  }
  try {
    const value = JSON.parse(Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8')) as Partial<OrderCursor>;
    if (typeof value.from === 'number' && (value.mark === null || typeof value.mark === 'number') && Array.isArray(value.ids)) {
      return { from: value.from, mark: value.mark, ids: value.ids.map(String) };
    }
  } catch {
    throw fail();
  }
  throw fail();
}

/** True for events not handed out yet under this watermark. */
export function isAfter(cursor: OrderCursor, eventId: string, occurredAt: string): boolean {
  const at = Date.parse(occurredAt);
  return cursor.mark === null || at > cursor.mark || (at === cursor.mark && !cursor.ids.includes(eventId));
}

/** The watermark after handing out `events` (oldest first). */
export function advance(cursor: OrderCursor, events: readonly { eventId: string; occurredAt: string }[]): Pick<OrderCursor, 'mark' | 'ids'> {
  let { mark, ids } = cursor;
  for (const event of events) {
    const at = Date.parse(event.occurredAt);
    if (mark === null || at > mark) {
      mark = at;
      ids = [event.eventId];
    } else if (at === mark) {
      ids = [...ids, event.eventId];
    }
  }
  return { mark, ids };
}
