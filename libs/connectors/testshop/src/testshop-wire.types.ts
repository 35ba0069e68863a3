/** Testshop's wire format, shared by the connector and its sandbox so the two cannot drift apart. */

export interface TestshopTokenAnswer {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
}

export interface TestshopSetItem {
  listing_id: string;
  quantity: number;
  /** Compare-and-set: applied only if the channel still shows this quantity. */
  compare_quantity: number;
  /** A repeat of a key returns the first outcome without applying again. */
  idempotency_key: string;
}

export type TestshopSetOutcome =
  | { listing_id: string; status: 'applied'; quantity: number }
  | { listing_id: string; status: 'stale'; quantity: number }
  | { listing_id: string; status: 'rejected'; code: string; message: string };

export interface TestshopSetAnswer {
  results: TestshopSetOutcome[];
}

export interface TestshopGetAnswer {
  items: { listing_id: string; quantity: number }[];
  missing: string[];
}

export interface TestshopListing {
  listing_id: string;
  seller_sku: string | null;
  jan: string | null;
  title: string;
  quantity: number;
  oversell_allowed: boolean;
}

export interface TestshopListingsAnswer {
  listings: TestshopListing[];
  next_cursor: string | null;
}

export interface TestshopOrderEvent {
  id: string;
  seq: number;
  order_id: string;
  line_id: string;
  listing_id: string;
  seller_sku: string | null;
  /** `returned`: shipped units the buyer sent back (quantity: how many this time). */
  status: 'created' | 'paid' | 'cancelled' | 'shipped' | 'returned';
  quantity: number;
  occurred_at: string;
  /** Cancellations and returns only: whether the channel put the units back on sale. */
  restocked?: boolean;
}

export interface TestshopEventsAnswer {
  events: TestshopOrderEvent[];
  has_more: boolean;
}

/** Webhook body; the raw bytes are signed in the `x-testshop-signature` header. */
export interface TestshopWebhookBody {
  events: TestshopOrderEvent[];
}

export const TESTSHOP_SIGNATURE_HEADER = 'x-testshop-signature';
export const TESTSHOP_DELIVERY_HEADER = 'x-testshop-delivery';
