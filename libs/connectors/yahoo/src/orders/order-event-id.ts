import type { OrderLineStatus } from '@urikiri/connector-sdk';

/**
 * The event id scheme, the same in every poll: `<lineId>:<status>`, and `<lineId>:cancelled:<n>` for
 * the n-th cancellation of a line. Yahoo! tells the state of an order, not its history; ids derived
 * from that state let ingestion drop the events a later poll derives again.
 */
export function orderEventId(
  lineId: string,
  status: OrderLineStatus,
  cancellation?: number,
): string {
  return cancellation === undefined
    ? `${lineId}:${status}`
    : `${lineId}:${status}:${cancellation}`;
}

/** urikiri's line id: Yahoo!'s LineId counts from 1 within one order. */
export function orderLineId(orderId: string, yahooLineId: string): string {
  return `${orderId}-${yahooLineId}`;
}
