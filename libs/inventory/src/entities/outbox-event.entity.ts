import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Written in the same transaction as the stock change it announces; a relay publishes it to the queue
 * after commit, so a rolled-back change never reaches a channel and a committed one is never lost.
 */
@Entity({ tableName: 'outbox_event' })
@Index({ name: 'outbox_event_pending_index', properties: ['publishedAt', 'id'] })
export class OutboxEvent {
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 32 })
  topic!: string;

  @Property({ type: 'integer' })
  productId!: number;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null;
}
