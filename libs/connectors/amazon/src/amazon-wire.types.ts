/** Amazon's wire format, shared by the connector and its sandbox so the two cannot drift apart. */

export interface AmazonTokenAnswer {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
}

export interface AmazonSetItem {
  listing_id: string;
  quantity: number;
  /** Compare-and-set: applied only if the channel still shows this quantity. */
  compare_quantity: number;
  /** A repeat of a key returns the first outcome without applying again. */
  idempotency_key: string;
}

export type AmazonSetOutcome =
  | { listing_id: string; status: 'applied'; quantity: number }
  | { listing_id: string; status: 'stale'; quantity: number }
  | { listing_id: string; status: 'rejected'; code: string; message: string };

export interface AmazonSetAnswer {
  results: AmazonSetOutcome[];
}

export interface AmazonGetAnswer {
  items: { listing_id: string; quantity: number }[];
  missing: string[];
}

export interface AmazonListing {
  listing_id: string;
  seller_sku: string | null;
  jan: string | null;
  title: string;
  quantity: number;
  oversell_allowed: boolean;
}

export interface AmazonListingsAnswer {
  listings: AmazonListing[];
  next_cursor: string | null;
}

export interface AmazonOrderEvent {
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

export interface AmazonEventsAnswer {
  events: AmazonOrderEvent[];
  has_more: boolean;
}

/** Webhook body; the raw bytes are signed in the `x-amazon-signature` header. */
export interface AmazonWebhookBody {
  events: AmazonOrderEvent[];
}

export const AMAZON_SIGNATURE_HEADER = 'x-amazon-signature';
export const AMAZON_DELIVERY_HEADER = 'x-amazon-delivery';
