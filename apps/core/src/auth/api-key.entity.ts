import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { ApiKeyScope } from './api-key-scope';

/** An API key as stored: only its SHA-256 hash, and the visible prefix so people can tell keys apart. */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** The first characters of the key (`uk_` and eight more), safe to show in listings and logs. */
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @Unique({ name: 'api_key_hash_unique' })
  @Property({ type: 'string', length: 64 })
  hash!: string;

  @Property({ type: 'json' })
  scopes!: ApiKeyScope[];

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
