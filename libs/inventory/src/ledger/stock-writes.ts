import type { MovementKind } from '../entities/movement.entity';
import type { SqlSession } from '../persistence/sql-session';

/**
 * The only statements that change stock. Every decrease of availability is a conditional update
 * that matches no row when it does not fit, so the invariant holds under any concurrency.
 */

export interface MovementRow {
  kind: MovementKind;
  productId: number;
  locationId: number;
  onHandDelta: number;
  reservedDelta: number;
  referenceType?: string | null;
  referenceId?: string | null;
  reason?: string | null;
  reservationId?: string | null;
  commandKey: string;
}

export interface Take {
  locationId: number;
  quantity: number;
}

/** Adds units on hand, creating the stock level on first use. */
export async function addOnHand(sql: SqlSession, productId: number, locationId: number, quantity: number): Promise<void> {
  await sql.run(
    `INSERT INTO stock_level (product_id, location_id, on_hand, reserved) VALUES (?, ?, ?, 0)
     ON CONFLICT (product_id, location_id) DO UPDATE SET on_hand = stock_level.on_hand + excluded.on_hand`,
    [productId, locationId, quantity],
  );
}

/** Removes units on hand that are not reserved; false (and nothing changed) when they are not there. */
export async function removeUnreserved(sql: SqlSession, productId: number, locationId: number, quantity: number): Promise<boolean> {
  const changed = await sql.run(
    `UPDATE stock_level SET on_hand = on_hand - ? WHERE product_id = ? AND location_id = ? AND on_hand - reserved >= ?`,
    [quantity, productId, locationId, quantity],
  );
  return changed === 1;
}

/**
 * Reserves `quantity` at the first allowed location (by priority) that has all of it, in one
 * statement. Under PostgreSQL's read committed the chosen row's condition is re-checked after any
 * concurrent update, so a spurious miss is possible but an over-reservation is not.
 */
export async function reserveAtOneLocation(
  sql: SqlSession,
  productId: number,
  quantity: number,
  allowedLocationIds: number[],
): Promise<number | undefined> {
  if (allowedLocationIds.length === 0) return undefined;
  const inList = allowedLocationIds.map(() => '?').join(', ');
  const rows = await sql.all<{ location_id: number }>(
    `UPDATE stock_level SET reserved = reserved + ?
     WHERE id = (
       SELECT sl.id FROM stock_level sl JOIN location l ON l.id = sl.location_id
       WHERE sl.product_id = ? AND sl.location_id IN (${inList}) AND sl.on_hand - sl.reserved >= ?
       ORDER BY l.priority, l.id LIMIT 1)
     AND on_hand - reserved >= ?
     RETURNING location_id`,
    [quantity, productId, ...allowedLocationIds, quantity, quantity],
  );
  return rows[0] ? Number(rows[0].location_id) : undefined;
}

/**
 * Reserves up to `quantity` across the allowed locations in priority order. The levels are locked
 * first (PostgreSQL row locks; SQLite's write transaction is exclusive already), so the split is
 * computed on numbers nobody else can change before commit.
 */
export async function reserveAcrossLocations(
  sql: SqlSession,
  productId: number,
  quantity: number,
  allowedLocationIds: number[],
): Promise<Take[]> {
  if (allowedLocationIds.length === 0) return [];
  const inList = allowedLocationIds.map(() => '?').join(', ');
  const levels = await sql.all<{ id: number; location_id: number; free: number }>(
    `SELECT sl.id, sl.location_id, sl.on_hand - sl.reserved AS free FROM stock_level sl
     JOIN location l ON l.id = sl.location_id
     WHERE sl.product_id = ? AND sl.location_id IN (${inList})
     ORDER BY l.priority, l.id${sql.isPostgres ? ' FOR UPDATE OF sl' : ''}`,
    [productId, ...allowedLocationIds],
  );
  const takes: Take[] = [];
  let missing = quantity;
  for (const level of levels) {
    if (missing === 0) break;
    const take = Math.min(Number(level.free), missing);
    if (take <= 0) continue;
    const changed = await sql.run(
      'UPDATE stock_level SET reserved = reserved + ? WHERE id = ? AND on_hand - reserved >= ?',
      [take, level.id, take],
    );
    if (changed !== 1) throw new Error(`stock level ${level.id} changed while locked`);
    takes.push({ locationId: Number(level.location_id), quantity: take });
    missing -= take;
  }
  return takes;
}

/** Gives reserved units back (release), or removes them from stock altogether (commit = shipped). */
export async function unreserve(
  sql: SqlSession,
  productId: number,
  locationId: number,
  quantity: number,
  alsoOnHand: boolean,
): Promise<void> {
  const changed = await sql.run(
    `UPDATE stock_level SET reserved = reserved - ?${alsoOnHand ? ', on_hand = on_hand - ?' : ''}
     WHERE product_id = ? AND location_id = ? AND reserved >= ?`,
    alsoOnHand ? [quantity, quantity, productId, locationId, quantity] : [quantity, productId, locationId, quantity],
  );
  if (changed !== 1) throw new Error(`reserved units of product ${productId} at location ${locationId} are missing`);
}

/** Free units of a SKU over the given locations, for error messages and availability checks. */
export async function freeUnits(sql: SqlSession, productId: number, locationIds: number[]): Promise<number> {
  if (locationIds.length === 0) return 0;
  const row = await sql.first<{ free: number | null }>(
    `SELECT SUM(on_hand - reserved) AS free FROM stock_level WHERE product_id = ? AND location_id IN (${locationIds
      .map(() => '?')
      .join(', ')})`,
    [productId, ...locationIds],
  );
  return Number(row?.free ?? 0);
}

export async function insertMovements(sql: SqlSession, rows: MovementRow[], now: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    await sql.run(
      `INSERT INTO movement (kind, product_id, location_id, on_hand_delta, reserved_delta, reference_type, reference_id,
        reason, reservation_id, command_key, created_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      chunk.flatMap((m) => [
        m.kind,
        m.productId,
        m.locationId,
        m.onHandDelta,
        m.reservedDelta,
        m.referenceType ?? null,
        m.referenceId ?? null,
        m.reason ?? null,
        m.reservationId ?? null,
        m.commandKey,
        sql.date(now),
      ]),
    );
  }
}

/** Announces that these SKUs' availability changed; the relay publishes after commit. */
export async function insertOutbox(sql: SqlSession, productIds: Iterable<number>, now: Date): Promise<void> {
  const ids = [...new Set(productIds)].sort((a, b) => a - b);
  if (ids.length === 0) return;
  await sql.run(
    `INSERT INTO outbox_event (topic, product_id, created_at) VALUES ${ids.map(() => "('stock.changed', ?, ?)").join(', ')}`,
    ids.flatMap((id) => [id, sql.date(now)]),
  );
}
