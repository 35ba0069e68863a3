import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One change made through the API, who made it, and to what. Written by the audit interceptor
 * after the change succeeded; never updated. Holds ids, codes, quantities and reasons chosen per
 * route: no credentials, no request bodies as such, no buyer data.
 */
@Entity({ tableName: 'audit_log' })
@Index({ name: 'audit_log_at_index', properties: ['at'] })
@Index({ name: 'audit_log_kind_at_index', properties: ['kind', 'at'] })
export class AuditEntry {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'datetime' })
  at!: Date;

  /** What was done: `stock.adjust`, `rules.activate`, `api_key.revoke`, … */
  @Property({ type: 'string', length: 64 })
  kind!: string;

  /** The API key that did it; null only when the request carried none the service knew. */
  @Property({ type: 'integer', nullable: true })
  actorKeyId?: number | null;

  /** The key's name and visible prefix at the time, kept even if the key is later revoked or renamed. */
  @Property({ type: 'string', length: 160, nullable: true })
  actorName?: string | null;

  @Property({ type: 'string', length: 8 })
  method!: string;

  @Property({ type: 'string', length: 512 })
  path!: string;

  /** What the change was made to: a SKU, an account id, a listing id, a rule set version. */
  @Property({ type: 'string', length: 255, nullable: true })
  target?: string | null;

  /** The fields the route declares worth keeping (quantities, reasons, locations). */
  @Property({ type: 'json', nullable: true })
  detail?: Record<string, unknown> | null;

  /** The HTTP status the change was answered with. */
  @Property({ type: 'integer' })
  status!: number;
}
