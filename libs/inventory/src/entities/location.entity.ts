import { OptionalProps, Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * `warehouse`: our own stock. `channel_held`: a pool the channel holds and sells itself (Amazon FBA);
 * shown for information, never counted as ours to sell.
 */
export type LocationKind = 'warehouse' | 'channel_held';

@Entity({ tableName: 'location' })
export class Location {
  [OptionalProps]?: 'kind' | 'sellable' | 'priority' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Unique({ name: 'location_code_unique' })
  @Property({ type: 'string', length: 64 })
  code!: string;

  @Property({ type: 'string', length: 255 })
  name!: string;

  @Enum({ items: ['warehouse', 'channel_held'], type: 'string' })
  kind: LocationKind = 'warehouse';

  /** False for returns / damaged areas: the units are on hand but not for sale. */
  @Property({ type: 'boolean' })
  sellable = true;

  /** Lower numbers are drawn from first when a reservation does not name a location. */
  @Property({ type: 'integer' })
  priority = 100;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
