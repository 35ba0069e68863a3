import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * `held`: all units set aside. `backordered`: the channel had already sold more than we had; the
 * shortfall waits for the next receipt (see Backorder). `committed`: shipped. `released`: cancelled
 * or expired.
 */
export type ReservationStatus = 'held' | 'backordered' | 'committed' | 'released';

@Entity({ tableName: 'reservation' })
@Index({ name: 'reservation_status_expiry_index', properties: ['status', 'expiresAt'] })
export class Reservation {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  /** The SKU or bundle the order line asked for. */
  @Property({ type: 'integer' })
  productId!: number;

  /** Units (sets, for a bundle) still open: partial shipments and cancels lower it; 0 once closed. */
  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'string', length: 16 })
  status!: ReservationStatus;

  @Property({ type: 'string', length: 64, nullable: true })
  channel?: string | null;

  @Index({ name: 'reservation_order_index' })
  @Property({ type: 'string', length: 128 })
  orderId!: string;

  @Property({ type: 'string', length: 128 })
  lineId!: string;

  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;
}
