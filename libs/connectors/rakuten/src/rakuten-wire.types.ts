/** Rakuten's wire format, shared by the connector and its sandbox so the two cannot drift apart. */

export interface RakutenTokenAnswer {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
}

export interface RakutenSetItem {
  listing_id: string;
  quantity: number;
  /** Compare-and-set: applied only if the channel still shows this quantity. */
  compare_quantity: number;
  /** A repeat of a key returns the first outcome without applying again. */
  idempotency_key: string;
}

export type RakutenSetOutcome =
  | { listing_id: string; status: 'applied'; quantity: number }
  | { listing_id: string; status: 'stale'; quantity: number }
  | { listing_id: string; status: 'rejected'; code: string; message: string };

export interface RakutenSetAnswer {
  results: RakutenSetOutcome[];
}

export interface RakutenGetAnswer {
  items: { listing_id: string; quantity: number }[];
  missing: string[];
}

export interface RakutenListing {
  listing_id: string;
  seller_sku: string | null;
  jan: string | null;
  title: string;
  quantity: number;
  oversell_allowed: boolean;
}

export interface RakutenListingsAnswer {
  listings: RakutenListing[];
  next_cursor: string | null;
}

export interface RakutenOrderEvent {
  id: string;
  seq: number;
  order_id: string;
  line_id: string;
  listing_id: string;
  seller_sku: string | null;
  status: 'created' | 'paid' | 'cancelled' | 'shipped';
  quantity: number;
  occurred_at: string;
}

export interface RakutenEventsAnswer {
  events: RakutenOrderEvent[];
  has_more: boolean;
}

/** Webhook body; the raw bytes are signed in the `x-rakuten-signature` header. */
export interface RakutenWebhookBody {
  events: RakutenOrderEvent[];
}

export const RAKUTEN_SIGNATURE_HEADER = 'x-rakuten-signature';
export const RAKUTEN_DELIVERY_HEADER = 'x-rakuten-delivery';
