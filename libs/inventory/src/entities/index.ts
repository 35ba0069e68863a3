import { Backorder } from './backorder.entity';
import { BundleComponent } from './bundle-component.entity';
import { LedgerCheckpoint } from './ledger-checkpoint.entity';
import { LedgerCommand } from './ledger-command.entity';
import { Location } from './location.entity';
import { Movement } from './movement.entity';
import { OutboxEvent } from './outbox-event.entity';
import { Product } from './product.entity';
import { PurchaseOrder } from './purchase-order.entity';
import { ReservationAllocation } from './reservation-allocation.entity';
import { Reservation } from './reservation.entity';
import { StockLevel } from './stock-level.entity';

export * from './backorder.entity';
export * from './bundle-component.entity';
export * from './ledger-checkpoint.entity';
export * from './ledger-command.entity';
export * from './location.entity';
export * from './movement.entity';
export * from './outbox-event.entity';
export * from './product.entity';
export * from './purchase-order.entity';
export * from './reservation-allocation.entity';
export * from './reservation.entity';
export * from './stock-level.entity';

/** Listed explicitly (not discovered by glob) so a bundled build finds every entity. */
export const INVENTORY_ENTITIES = [
  Product,
  BundleComponent,
  Location,
  StockLevel,
  Movement,
  Reservation,
  ReservationAllocation,
  Backorder,
  PurchaseOrder,
  OutboxEvent,
  LedgerCommand,
  LedgerCheckpoint,
];
