import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** An order event already applied, so webhook and polling deliveries of it count once. */
@Entity({ tableName: 'ingested_event' })
export class IngestedEvent {
  @PrimaryKey({ type: 'string', length: 64 })
  accountId!: string;

  @PrimaryKey({ type: 'string', length: 255 })
  eventId!: string;

  @Property({ type: 'datetime' })
  at!: Date;
}
