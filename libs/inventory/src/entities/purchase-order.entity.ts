import { OptionalProps, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export type PurchaseOrderStatus = 'open' | 'received' | 'cancelled';

/** An inbound purchase order line: units expected at a location on a date. Receiving it is a receipt. */
@Entity({ tableName: 'purchase_order' })
@Unique({ name: 'purchase_order_reference_unique', properties: ['reference'] })
@Index({ name: 'purchase_order_product_index', properties: ['productId', 'status'] })
export class PurchaseOrder {
  [OptionalProps]?: 'receivedQuantity' | 'status' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 64 })
  reference!: string;

  @Property({ type: 'integer' })
  productId!: number;

  @Property({ type: 'integer' })
  locationId!: number;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'integer' })
  receivedQuantity = 0;

  @Property({ type: 'datetime' })
  expectedAt!: Date;

  @Property({ type: 'string', length: 16 })
  status: PurchaseOrderStatus = 'open';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
