import { OptionalProps, Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export type ProductKind = 'sku' | 'bundle';

/** A sellable article: a stock-keeping unit, or a bundle (セット商品) whose stock is derived from its components. */
@Entity({ tableName: 'product' })
export class Product {
  [OptionalProps]?: 'tags' | 'kind' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Unique({ name: 'product_code_unique' })
  @Property({ type: 'string', length: 64 })
  code!: string;

  @Property({ type: 'string', length: 255 })
  name!: string;

  @Index({ name: 'product_jan_index' })
  @Property({ type: 'string', length: 32, nullable: true })
  jan?: string | null;

  @Property({ type: 'json' })
  tags: string[] = [];

  @Enum({ items: ['sku', 'bundle'], type: 'string' })
  kind: ProductKind = 'sku';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
