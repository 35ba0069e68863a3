/** What the ledger answers; stored as the first result of each idempotent command. */

export interface StockChangeResult {
  sku: string;
  location: string;
  onHandDelta: number;
  /** Units that went straight to open backorders (already sold) instead of to the channels. */
  backorderFilled: number;
}

export interface TransferResult {
  sku: string;
  from: string;
  to: string;
  quantity: number;
  backorderFilled: number;
}

export interface AllocationView {
  sku: string;
  location: string;
  quantity: number;
}

export interface ReservationResult {
  reservationId: string;
  sku: string;
  quantity: number;
  status: 'held' | 'backordered' | 'committed' | 'released';
  allocations: AllocationView[];
  /** Units the channel sold that we did not have: the oversell, per component SKU. */
  backordered: Array<{ sku: string; quantity: number }>;
}
