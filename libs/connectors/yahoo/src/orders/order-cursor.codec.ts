import { ConnectorError } from '@urikiri/connector-sdk';

/**
 * Where order polling stands: the LastUpdateTime (Yahoo! time, to the second) of the last order
 * handed out, and the orders already handed out at exactly that second, since more can change
 * within the same second after a poll.
 */
export interface OrderCursor {
  mark: string;
  done: string[];
}

export function encodeOrderCursor(cursor: OrderCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeOrderCursor(value: string): OrderCursor {
  try {
    const parsed = JSON.parse(
      Buffer.from(value, 'base64url').toString('utf8'),
    ) as Partial<OrderCursor>;
    if (
      typeof parsed.mark === 'string' &&
      /^\d{14}$/.test(parsed.mark) &&
      Array.isArray(parsed.done)
    ) {
      return {
        mark: parsed.mark,
        done: parsed.done.filter((d): d is string => typeof d === 'string'),
      };
    }
  } catch {
    // Reported below with what is expected.
  }
  throw new ConnectorError(
    'permanent',
    `"${value}" is not a Yahoo!ショッピング order cursor; pass back the nextCursor of a previous page, or null to start`,
  );
}
