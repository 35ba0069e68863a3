import { BigIntType, Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One reconciliation of a channel account: what was read, how much drift was found and repaired,
 * and why repairs were held back. The API shows an account's latest run ("last reconciled, drift").
 */
@Entity({ tableName: 'reconciliation_run' })
@Index({ name: 'reconciliation_run_account_index', properties: ['accountId', 'startedAt'] })
export class ReconciliationRun {
  [OptionalProps]?: 'finishedAt' | 'checked' | 'drifted' | 'repaired' | 'notFound' | 'skippedReason';

  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 64 })
  accountId!: string;

  /** The run was asked to repair (a scheduled check may only report). */
  @Property({ type: 'boolean' })
  repairRequested!: boolean;

  @Property({ type: 'datetime' })
  startedAt!: Date;

  /** Null while the run is going, or when it died before finishing. */
  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date | null;

  /** Listings whose channel quantity was read and compared. */
  @Property({ type: 'integer' })
  checked = 0;

  @Property({ type: 'integer' })
  drifted = 0;

  @Property({ type: 'integer' })
  repaired = 0;

  /** Listings the channel no longer knows. */
  @Property({ type: 'integer' })
  notFound = 0;

  /** Why drift was left unrepaired: not asked, account stopped, ingestion behind, read failed. */
  @Property({ type: 'string', length: 255, nullable: true })
  skippedReason?: string | null;
}
