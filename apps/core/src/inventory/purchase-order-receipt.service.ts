import { Injectable } from '@nestjs/common';
import { CatalogService, commandObject, InventoryLedger, NotFoundError, type StockChangeResult } from '@urikiri/inventory';
import { z } from 'zod';

export const receivePurchaseOrderSchema = commandObject({
  idempotencyKey: z.string().min(1, 'must not be empty').max(128, 'must be at most 128 characters'),
  reference: z.string().trim().min(1).max(64),
  /** Required, not "the rest": a repeated request must mean the same units whatever arrived since. */
  quantity: z.number({ error: 'must be a whole number of units' }).int('must be a whole number of units').positive('must be at least 1'),
});
export type ReceivePurchaseOrderCommand = z.output<typeof receivePurchaseOrderSchema>;

/** Receiving against a purchase order: a receipt at the order's SKU and location, counted on the order. */
@Injectable()
export class PurchaseOrderReceipt {
  constructor(
    private readonly catalog: CatalogService,
    private readonly ledger: InventoryLedger,
  ) {}

  async receive(command: ReceivePurchaseOrderCommand): Promise<StockChangeResult> {
    const order = (await this.catalog.listPurchaseOrders()).find((po) => po.reference === command.reference);
    if (!order) throw new NotFoundError('purchase_order', command.reference);
    return this.ledger.receive({
      idempotencyKey: command.idempotencyKey,
      sku: order.sku,
      location: order.location,
      quantity: command.quantity,
      purchaseOrder: order.reference,
    });
  }
}
