import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** One line of a bundle's bill of materials: `quantity` units of the component per bundle. */
@Entity({ tableName: 'bundle_component' })
@Unique({ name: 'bundle_component_unique', properties: ['bundleId', 'componentId'] })
export class BundleComponent {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  bundleId!: number;

  @Index({ name: 'bundle_component_component_index' })
  @Property({ type: 'integer' })
  componentId!: number;

  @Property({ type: 'integer' })
  quantity!: number;
}
