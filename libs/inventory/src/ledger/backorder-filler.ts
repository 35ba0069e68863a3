import type { SqlSession } from '../persistence/sql-session';
import type { MovementRow } from './stock-writes';

/**
 * New sellable units go to open backorders first (oldest first), before any channel can see them:
 * those units were already sold. Runs in the transaction that added the units, which holds the
 * stock level's row lock, so the units cannot be taken by anyone else in between.
 */
export async function fillBackorders(
  sql: SqlSession,
  productId: number,
  locationId: number,
  unitsAdded: number,
  commandKey: string,
  now: Date,
): Promise<{ filled: number; movements: MovementRow[] }> {
  const open = await sql.all<{ id: number; reservation_id: string; open_quantity: number; order_id: string }>(
    `SELECT id, reservation_id, open_quantity, order_id FROM backorder
     WHERE product_id = ? AND status = 'open' ORDER BY id${sql.forUpdate}`,
    [productId],
  );
  const movements: MovementRow[] = [];
  const touched = new Set<string>();
  let remaining = unitsAdded;
  for (const backorder of open) {
    if (remaining === 0) break;
    const take = Math.min(Number(backorder.open_quantity), remaining);
    const changed = await sql.run(
      'UPDATE stock_level SET reserved = reserved + ? WHERE product_id = ? AND location_id = ? AND on_hand - reserved >= ?',
      [take, productId, locationId, take],
    );
    if (changed !== 1) throw new Error(`received units of product ${productId} vanished inside their own transaction`);
    await sql.run(
      'INSERT INTO reservation_allocation (reservation_id, product_id, location_id, quantity) VALUES (?, ?, ?, ?)',
      [backorder.reservation_id, productId, locationId, take],
    );
    const left = Number(backorder.open_quantity) - take;
    await sql.run(
      'UPDATE backorder SET open_quantity = ?, status = ?, closed_at = ? WHERE id = ?',
      [left, left === 0 ? 'filled' : 'open', left === 0 ? sql.date(now) : null, backorder.id],
    );
    movements.push({
      kind: 'reservation',
      productId,
      locationId,
      onHandDelta: 0,
      reservedDelta: take,
      referenceType: 'order',
      referenceId: backorder.order_id,
      reason: 'backorder_fill',
      reservationId: backorder.reservation_id,
      commandKey,
    });
    touched.add(backorder.reservation_id);
    remaining -= take;
  }
  for (const reservationId of touched) {
    await sql.run(
      `UPDATE reservation SET status = 'held' WHERE id = ? AND status = 'backordered'
       AND NOT EXISTS (SELECT 1 FROM backorder WHERE reservation_id = ? AND status = 'open')`,
      [reservationId, reservationId],
    );
  }
  return { filled: unitsAdded - remaining, movements };
}
