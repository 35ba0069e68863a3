import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A channel item mapped to one of our SKUs or bundles, and what we last told the channel.
 *
 * `target`/`targetVersion`: what the rules want it to show, versioned on every change.
 * `lastPublished`/`publishedVersion`: the target of the last successful push, lowered by this
 * channel's sales ingested since — what the channel shows unless it sold something we have not seen.
 */
@Entity({ tableName: 'listing' })
@Unique({ name: 'listing_account_channel_id_unique', properties: ['accountId', 'channelListingId'] })
@Index({ name: 'listing_product_index', properties: ['productId'] })
@Index({ name: 'listing_pending_index', properties: ['accountId', 'dirty'] })
export class Listing {
  [OptionalProps]?:
    | 'active' | 'inactiveReason' | 'stopped' | 'target' | 'targetVersion' | 'lastPublished' | 'publishedVersion'
    | 'lastPublishedAt' | 'dirty' | 'failures' | 'deadLetter' | 'lastError' | 'notBefore' | 'createdAt'
    | 'targetSince' | 'targetOriginAt' | 'targetWhy' | 'replanSeq' | 'plannedSeq';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 64 })
  accountId!: string;

  /** The channel's id for the item (Rakuten manageNumber:variantId, Amazon seller SKU, Shopify inventoryItemId:locationId...). */
  @Property({ type: 'string', length: 255 })
  channelListingId!: string;

  /** Our SKU or bundle. */
  @Property({ type: 'integer' })
  productId!: number;

  /** False once the channel answered that the item is gone: it gets nothing and its share is redistributed. */
  @Property({ type: 'boolean' })
  active = true;

  @Property({ type: 'string', length: 255, nullable: true })
  inactiveReason?: string | null;

  /** Emergency stop for this listing alone. */
  @Property({ type: 'boolean' })
  stopped = false;

  @Property({ type: 'integer', nullable: true })
  target?: number | null;

  @Property({ type: 'integer' })
  targetVersion = 0;

  /** When the oldest ledger change not yet on the channel was committed: the push latency starts here. */
  @Property({ type: 'datetime', nullable: true })
  targetSince?: Date | null;

  /** When the channel sale behind that change happened, if a sale caused it: the end-to-end latency starts here. */
  @Property({ type: 'datetime', nullable: true })
  targetOriginAt?: Date | null;

  /**
   * Bumped when a channel sale of the unit is ingested; the planner copies the value it saw into
   * `plannedSeq`. No push leaves while `plannedSeq < replanSeq`: the target predates the sale.
   */
  @Property({ type: 'integer', default: 0 })
  replanSeq = 0;

  @Property({ type: 'integer', default: 0 })
  plannedSeq = 0;

  /** The rule engine's trace of the current target (JSON steps), rendered in the reader's language. */
  @Property({ type: 'text', nullable: true })
  targetWhy?: string | null;

  @Property({ type: 'integer', nullable: true })
  lastPublished?: number | null;

  @Property({ type: 'integer' })
  publishedVersion = 0;

  @Property({ type: 'datetime', nullable: true })
  lastPublishedAt?: Date | null;

  /** A push is owed: target differs from what was published, or the channel must be re-checked. */
  @Property({ type: 'boolean' })
  dirty = false;

  @Property({ type: 'integer' })
  failures = 0;

  /** Failed too often: left aside, visible, retried on demand, without holding up the others. */
  @Property({ type: 'boolean' })
  deadLetter = false;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  /** Backoff: no push before this time. */
  @Property({ type: 'datetime', nullable: true })
  notBefore?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
