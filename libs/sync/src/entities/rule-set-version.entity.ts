import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Every rule set the operator activated, newest in force. Kept, not overwritten, so "what rules
 * produced that value last Tuesday" has an answer and a bad change can be rolled back by re-activating.
 */
@Entity({ tableName: 'rule_set_version' })
export class RuleSetVersion {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** The rule set as submitted (validated by @urikiri/allocation before it is stored). */
  @Property({ type: 'json' })
  document!: unknown;

  @Property({ type: 'datetime' })
  activatedAt!: Date;
}
