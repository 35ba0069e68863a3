import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An oversell: a channel sold units we did not have. Never dropped. The open quantity is a claim that
 * the next receipt of the SKU fills first, before any channel sees the new units.
 */
export type BackorderStatus = 'open' | 'filled' | 'cancelled';

@Entity({ tableName: 'backorder' })
@Index({ name: 'backorder_product_status_index', properties: ['productId', 'status', 'id'] })
export class Backorder {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 36 })
  reservationId!: string;

  /** The component SKU short of units (for a bundle order, each short component has its own row). */
  @Property({ type: 'integer' })
  productId!: number;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'integer' })
  openQuantity!: number;

  @Property({ type: 'string', length: 16 })
  status!: BackorderStatus;

  @Property({ type: 'string', length: 64, nullable: true })
  channel?: string | null;

  @Property({ type: 'string', length: 128 })
  orderId!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;
}
