import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Where a reservation's units are held: per component SKU (for bundles) and per location. */
@Entity({ tableName: 'reservation_allocation' })
@Index({ name: 'reservation_allocation_reservation_index', properties: ['reservationId'] })
export class ReservationAllocation {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 36 })
  reservationId!: string;

  @Property({ type: 'integer' })
  productId!: number;

  @Property({ type: 'integer' })
  locationId!: number;

  @Property({ type: 'integer' })
  quantity!: number;
}
