/** Yahoo!ショッピング's wire format, shared by the connector and its sandbox so the two cannot drift apart. */

export interface YahooTokenAnswer {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
}

export interface YahooSetItem {
  listing_id: string;
  quantity: number;
  /** Compare-and-set: applied only if the channel still shows this quantity. */
  compare_quantity: number;
  /** A repeat of a key returns the first outcome without applying again. */
  idempotency_key: string;
}

export type YahooSetOutcome =
  | { listing_id: string; status: 'applied'; quantity: number }
  | { listing_id: string; status: 'stale'; quantity: number }
  | { listing_id: string; status: 'rejected'; code: string; message: string };

export interface YahooSetAnswer {
  results: YahooSetOutcome[];
}

export interface YahooGetAnswer {
  items: { listing_id: string; quantity: number }[];
  missing: string[];
}

export interface YahooListing {
  listing_id: string;
  seller_sku: string | null;
  jan: string | null;
  title: string;
  quantity: number;
  oversell_allowed: boolean;
}

export interface YahooListingsAnswer {
  listings: YahooListing[];
  next_cursor: string | null;
}

export interface YahooOrderEvent {
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

export interface YahooEventsAnswer {
  events: YahooOrderEvent[];
  has_more: boolean;
}

/** Webhook body; the raw bytes are signed in the `x-yahoo-signature` header. */
export interface YahooWebhookBody {
  events: YahooOrderEvent[];
}

export const YAHOO_SIGNATURE_HEADER = 'x-yahoo-signature';
export const YAHOO_DELIVERY_HEADER = 'x-yahoo-delivery';
