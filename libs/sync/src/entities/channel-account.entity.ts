import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** One shop on one channel (two Rakuten shops are two accounts), with its encrypted credentials. */
@Entity({ tableName: 'channel_account' })
export class ChannelAccount {
  [OptionalProps]?: 'stopped' | 'stoppedReason' | 'ordersCursor' | 'ordersCaughtUpAt' | 'cutoverAt' | 'baseUrl' | 'createdAt' | 'returnsLocation';

  /** The operator's id for the account, e.g. `rakuten-main`. */
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  /** The connector that speaks to the channel (its manifest id). */
  @Property({ type: 'string', length: 64 })
  connector!: string;

  @Property({ type: 'string', length: 255 })
  displayName!: string;

  /** AES-256-GCM of the credentials JSON; never returned by the API. */
  @Property({ type: 'text' })
  credentialsCiphertext!: string;

  @Property({ type: 'string', length: 512, nullable: true })
  baseUrl?: string | null;

  /** The operator's emergency brake: no push leaves for this account while set. */
  @Property({ type: 'boolean' })
  stopped = false;

  @Property({ type: 'string', length: 255, nullable: true })
  stoppedReason?: string | null;

  @Property({ type: 'text', nullable: true })
  ordersCursor?: string | null;

  /** When the last order fetch found nothing more waiting: drift repairs trust the ledger only after it. */
  @Property({ type: 'datetime', nullable: true })
  ordersCaughtUpAt?: Date | null;

  /** When open orders were imported at connection; no push leaves before it. */
  @Property({ type: 'datetime', nullable: true })
  cutoverAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /**
   * The location code the account's returned units are booked to (sellable: back on sale at once;
   * not for sale: kept off the channels for inspection). Null: the default, the first not-for-sale
   * warehouse (see ReturnsDestination).
   */
  @Property({ type: 'string', length: 64, nullable: true })
  returnsLocation?: string | null;
}
