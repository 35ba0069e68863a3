import type { SqlSession } from '../persistence/sql-session';
import { fillBackorders } from './backorder-filler';
import { CatalogLookup, countsForSale, type ResolvedLocation } from './catalog-lookup';
import type { CommandRunner } from './command-runner';
import {
  adjustCommandSchema,
  receiveCommandSchema,
  returnCommandSchema,
  transferCommandSchema,
  type AdjustCommand,
  type ReceiveCommand,
  type ReturnCommand,
  type TransferCommand,
} from './ledger-commands.schema';
import { InsufficientStockError, InvalidStateError, NotFoundError } from './ledger-errors';
import type { StockChangeResult, TransferResult } from './ledger-results';
import { addOnHand, freeUnits, insertMovements, insertOutbox, removeUnreserved, type MovementRow } from './stock-writes';
import { validate } from './validate';

type Reference = { type: string; id: string } | undefined;

/** Receipts, adjustments, transfers and returns: everything that changes units on hand. */
export class OnHandOperations {
  private readonly lookup = new CatalogLookup();

  constructor(private readonly commands: CommandRunner) {}

  async receive(input: ReceiveCommand): Promise<StockChangeResult> {
    const cmd = validate(receiveCommandSchema, input);
    return this.commands.run('receive', cmd, async (sql, now) => {
      const { sku, location } = await this.skuAndLocation(sql, cmd.sku, cmd.location);
      let reference: Reference = cmd.reference;
      if (cmd.purchaseOrder) {
        await this.receiveAgainstPurchaseOrder(sql, cmd.purchaseOrder, sku, location, cmd.quantity);
        reference = { type: 'purchase_order', id: cmd.purchaseOrder };
      }
      const filled = await this.increase(sql, 'receipt', sku, location, cmd.quantity, cmd.idempotencyKey, reference, null, now);
      return { sku: cmd.sku, location: cmd.location, onHandDelta: cmd.quantity, backorderFilled: filled };
    });
  }

  async returnStock(input: ReturnCommand): Promise<StockChangeResult> {
    const cmd = validate(returnCommandSchema, input);
    return this.commands.run('return', cmd, async (sql, now) => {
      const { sku, location } = await this.skuAndLocation(sql, cmd.sku, cmd.location);
      const filled = await this.increase(sql, 'return', sku, location, cmd.quantity, cmd.idempotencyKey, cmd.reference, null, now);
      return { sku: cmd.sku, location: cmd.location, onHandDelta: cmd.quantity, backorderFilled: filled };
    });
  }

  async adjust(input: AdjustCommand): Promise<StockChangeResult> {
    const cmd = validate(adjustCommandSchema, input);
    return this.commands.run('adjust', cmd, async (sql, now) => {
      const { sku, location } = await this.skuAndLocation(sql, cmd.sku, cmd.location);
      const reference = cmd.reference ?? null;
      if (cmd.delta > 0) {
        const filled = await this.increase(sql, 'adjustment', sku, location, cmd.delta, cmd.idempotencyKey, reference ?? undefined, cmd.reason, now);
        return { sku: cmd.sku, location: cmd.location, onHandDelta: cmd.delta, backorderFilled: filled };
      }
      if (!(await removeUnreserved(sql, sku, location.id, -cmd.delta))) {
        const free = await freeUnits(sql, sku, [location.id]);
        throw new InsufficientStockError(`${cmd.sku}@${cmd.location}`, -cmd.delta, free);
      }
      await insertMovements(
        sql,
        [movement('adjustment', sku, location.id, cmd.delta, cmd.idempotencyKey, reference ?? undefined, cmd.reason)],
        now,
      );
      if (countsForSale(location)) await insertOutbox(sql, [sku], now);
      return { sku: cmd.sku, location: cmd.location, onHandDelta: cmd.delta, backorderFilled: 0 };
    });
  }

  async transfer(input: TransferCommand): Promise<TransferResult> {
    const cmd = validate(transferCommandSchema, input);
    return this.commands.run('transfer', cmd, async (sql, now) => {
      const sku = await this.assertSku(sql, cmd.sku);
      const from = await this.lookup.location(sql, cmd.from);
      const to = await this.lookup.location(sql, cmd.to);
      if (!(await removeUnreserved(sql, sku, from.id, cmd.quantity))) {
        throw new InsufficientStockError(`${cmd.sku}@${cmd.from}`, cmd.quantity, await freeUnits(sql, sku, [from.id]));
      }
      const reference = cmd.reference ?? { type: 'transfer', id: cmd.idempotencyKey };
      await insertMovements(sql, [movement('transfer_out', sku, from.id, -cmd.quantity, cmd.idempotencyKey, reference, null)], now);
      const filled = await this.increase(sql, 'transfer_in', sku, to, cmd.quantity, cmd.idempotencyKey, reference, null, now);
      if (countsForSale(from)) await insertOutbox(sql, [sku], now);
      return { sku: cmd.sku, from: cmd.from, to: cmd.to, quantity: cmd.quantity, backorderFilled: filled };
    });
  }

  /** Adds units; at a sellable location they fill open backorders first. */
  private async increase(
    sql: SqlSession,
    kind: 'receipt' | 'return' | 'adjustment' | 'transfer_in',
    productId: number,
    location: ResolvedLocation,
    quantity: number,
    commandKey: string,
    reference: Reference,
    reason: string | null,
    now: Date,
  ): Promise<number> {
    await addOnHand(sql, productId, location.id, quantity);
    const movements = [movement(kind, productId, location.id, quantity, commandKey, reference, reason)];
    let filled = 0;
    if (countsForSale(location)) {
      const fill = await fillBackorders(sql, productId, location.id, quantity, commandKey, now);
      filled = fill.filled;
      movements.push(...fill.movements);
      await insertOutbox(sql, [productId], now);
    }
    await insertMovements(sql, movements, now);
    return filled;
  }

  private async receiveAgainstPurchaseOrder(
    sql: SqlSession,
    reference: string,
    productId: number,
    location: ResolvedLocation,
    quantity: number,
  ): Promise<void> {
    const po = await sql.first<{ id: number; product_id: number; location_id: number; status: string }>(
      'SELECT id, product_id, location_id, status FROM purchase_order WHERE reference = ?',
      [reference],
    );
    if (!po) throw new NotFoundError('purchase_order', reference);
    if (Number(po.product_id) !== productId || Number(po.location_id) !== location.id) {
      throw new InvalidStateError(`purchase order '${reference}' is for another SKU or location`);
    }
    const changed = await sql.run(
      `UPDATE purchase_order SET received_quantity = received_quantity + ?,
         status = CASE WHEN received_quantity + ? >= quantity THEN 'received' ELSE 'open' END
       WHERE id = ? AND status = 'open'`,
      [quantity, quantity, po.id],
    );
    if (changed !== 1) throw new InvalidStateError(`purchase order '${reference}' is ${po.status}, not open`);
  }

  private async skuAndLocation(sql: SqlSession, skuCode: string, locationCode: string) {
    const sku = await this.assertSku(sql, skuCode);
    const location = await this.lookup.location(sql, locationCode);
    return { sku, location };
  }

  /** Stock is kept per SKU; a bundle has none of its own. */
  private async assertSku(sql: SqlSession, code: string): Promise<number> {
    const product = await this.lookup.product(sql, code);
    if (product.kind !== 'sku') {
      throw new InvalidStateError(`'${code}' is a bundle: its stock is its components'; move the component SKUs instead`);
    }
    return product.id;
  }
}

function movement(
  kind: MovementRow['kind'],
  productId: number,
  locationId: number,
  onHandDelta: number,
  commandKey: string,
  reference: Reference,
  reason: string | null,
): MovementRow {
  return {
    kind,
    productId,
    locationId,
    onHandDelta,
    reservedDelta: 0,
    referenceType: reference?.type ?? null,
    referenceId: reference?.id ?? null,
    reason,
    commandKey,
  };
}
