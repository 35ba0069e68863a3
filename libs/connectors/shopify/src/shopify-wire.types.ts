/** Shopify's wire format, shared by the connector and its sandbox so the two cannot drift apart. */

export interface ShopifyTokenAnswer {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
}

export interface ShopifySetItem {
  listing_id: string;
  quantity: number;
  /** Compare-and-set: applied only if the channel still shows this quantity. */
  compare_quantity: number;
  /** A repeat of a key returns the first outcome without applying again. */
  idempotency_key: string;
}

export type ShopifySetOutcome =
  | { listing_id: string; status: 'applied'; quantity: number }
  | { listing_id: string; status: 'stale'; quantity: number }
  | { listing_id: string; status: 'rejected'; code: string; message: string };

export interface ShopifySetAnswer {
  results: ShopifySetOutcome[];
}

export interface ShopifyGetAnswer {
  items: { listing_id: string; quantity: number }[];
  missing: string[];
}

export interface ShopifyListing {
  listing_id: string;
  seller_sku: string | null;
  jan: string | null;
  title: string;
  quantity: number;
  oversell_allowed: boolean;
}

export interface ShopifyListingsAnswer {
  listings: ShopifyListing[];
  next_cursor: string | null;
}

export interface ShopifyOrderEvent {
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

export interface ShopifyEventsAnswer {
  events: ShopifyOrderEvent[];
  has_more: boolean;
}

/** Webhook body; the raw bytes are signed in the `x-shopify-signature` header. */
export interface ShopifyWebhookBody {
  events: ShopifyOrderEvent[];
}

export const SHOPIFY_SIGNATURE_HEADER = 'x-shopify-signature';
export const SHOPIFY_DELIVERY_HEADER = 'x-shopify-delivery';
