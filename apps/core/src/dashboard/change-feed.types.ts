/** What the dashboard's event stream carries: notices of new rows, with enough to update a page in place. */

/** A stock movement: something changed on hand or reserved for the SKU. */
export interface MovementEvent {
  type: 'movement';
  id: number;
  sku: string;
  kind: string;
  onHandDelta: number;
  reservedDelta: number;
  at: string;
}

/** A value a channel accepted for a listing. */
export interface PublishEvent {
  type: 'publish';
  id: number;
  listingId: number;
  account: string;
  sku: string;
  value: number;
  latencyMs: number | null;
  at: string;
}

/** The listings' totals moved (a target changed, a push became owed, failed or was set aside). */
export interface ListingsEvent {
  type: 'listings';
  owed: number;
  deadLetters: number;
  drifting: number;
}

export type ChangeEvent = MovementEvent | PublishEvent | ListingsEvent;
