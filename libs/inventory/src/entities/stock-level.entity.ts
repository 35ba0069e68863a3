import { OptionalProps, Check, Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * The snapshot the ledger keeps per SKU × location. Written only by conditional updates in the
 * ledger's transactions; the check constraints are the last line of defence for the invariant.
 */
@Entity({ tableName: 'stock_level' })
@Unique({ name: 'stock_level_product_location_unique', properties: ['productId', 'locationId'] })
@Check({ name: 'stock_level_reserved_within_on_hand', expression: 'reserved >= 0 and reserved <= on_hand' })
export class StockLevel {
  [OptionalProps]?: 'onHand' | 'reserved';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  productId!: number;

  @Property({ type: 'integer' })
  locationId!: number;

  @Property({ type: 'integer' })
  onHand = 0;

  @Property({ type: 'integer' })
  reserved = 0;
}
