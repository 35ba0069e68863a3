import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What happened to stock, append-only. on_hand and reserved of every stock level are the sum of
 * these rows (`onHandDelta`, `reservedDelta`), which is what the replay check verifies.
 */
export const MOVEMENT_KINDS = [
  'receipt',
  'adjustment',
  'reservation',
  'release',
  'commit',
  'return',
  'transfer_out',
  'transfer_in',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

@Entity({ tableName: 'movement' })
@Index({ name: 'movement_product_index', properties: ['productId', 'id'] })
export class Movement {
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 16 })
  kind!: MovementKind;

  @Property({ type: 'integer' })
  productId!: number;

  @Property({ type: 'integer' })
  locationId!: number;

  @Property({ type: 'integer' })
  onHandDelta!: number;

  @Property({ type: 'integer' })
  reservedDelta!: number;

  /** What the movement answers to: `order`, `purchase_order`, `user`, `transfer`, `import`, `system`. */
  @Property({ type: 'string', length: 32, nullable: true })
  referenceType?: string | null;

  @Index({ name: 'movement_reference_index' })
  @Property({ type: 'string', length: 128, nullable: true })
  referenceId?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  reason?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  reservationId?: string | null;

  /** The idempotency key of the command that wrote this movement. */
  @Property({ type: 'string', length: 128 })
  commandKey!: string;

  @Index({ name: 'movement_created_at_index' })
  @Property({ type: 'datetime' })
  createdAt!: Date;
}
