import { ConnectorError } from '@urikiri/connector-sdk';
import type { OrderEventKey } from './order-snapshot';

const SEPARATOR = '|';

/** The cursor is the sort key of the last event handed out: readable in logs, exact to resume from. */
export function encodeOrderCursor(key: OrderEventKey): string {
  return key.join(SEPARATOR);
}

export function decodeOrderCursor(cursor: string): OrderEventKey {
  const parts = cursor.split(SEPARATOR);
  const [occurredAt, orderId, kind, line, unit] = parts;
  const numbers = [kind, line, unit].map((n) => Number(n));
  if (
    parts.length !== 5 ||
    Number.isNaN(Date.parse(occurredAt)) ||
    orderId === '' ||
    numbers.some((n) => !Number.isInteger(n) || n < 0)
  ) {
    throw new ConnectorError(
      'permanent',
      `"${cursor}" is not an Amazon order cursor; expected the nextCursor of a previous fetchOrders: ` +
        '<ISO time>|<order id>|<kind>|<line>|<unit>',
    );
  }
  return [occurredAt, orderId, numbers[0], numbers[1], numbers[2]];
}
