import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * on_hand and reserved of one stock level as the movements up to `movementId` sum them, so a replay
 * check starts from the last checkpoint instead of from the first movement ever written.
 */
@Entity({ tableName: 'ledger_checkpoint' })
export class LedgerCheckpoint {
  @PrimaryKey({ type: new BigIntType('number') })
  movementId!: number;

  @PrimaryKey({ type: 'integer' })
  productId!: number;

  @PrimaryKey({ type: 'integer' })
  locationId!: number;

  @Property({ type: 'integer' })
  onHand!: number;

  @Property({ type: 'integer' })
  reserved!: number;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
