/**
 * The plain data that crosses the connector boundary. Ids are strings, quantities are integers,
 * times are ISO-8601 strings: nothing here depends on the core's database or queue.
 */

/**
 * One listing to set on the channel.
 *
 * The write race: the channel lowers its own stock when it sells, before we have ingested the
 * order. `lastPublished` is how the connector avoids putting those units back: it is the target of
 * our last successful push to this listing, lowered by this channel's sales we have ingested since
 * (null when we have never published it). The channel should show `lastPublished` unless it sold
 * something we have not seen yet, so the connector can use it as the compare value (compare-and-set),
 * as the base of a delta (relative) or to measure un-ingested sales (absolute).
 */
export interface PushItem {
  /** The channel's own id for the listing (Rakuten `manageNumber:variantId`, Shopify inventoryItemId...). */
  listingId: string;
  /** The quantity the allocation wants the channel to offer. */
  target: number;
  lastPublished: number | null;
  /**
   * Increases with every target computed for this listing. With the listing id it makes the
   * idempotency key: a retry of the same version must not apply twice.
   */
  version: number;
}

interface PushResultBase {
  listingId: string;
  version: number;
}

/**
 * The channel now shows `target` less the channel's sales we have not ingested yet. Record `target`
 * as the new `lastPublished`. `channelQuantity` is what the channel reported after the write, when
 * it says.
 */
export interface PushOk extends PushResultBase {
  status: 'ok';
  channelQuantity: number | null;
  /**
   * An earlier write of this listing went unanswered and was resent or built upon by assumption (a
   * relative change that may or may not have landed): the channel may show other than `target`.
   * Read it back once the channel's orders are ingested, and repair what differs.
   */
  readBack?: true;
}
/**
 * Nothing was written, or nothing we can count on; try again later with the same version.
 * `retryAfterMs` is how long the channel asked us to stay away (a 503 with Retry-After, a maintenance
 * window); absent when it did not say, and the caller then backs off on its own.
 */
export interface PushRetryable extends PushResultBase {
  status: 'retryable';
  message: string;
  retryAfterMs?: number;
}
export interface PushRateLimited extends PushResultBase {
  status: 'rate-limited';
  retryAfterMs: number;
  message: string;
}
export interface PushPermanent extends PushResultBase {
  status: 'permanent';
  message: string;
  code: string | null;
}
export interface PushAuth extends PushResultBase {
  status: 'auth';
  message: string;
}
/**
 * Nothing was written: the channel no longer shows `lastPublished` (it sold or someone edited it).
 * Ingest this channel's orders, recompute, push again; never re-send the old target as is.
 */
export interface PushStale extends PushResultBase {
  status: 'stale';
  message: string;
  channelQuantity: number | null;
}
export type PushResult = PushOk | PushRetryable | PushRateLimited | PushPermanent | PushAuth | PushStale;
export type PushStatus = PushResult['status'];

export type ReadResult =
  | { listingId: string; found: true; quantity: number }
  | { listingId: string; found: false };

/** One listing as the channel shows it, for matching listings to our SKUs by seller SKU or JAN. */
export interface CatalogueListing {
  listingId: string;
  sellerSku: string | null;
  /** JAN (EAN-13) barcode, when the channel stores one. */
  jan: string | null;
  title: string;
  quantity: number;
}

export interface CataloguePage {
  listings: CatalogueListing[];
  /** Pass back to get the next page; null on the last page. */
  nextCursor: string | null;
}

export const ORDER_LINE_STATUSES = ['created', 'paid', 'cancelled', 'shipped', 'returned'] as const;
export type OrderLineStatus = (typeof ORDER_LINE_STATUSES)[number];

/**
 * A change to one order line on the channel. `eventId` is unique per channel account and stable
 * across deliveries (webhook and polling may both bring it), so ingestion drops repeats by it.
 * For `cancelled`, `quantity` is the number of units cancelled by this event (a partial cancel
 * cancels fewer than the line holds). For `returned` (SDK 1.3), the number of shipped units the buyer
 * sent back with this event; a connector sends it only when the channel's data says so (Shopify's
 * refund lines restocked as a return), and a channel that does not report returns never sends it.
 */
export interface OrderEvent {
  eventId: string;
  orderId: string;
  lineId: string;
  listingId: string;
  sellerSku: string | null;
  status: OrderLineStatus;
  quantity: number;
  occurredAt: string;
  /**
   * `cancelled` and `returned` only, and only when the channel says: whether it put the units back
   * on display (Rakuten's restoreInventoryFlag, Shopify's restockType and restock location). With
   * `false` the listing keeps showing that many fewer; absent means unknown, and the core assumes the
   * units came back, which errs towards the channel showing less. Units the channel never took from
   * its display (an order not yet paid on a channel that takes stock at payment) are not affected.
   */
  restocked?: boolean;
}

export interface OrderPage {
  events: OrderEvent[];
  /** Where the next fetch starts; store it once the page's events are ingested. */
  nextCursor: string;
  /** True when more events are already waiting: fetch again without delay. */
  hasMore: boolean;
  /**
   * False when the page holds what the channel showed of its newest orders but the channel was not
   * read in full up to now (a connector that reads new orders at once and re-reads open ones a few
   * at a time while a sale runs): the account then does not count as caught up, so reconciliation
   * does not repair against it. Absent means true. Since SDK 1.4.
   */
  complete?: boolean;
}

/** A webhook call exactly as received: the signature covers the raw bytes, so no parsed body. */
export interface RawWebhookRequest {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | string;
}

/**
 * An order event whose webhook body does not name the listing, only something the channel can turn
 * into one (a Shopify line names its variant, not the inventory item and location it was taken
 * from). The connector's `resolveWebhookEvents` asks the channel; until then it cannot be ingested.
 */
export interface UnresolvedOrderEvent extends Omit<OrderEvent, 'listingId'> {
  /** What the body names instead of the listing, in the connector's own terms. */
  listingRef: string;
}

export interface WebhookDelivery {
  /** The channel's delivery id, to drop duplicate deliveries; null when the channel sends none. */
  deliveryId: string | null;
  events: OrderEvent[];
  /**
   * Events that need `resolveWebhookEvents` before ingestion; absent or empty when the body named
   * every listing. Resolving asks the channel, so it belongs in the queued work after the answer.
   */
  unresolved?: UnresolvedOrderEvent[];
}

/** A listing setting that defeats stock control, e.g. "keep selling when out of stock". */
export interface ListingSettingIssue {
  listingId: string;
  setting: string;
  message: string;
  fix: string;
}
