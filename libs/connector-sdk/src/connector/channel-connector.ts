import type { z } from 'zod';
import type { ConnectorManifest } from '../manifest/manifest.schema';
import type { Clock } from '../rate-limit/token-bucket';
import type {
  CataloguePage,
  ListingSettingIssue,
  OrderPage,
  PushItem,
  PushResult,
  OrderEvent,
  RawWebhookRequest,
  ReadResult,
  UnresolvedOrderEvent,
  WebhookDelivery,
} from './connector.types';

/** One channel account: its credentials (checked by the connector's schema) and where to call. */
export interface ConnectorContext {
  credentials: unknown;
  /** Overrides the manifest's baseUrl: a sandbox in tests, a shop's own domain on Shopify. */
  baseUrl?: string;
  /** Per-call HTTP timeout; defaults to 10 seconds. */
  timeoutMs?: number;
  clock?: Clock;
}

/** What the core calls on a connector for one channel account. */
export interface ChannelConnector {
  readonly manifest: ConnectorManifest;
  /** One result per item, in input order; items of a failed call each carry that failure. */
  push(items: PushItem[]): Promise<PushResult[]>;
  /** Current quantities for reconciliation; throws a ConnectorError when the channel cannot answer. */
  read(listingIds: string[]): Promise<ReadResult[]>;
  listCatalogue(cursor: string | null): Promise<CataloguePage>;
  /** Order events after `cursor` (null: from the channel's beginning), oldest first. */
  fetchOrders(cursor: string | null): Promise<OrderPage>;
  /** Verifies the signature, then parses; throws WebhookRejectedError for a forged request. */
  parseWebhook(request: RawWebhookRequest): WebhookDelivery;
  /**
   * Only for channels whose webhook bodies do not name the listing: looks up the listing of each
   * `unresolved` event of parsed deliveries (several deliveries' events may go in one call, so a
   * burst shares its look-ups). Events whose listing the channel no longer knows are left out; their
   * lines move no stock we publish, and polling stays the authority. Use `deliveryEvents()`.
   */
  resolveWebhookEvents?(events: UnresolvedOrderEvent[]): Promise<OrderEvent[]>;
  checkListingSettings(listingIds: string[]): Promise<ListingSettingIssue[]>;
}

/**
 * The static side every connector class carries, so the registry can check and index it before
 * creating any instance. `credentials` validates a channel account's credentials.
 */
export interface ConnectorClass {
  readonly id: string;
  readonly manifest: ConnectorManifest;
  readonly credentials: z.ZodType;
  new (context: ConnectorContext): ChannelConnector;
}
