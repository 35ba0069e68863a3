import type { MikroORM } from '@mikro-orm/core';
import type { OrderEvent } from '@urikiri/connector-sdk';
import { InventoryLedger, TransactionRunner, type SqlSession } from '@urikiri/inventory';
import { checkOrderEvents } from './order-events/check-order-events';
import { ReturnsDestination } from './returns-destination';

export interface IngestOptions {
  /** When the channel lowers its displayed stock: at order creation or at payment (manifest `stockLoweredOn`). */
  stockLoweredOn: 'order-created' | 'order-paid';
  /**
   * The account's orders as they stand at connection. Units already shipped then left the warehouse
   * before the opening stock was counted: they are remembered on the line but never touch the ledger.
   */
  cutover?: boolean;
}

export interface IngestReport {
  applied: number;
  duplicates: number;
  unmapped: number;
  /** Our products whose stock changed, for re-allocation. */
  productIds: number[];
  /** Per product, when the earliest sale among these events happened on the channel (end-to-end latency starts there). */
  originAt: Record<number, string>;
  /** Per applied event, from the sale on the channel to the ledger holding it (ms). */
  ingestLatenciesMs: number[];
  /** Lines with returned units that have nowhere to go: no returns location set and no not-for-sale warehouse. */
  returnsWaiting: number;
}

interface LineState {
  id: number;
  quantity: number;
  cancelled: number;
  shipped: number;
  /** Shipped units the buyer sent back. */
  returned: number;
  taken: boolean;
  productId: number | null;
  orderId: string;
  lineId: string;
  /** Units shipped before the account was connected (see IngestOptions.cutover). */
  shippedBeforeCutover: number;
  /** Units back before the account was connected (already in the opening stock). */
  returnedBeforeCutover: number;
  /** Units the channel took (+) or put back (−) with this event, on `listingId`. */
  heldDelta?: number;
  listingId?: number | null;
  /** When the channel says the event happened: where the end-to-end latency of its consequences starts. */
  occurredAt?: string;
}

/**
 * Order events in, ledger state out. Events only move an order line's state (ordered, taken by the
 * channel, cancelled, shipped); the ledger is then brought to what that state implies, unit by unit
 * under idempotency keys, so duplicated, reordered or replayed events all converge to the same books.
 */
export class OrderIngestor {
  private readonly tx: TransactionRunner;
  private readonly returns: ReturnsDestination;

  constructor(
    orm: MikroORM,
    private readonly ledger: InventoryLedger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.tx = new TransactionRunner(orm);
    this.returns = new ReturnsDestination(orm);
  }

  /** Refuses the whole batch (InvalidOrderEventsError) before writing anything when one event is malformed. */
  async ingest(accountId: string, delivered: readonly OrderEvent[], options: IngestOptions): Promise<IngestReport> {
    const events = checkOrderEvents(delivered);
    const report: IngestReport = { applied: 0, duplicates: 0, unmapped: 0, productIds: [], originAt: {}, ingestLatenciesMs: [], returnsWaiting: 0 };
    const touched = new Set<number>();
    const waiting = new Set<number>();
    const toSettle: LineState[] = [];
    // The whole delivery is recorded in one transaction (each event claimed once, its line updated),
    // then each line is settled in the ledger, then our belief of the channel follows them all in one
    // more: three commits a page instead of three an event, which is what lets one account's
    // ingestion keep up with a flash sale. A process that dies in between leaves each line's
    // `unfollowed_held` for the events' next delivery (see finish).
    const recorded = await this.tx.run(async (sql) => {
      const lines: Array<{ event: OrderEvent; line: LineState | 'duplicate' }> = [];
      for (const event of events) lines.push({ event, line: await this.record(sql, accountId, event, options) });
      return lines;
    });
    const toFollow: LineState[] = [];
    for (const { event, line } of recorded) {
      if (line === 'duplicate') {
        report.duplicates++;
        // A process that died after recording this event may have left its line unsettled or our
        // belief of the channel unfollowed: the next delivery finishes both (each happens once).
        const recovered = options.cutover ? null : await this.finish(accountId, event);
        if (recovered !== null) touched.add(recovered);
        continue;
      }
      report.applied++;
      if (line.productId === null) {
        report.unmapped++;
        continue;
      }
      // At cut-over every event is recorded first, so a line's shipped units are known before any settles.
      if (options.cutover) toSettle.push(line);
      else if ((await this.settleLine(accountId, line.id)) === 'return waiting') waiting.add(line.id);
      toFollow.push(line);
      touched.add(line.productId);
      const occurred = Date.parse(event.occurredAt);
      if (Number.isFinite(occurred)) {
        report.ingestLatenciesMs.push(Math.max(0, this.clock().getTime() - occurred));
        const earliest = report.originAt[line.productId];
        if (earliest === undefined || occurred < Date.parse(earliest)) report.originAt[line.productId] = new Date(occurred).toISOString();
      }
    }
    await this.followChannel(...toFollow);
    if (options.cutover) {
      await this.tx.session().run('UPDATE order_line SET shipped_before_cutover = shipped, returned_before_cutover = returned WHERE account_id = ?', [accountId]);
      for (const lineId of new Set(toSettle.map((l) => l.id))) if ((await this.settleLine(accountId, lineId)) === 'return waiting') waiting.add(lineId);
    }
    report.productIds = [...touched];
    report.returnsWaiting = waiting.size;
    return report;
  }

  /**
   * A redelivered event's line, finished: the ledger brought to its state (idempotent), and our belief
   * of the channel moved by what is left to follow. Returns the product to re-plan when the belief
   * moved, null otherwise.
   */
  private async finish(accountId: string, event: OrderEvent): Promise<number | null> {
    const sql = this.tx.session();
    const row = await sql.first<Record<string, unknown>>(
      `SELECT ol.id, ol.quantity, ol.cancelled, ol.shipped, ol.taken, ol.product_id, ol.order_id, ol.line_id, ol.shipped_before_cutover, ol.unfollowed_held, l.id AS listing_id
       FROM order_line ol LEFT JOIN listing l ON l.account_id = ol.account_id AND l.channel_listing_id = ol.channel_listing_id
       WHERE ol.account_id = ? AND ol.order_id = ? AND ol.line_id = ?`,
      [accountId, event.orderId, event.lineId],
    );
    if (!row || row['product_id'] === null) return null;
    const line = toState(row);
    await this.settleLine(accountId, line.id);
    if (Number(row['unfollowed_held']) === 0) return null;
    await this.followChannel({ ...line, listingId: row['listing_id'] === null ? null : Number(row['listing_id']), occurredAt: event.occurredAt });
    return line.productId;
  }

  /** Lines waiting for a listing: mapped now if one exists, then settled. */
  async retryUnmapped(accountId: string): Promise<number> {
    const sql = this.tx.session();
    const lines = await sql.all<{ id: number; listing_product: number | null }>(
      `SELECT ol.id, l.product_id AS listing_product FROM order_line ol
       LEFT JOIN listing l ON l.account_id = ol.account_id AND l.channel_listing_id = ol.channel_listing_id
       WHERE ol.account_id = ? AND ol.unmapped = ?`,
      [accountId, sql.isPostgres ? true : 1],
    );
    let mapped = 0;
    for (const line of lines.filter((l) => l.listing_product !== null)) {
      await sql.run('UPDATE order_line SET product_id = ?, unmapped = ? WHERE id = ?', [line.listing_product, sql.isPostgres ? false : 0, line.id]);
      await this.settleLine(accountId, Number(line.id));
      mapped++;
    }
    return mapped;
  }

  /**
   * Lines whose returned units are not in the ledger yet (they had nowhere to go, or the shipment
   * came later): booked now, to the account's returns location. Returns the lines still waiting.
   */
  async settleWaitingReturns(accountId: string): Promise<number> {
    const lines = await this.tx.session().all<{ id: number }>(
      'SELECT id FROM order_line WHERE account_id = ? AND product_id IS NOT NULL AND returned > applied_returned',
      [accountId],
    );
    let waiting = 0;
    for (const line of lines) if ((await this.settleLine(accountId, Number(line.id))) === 'return waiting') waiting++;
    return waiting;
  }

  /** Records one event in the line's state, once; adjusts what we believe the channel shows. */
  private async record(sql: SqlSession, accountId: string, event: OrderEvent, options: IngestOptions): Promise<LineState | 'duplicate'> {
    const now = this.clock();
    const claimed = await sql.all(
      'INSERT INTO ingested_event (account_id, event_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING event_id',
      [accountId, event.eventId, sql.date(now)],
    );
    if (claimed.length === 0) return 'duplicate';
    const listing = await sql.first<{ id: number; product_id: number }>(
      'SELECT id, product_id FROM listing WHERE account_id = ? AND channel_listing_id = ?',
      [accountId, event.listingId],
    );
    let row = await sql.first<Record<string, unknown>>(
      `SELECT id, quantity, cancelled, shipped, returned, taken, product_id FROM order_line WHERE account_id = ? AND order_id = ? AND line_id = ?${sql.forUpdate}`,
      [accountId, event.orderId, event.lineId],
    );
    if (!row) {
      await sql.run(
        `INSERT INTO order_line (account_id, order_id, line_id, channel_listing_id, product_id, quantity, cancelled, shipped, applied_cancelled, applied_shipped, shipped_before_cutover, taken, unmapped, first_seen_at)
         VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?, ?, ?)`,
        [accountId, event.orderId, event.lineId, event.listingId, listing ? listing.product_id : null, bool(sql, false), bool(sql, !listing), sql.date(now)],
      );
      row = await sql.first<Record<string, unknown>>(
        'SELECT id, quantity, cancelled, shipped, returned, taken, product_id FROM order_line WHERE account_id = ? AND order_id = ? AND line_id = ?',
        [accountId, event.orderId, event.lineId],
      );
    }
    const before = toState(row as Record<string, unknown>, event);
    const after = { ...before };
    // created carries the units ordered, paid the units still open: both are lower bounds of the line.
    if (event.status === 'created') {
      after.quantity = Math.max(before.quantity, event.quantity);
      if (options.stockLoweredOn === 'order-created') after.taken = true;
    } else if (event.status === 'paid') {
      after.quantity = Math.max(before.quantity, event.quantity);
      after.taken = true;
    } else if (event.status === 'cancelled') {
      after.cancelled = before.cancelled + event.quantity;
      after.quantity = Math.max(before.quantity, after.cancelled);
    } else if (event.status === 'returned') {
      // Only shipped units come back; a return that arrives before its shipment waits for it (see settleReturns).
      after.returned = before.returned + event.quantity;
      after.quantity = Math.max(before.quantity, before.cancelled + Math.max(before.shipped, after.returned));
      after.taken = true;
    } else {
      after.quantity = Math.max(before.quantity, before.cancelled + before.shipped + event.quantity);
      after.shipped = before.shipped + event.quantity;
      after.taken = true;
    }
    // The channel lowered its displayed stock when it took the units, and put cancelled units back
    // unless it says it did not (`restocked: false`); when it does not say we assume it did, which
    // errs towards showing less. Our belief of its quantity follows only once the ledger holds the
    // change (see followChannel), never before.
    const heldBefore = before.taken ? before.quantity - before.cancelled : 0;
    const heldAfter = after.taken ? after.quantity - after.cancelled : 0;
    const keptOffSale = event.status === 'cancelled' && event.restocked === false;
    // A return the channel put back on display (or did not say it did not) raises what it shows by
    // the units returned, whatever the ledger does with them.
    const channelRestockedReturn = event.status === 'returned' && event.restocked !== false;
    after.heldDelta = !listing || keptOffSale ? 0 : channelRestockedReturn ? -event.quantity : heldAfter - heldBefore;
    if (listing && ((keptOffSale && heldAfter < heldBefore) || (channelRestockedReturn && event.quantity > 0))) {
      // The ledger and the channel part ways: the ledger gets cancelled units back that the channel
      // keeps off display, or the channel shows returned units the ledger may keep off sale. A push is
      // owed even if the target does not move (a sale and its cancel ingested together leave it where
      // it was). Under a new version, since channels replay a repeated version's first outcome instead of applying it.
      await sql.run('UPDATE listing SET dirty = ?, target_version = target_version + 1 WHERE id = ? AND target IS NOT NULL AND last_published IS NOT NULL', [
        bool(sql, true), listing.id,
      ]);
    }
    await sql.run('UPDATE order_line SET quantity = ?, cancelled = ?, shipped = ?, returned = ?, taken = ?, unfollowed_held = unfollowed_held + ? WHERE id = ?', [
      after.quantity, after.cancelled, after.shipped, after.returned, bool(sql, after.taken), after.heldDelta, before.id,
    ]);
    after.listingId = listing ? Number(listing.id) : null;
    after.occurredAt = event.occurredAt;
    return after;
  }

  /**
   * After the ledger holds the event: lowers (or raises) what we believe the channel shows, and
   * marks every listing of the product's allocation unit as needing a new plan. Both in one
   * transaction, so a push never combines the lowered compare value with a target computed before
   * the sale was in the ledger (that push would pass the channel's check and show too much).
   */
  private async followChannel(...lines: LineState[]): Promise<void> {
    const mapped = lines.filter((line) => line.productId !== null);
    if (mapped.length === 0) return;
    await this.tx.run(async (sql) => {
      for (const line of mapped) await this.followLine(sql, line, line.productId as number);
    });
  }

  private async followLine(sql: SqlSession, line: LineState, productId: number): Promise<void> {
    // What the line's events left to follow, taken under the row lock: a redelivery finishing the
    // same line at once finds nothing left, so the belief moves once per event.
    const row = await sql.first<{ unfollowed_held: number }>(`SELECT unfollowed_held FROM order_line WHERE id = ?${sql.forUpdate}`, [line.id]);
    const held = Number(row?.unfollowed_held ?? 0);
    if (held !== 0) await sql.run('UPDATE order_line SET unfollowed_held = 0 WHERE id = ?', [line.id]);
    if (line.listingId && held) {
      await sql.run(
        'UPDATE listing SET last_published = CASE WHEN last_published - ? < 0 THEN 0 ELSE last_published - ? END WHERE id = ? AND last_published IS NOT NULL',
        [held, held, line.listingId],
      );
    }
    const occurred = line.occurredAt ? Date.parse(line.occurredAt) : Number.NaN;
    // The next value each listing of the unit gets is this sale's consequence: its end-to-end latency starts at the sale.
    await sql.run(
      `UPDATE listing SET replan_seq = replan_seq + 1, target_origin_at = COALESCE(target_origin_at, ?) WHERE product_id = ?
         OR product_id IN (SELECT bundle_id FROM bundle_component WHERE component_id = ?)
         OR product_id IN (SELECT component_id FROM bundle_component WHERE bundle_id = ?)
         OR product_id IN (SELECT b.bundle_id FROM bundle_component c JOIN bundle_component b ON b.component_id = c.component_id WHERE c.bundle_id = ?)`,
      [Number.isFinite(occurred) ? sql.date(new Date(occurred)) : null, productId, productId, productId, productId],
    );
  }

  /**
   * Brings the ledger to the line's state, one unit at a time: units beyond `quantity − cancelled`
   * are released, the first `shipped` are committed, the rest held. Reads the line again afterwards
   * and repeats if another event moved it meanwhile, so concurrent ingestion of one line converges.
   */
  private async settleLine(accountId: string, lineId: number): Promise<'settled' | 'return waiting' | 'unmapped'> {
    for (let round = 0; round < 10; round++) {
      const line = await this.readLine(lineId);
      if (!line || line.productId === null) return 'unmapped';
      const sku = await this.productCode(line.productId);
      if (line.taken) {
        for (let unit = line.shippedBeforeCutover + 1; unit <= line.quantity; unit++) await this.settleUnit(accountId, line, sku, unit);
      }
      const returned = await this.settleReturns(accountId, line, sku);
      const again = await this.readLine(lineId);
      if (
        again &&
        again.quantity === line.quantity &&
        again.cancelled === line.cancelled &&
        again.shipped === line.shipped &&
        again.returned === line.returned &&
        again.taken === line.taken
      ) {
        await this.tx.session().run('UPDATE order_line SET applied_cancelled = ?, applied_shipped = ?, applied_returned = ? WHERE id = ?', [
          line.cancelled, line.shipped, returned === 'waiting' ? line.returnedBeforeCutover : returned, lineId,
        ]);
        return returned === 'waiting' ? 'return waiting' : 'settled';
      }
    }
    throw new Error(`order line ${lineId} kept changing while it was being settled`);
  }

  private async settleUnit(accountId: string, line: LineState, sku: string, unit: number): Promise<void> {
    const key = `ingest:${accountId}:${line.orderId}:${line.lineId}:${unit}`;
    const released = unit > line.quantity - line.cancelled;
    const committed = !released && unit <= line.shipped;
    if (released && !(await this.wasReserved(key))) return;
    const reservation = await this.ledger.reserve({
      idempotencyKey: key,
      sku,
      quantity: 1,
      order: { channel: accountId, orderId: line.orderId, lineId: line.lineId },
      alreadySold: true,
    });
    if (released) {
      await this.ledger.release({ idempotencyKey: `${key}:release`, reservationId: reservation.reservationId, reason: 'cancelled' }).catch(ignoreClosed);
    } else if (committed) {
      await this.ledger.commit({ idempotencyKey: `${key}:commit`, reservationId: reservation.reservationId }).catch(ignoreClosed);
    }
  }

  /**
   * Books the line's returned units as return movements to the account's returns location, unit by
   * unit under their own idempotency keys, so a repeated or reordered event books each unit once.
   * Only units the ledger saw ship come back: a return reported before its shipment waits for it.
   * Units back before cut-over are in the opening stock already. A unit booked earlier is never
   * booked again, even if the returns location changed since. Returns the units the ledger holds
   * as returned, or 'waiting' when there is nowhere to book them.
   */
  private async settleReturns(accountId: string, line: LineState, sku: string): Promise<number | 'waiting'> {
    const due = Math.min(line.returned, line.shipped);
    if (due <= line.returnedBeforeCutover) return line.returnedBeforeCutover;
    const location = await this.returns.locationFor(accountId);
    if (location === null) return 'waiting';
    const parts = await this.stockParts(line.productId as number, sku);
    for (let unit = line.returnedBeforeCutover + 1; unit <= due; unit++) {
      for (const part of parts) {
        const key = `ingest:${accountId}:${line.orderId}:${line.lineId}:${unit}:return${parts.length > 1 || part.sku !== sku ? `:${part.sku}` : ''}`;
        if (await this.wasReserved(key)) continue;
        await this.ledger.returnStock({ idempotencyKey: key, sku: part.sku, location, quantity: part.quantity, reference: { type: 'order', id: line.orderId } });
      }
    }
    return due;
  }

  /** What one unit of a product is in stock: itself, or a bundle's components with their quantities. */
  private async stockParts(productId: number, sku: string): Promise<{ sku: string; quantity: number }[]> {
    const components = await this.tx.session().all<{ code: string; quantity: number }>(
      'SELECT p.code, bc.quantity FROM bundle_component bc JOIN product p ON p.id = bc.component_id WHERE bc.bundle_id = ? ORDER BY p.code',
      [productId],
    );
    return components.length > 0 ? components.map((c) => ({ sku: c.code, quantity: Number(c.quantity) })) : [{ sku, quantity: 1 }];
  }

  private async wasReserved(key: string): Promise<boolean> {
    return (await this.tx.session().first('SELECT key FROM ledger_command WHERE key = ?', [key])) !== undefined;
  }

  private async readLine(id: number): Promise<LineState | undefined> {
    const row = await this.tx.session().first<Record<string, unknown>>(
      'SELECT id, quantity, cancelled, shipped, returned, taken, product_id, order_id, line_id, shipped_before_cutover, returned_before_cutover FROM order_line WHERE id = ?',
      [id],
    );
    return row ? toState(row) : undefined;
  }

  private async productCode(productId: number): Promise<string> {
    const row = await this.tx.session().first<{ code: string }>('SELECT code FROM product WHERE id = ?', [productId]);
    if (!row) throw new Error(`product ${productId} of an order line does not exist`);
    return row.code;
  }
}

function toState(row: Record<string, unknown>, event?: OrderEvent): LineState {
  return {
    id: Number(row['id']),
    quantity: Number(row['quantity']),
    cancelled: Number(row['cancelled']),
    shipped: Number(row['shipped']),
    returned: Number(row['returned'] ?? 0),
    taken: row['taken'] === true || row['taken'] === 1,
    productId: row['product_id'] === null || row['product_id'] === undefined ? null : Number(row['product_id']),
    orderId: event ? event.orderId : String(row['order_id']),
    lineId: event ? event.lineId : String(row['line_id']),
    shippedBeforeCutover: Number(row['shipped_before_cutover'] ?? 0),
    returnedBeforeCutover: Number(row['returned_before_cutover'] ?? 0),
  };
}

function bool(sql: SqlSession, value: boolean): boolean | number {
  return sql.isPostgres ? value : value ? 1 : 0;
}

/** A unit already shipped cannot be released and the reverse: the first state the ledger took stands. */
function ignoreClosed(error: unknown): void {
  if ((error as { code?: string }).code !== 'invalid_state') throw error;
}
