import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A channel's order line as we know it, and how much of it the ledger already reflects. Ingestion
 * is state-based: events only move the line's state; the ledger is then brought to what the state
 * implies, so repeats, reordering, edits, partial cancels and partial shipments all converge.
 */
@Entity({ tableName: 'order_line' })
@Unique({ name: 'order_line_unique', properties: ['accountId', 'orderId', 'lineId'] })
@Index({ name: 'order_line_unmapped_index', properties: ['accountId', 'unmapped'] })
export class OrderLine {
  [OptionalProps]?: 'cancelled' | 'shipped' | 'taken' | 'appliedCancelled' | 'appliedShipped' | 'reservationId' | 'productId' | 'unmapped' | 'firstSeenAt' | 'shippedBeforeCutover' | 'returned' | 'appliedReturned' | 'returnedBeforeCutover' | 'unfollowedHeld';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 64 })
  accountId!: string;

  @Property({ type: 'string', length: 128 })
  orderId!: string;

  @Property({ type: 'string', length: 128 })
  lineId!: string;

  @Property({ type: 'string', length: 255 })
  channelListingId!: string;

  @Property({ type: 'integer', nullable: true })
  productId?: number | null;

  /** Units ordered. */
  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'integer' })
  cancelled = 0;

  @Property({ type: 'integer' })
  shipped = 0;

  /** The channel has taken the units from its displayed stock (at order or at payment, per channel). */
  @Property({ type: 'boolean' })
  taken = false;

  /** What the ledger reflects so far (the reservation's releases and commits). */
  @Property({ type: 'integer' })
  appliedCancelled = 0;

  @Property({ type: 'integer' })
  appliedShipped = 0;

  /** Units shipped before the account was connected: counted out of the opening stock already, never in the ledger. */
  @Property({ type: 'integer' })
  shippedBeforeCutover = 0;

  @Property({ type: 'string', length: 36, nullable: true })
  reservationId?: string | null;

  /** No listing maps the line to a SKU yet: it waits, never dropped. */
  @Property({ type: 'boolean' })
  unmapped = false;

  @Property({ type: 'datetime' })
  firstSeenAt: Date = new Date();

  // Added later than the columns above: SQLite keeps a table's columns in the order they were added.
  /** Shipped units the buyer sent back, as the channel reports them. */
  @Property({ type: 'integer', default: 0 })
  returned = 0;

  /** Returned units the ledger holds as return movements; fewer than `returned` while a return waits for its shipment or a returns location. */
  @Property({ type: 'integer', default: 0 })
  appliedReturned = 0;

  /** Units back before the account was connected: already in the opening stock, never booked again. */
  @Property({ type: 'integer', default: 0 })
  returnedBeforeCutover = 0;

  /**
   * Units the channel took (+) or put back (−) that our belief of what it shows does not reflect yet:
   * recorded with the event, cleared when the belief follows, so a process that dies in between leaves
   * it for the event's next delivery instead of losing it.
   */
  @Property({ type: 'integer' })
  unfollowedHeld = 0;
}
