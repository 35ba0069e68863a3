import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One value a listing was given on its channel: the history behind "why did it show that". */
@Entity({ tableName: 'publish_record' })
@Index({ name: 'publish_record_listing_index', properties: ['listingId', 'id'] })
export class PublishRecord {
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  listingId!: number;

  @Property({ type: 'integer' })
  value!: number;

  @Property({ type: 'integer' })
  version!: number;

  /** The rule engine's explanation of the value (rendered trace). */
  @Property({ type: 'text', nullable: true })
  why?: string | null;

  /** Milliseconds from the ledger change to the channel holding the value. */
  @Property({ type: 'integer', nullable: true })
  latencyMs?: number | null;

  @Property({ type: 'datetime' })
  at!: Date;
}
