import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row per idempotency key: inserted first in the command's transaction (so a concurrent
 * duplicate waits on it), holding a hash of the request and the first result to answer repeats.
 */
@Entity({ tableName: 'ledger_command' })
export class LedgerCommand {
  @PrimaryKey({ type: 'string', length: 128 })
  key!: string;

  @Property({ type: 'string', length: 32 })
  operation!: string;

  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  @Property({ type: 'text', nullable: true })
  result?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
