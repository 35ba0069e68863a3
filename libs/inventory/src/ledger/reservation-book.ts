import { randomUUID } from 'node:crypto';
import type { SqlSession } from '../persistence/sql-session';
import type { TransactionRunner } from '../persistence/transaction-runner';
import { CatalogLookup, countsForSale, type ResolvedLocation, type ResolvedProduct } from './catalog-lookup';
import type { Clock, CommandRunner } from './command-runner';
import { claimCommands, forgetCommands, priorResults, storeResults, type CommandClaim } from './idempotency';
import {
  commitCommandSchema,
  confirmCommandSchema,
  releaseCommandSchema,
  reserveCommandSchema,
  type CommitCommand,
  type ConfirmCommand,
  type ParsedReserveCommand,
  type ReleaseCommand,
  type ReserveCommand,
} from './ledger-commands.schema';
import { InsufficientStockError, InvalidStateError, LedgerError, NotFoundError } from './ledger-errors';
import type { ReservationResult } from './ledger-results';
import { requestHash } from './request-hash';
import {
  freeUnits,
  insertMovements,
  insertOutbox,
  reserveAcrossLocations,
  reserveAtOneLocation,
  unreserve,
  type MovementRow,
  type Take,
} from './stock-writes';
import { validate } from './validate';

interface Pending {
  index: number;
  cmd: ParsedReserveCommand;
  claim: CommandClaim;
  product: ResolvedProduct;
  allowed: number[];
}

interface Outcome {
  takes: Array<{ productId: number } & Take>;
  shortfalls: Array<{ productId: number; quantity: number }>;
}

/** Reservations for order lines: reserve, commit (shipped), release (cancelled / expired). */
export class ReservationBook {
  private readonly lookup = new CatalogLookup();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly commands: CommandRunner,
    private readonly clock: Clock,
  ) {}

  /**
   * Reserves many order lines in ONE transaction; each line succeeds or fails on its own. Lines for
   * the same SKU are first tried as one conditional update of their total, which is what lets a
   * hot SKU take far more reservations per second than one transaction per line would.
   */
  async reserveMany(inputs: ReserveCommand[]): Promise<Array<ReservationResult | LedgerError>> {
    const results: Array<ReservationResult | LedgerError | undefined> = new Array(inputs.length);
    const reader = this.tx.session();
    const parsed = inputs.map((input, index) => {
      try {
        return { index, cmd: validate(reserveCommandSchema, input) };
      } catch (error) {
        results[index] = error as LedgerError;
        return undefined;
      }
    });
    const valid = parsed.filter((p): p is { index: number; cmd: ParsedReserveCommand } => p !== undefined);
    const products = await this.lookup.products(reader, valid.map((p) => p.cmd.sku));
    const locations = await this.lookup.locations(reader);
    const seenKeys = new Set<string>();
    const pending: Pending[] = [];
    const repeats: Pending[] = [];
    for (const { index, cmd } of valid) {
      const product = products.get(cmd.sku);
      if (!product) {
        results[index] = new NotFoundError('product', cmd.sku);
        continue;
      }
      if (product.kind === 'bundle' && product.components.length === 0) {
        results[index] = new InvalidStateError(`bundle '${cmd.sku}' has no components`);
        continue;
      }
      let allowed: number[];
      try {
        allowed = allowedLocations(locations, cmd.locations);
      } catch (error) {
        results[index] = error as LedgerError;
        continue;
      }
      const entry: Pending = {
        index,
        cmd,
        claim: { key: cmd.idempotencyKey, operation: 'reserve', hash: requestHash('reserve', cmd) },
        product,
        allowed,
      };
      if (seenKeys.has(cmd.idempotencyKey)) repeats.push(entry);
      else {
        seenKeys.add(cmd.idempotencyKey);
        pending.push(entry);
      }
    }

    if (pending.length > 0) {
      const now = this.clock();
      const written = await this.tx.run((sql) => this.applyReservations(sql, pending, locations, now));
      for (const [index, value] of written.results) results[index] = value;
      repeats.push(...pending.filter((p) => written.repeated.has(p.claim.key)));
    }
    if (repeats.length > 0) {
      const prior = await priorResults<ReservationResult>(this.tx.session(), repeats.map((r) => r.claim));
      for (const r of repeats) results[r.index] = prior.get(r.claim.key) as ReservationResult | LedgerError;
    }
    return results as Array<ReservationResult | LedgerError>;
  }

  private async applyReservations(sql: SqlSession, pending: Pending[], locations: ResolvedLocation[], now: Date) {
    const claimed = await claimCommands(sql, pending.map((p) => p.claim), now);
    const fresh = pending.filter((p) => claimed.has(p.claim.key));
    const outcomes = new Map<Pending, Outcome>();
    const failures = new Map<Pending, LedgerError>();

    // Plain SKU lines without a location restriction, grouped per SKU: one conditional update each.
    const groups = new Map<number, Pending[]>();
    const individual: Pending[] = [];
    for (const p of fresh) {
      if (p.product.kind === 'sku' && !p.cmd.locations) {
        const group = groups.get(p.product.id) ?? [];
        group.push(p);
        groups.set(p.product.id, group);
      } else individual.push(p);
    }
    for (const [productId, group] of [...groups].sort((a, b) => a[0] - b[0])) {
      const total = group.reduce((sum, p) => sum + p.cmd.quantity, 0);
      const locationId = group.length > 1 ? await reserveAtOneLocation(sql, productId, total, group[0].allowed) : undefined;
      if (locationId !== undefined) {
        for (const p of group) {
          outcomes.set(p, { takes: [{ productId, locationId, quantity: p.cmd.quantity }], shortfalls: [] });
        }
      } else individual.push(...group);
    }
    individual.sort((a, b) => a.index - b.index);
    for (const [i, p] of individual.entries()) {
      const savepoint = `reserve_${i}`;
      await sql.run(`SAVEPOINT ${savepoint}`);
      try {
        outcomes.set(p, await this.reserveLine(sql, p));
        await sql.run(`RELEASE SAVEPOINT ${savepoint}`);
      } catch (error) {
        if (!(error instanceof LedgerError || error instanceof LineDoesNotFit)) throw error;
        await sql.run(`ROLLBACK TO SAVEPOINT ${savepoint}`);
        failures.set(p, error instanceof LineDoesNotFit ? new InsufficientStockError(p.product.code, p.cmd.quantity, await this.freeFor(sql, p)) : error);
      }
    }

    const codeOf = new Map(locations.map((l) => [l.id, l.code]));
    const skuCode = (p: Pending, productId: number) =>
      p.product.components.find((c) => c.productId === productId)?.code ?? p.product.code;
    const results = new Map<number, ReservationResult | LedgerError>();
    const movements: MovementRow[] = [];
    const stored: Array<{ key: string; result: ReservationResult }> = [];
    const touched = new Set<number>();
    const reservationRows: unknown[][] = [];
    const allocationRows: unknown[][] = [];
    const backorderRows: unknown[][] = [];
    for (const [p, outcome] of outcomes) {
      const id = randomUUID();
      const status = outcome.shortfalls.length > 0 ? 'backordered' : 'held';
      reservationRows.push([
        id, p.product.id, p.cmd.quantity, status, p.cmd.order.channel ?? null, p.cmd.order.orderId, p.cmd.order.lineId,
        p.cmd.expiresAt ? sql.date(p.cmd.expiresAt) : null, sql.date(now),
      ]);
      for (const take of outcome.takes) {
        allocationRows.push([id, take.productId, take.locationId, take.quantity]);
        movements.push({
          kind: 'reservation', productId: take.productId, locationId: take.locationId, onHandDelta: 0,
          reservedDelta: take.quantity, referenceType: 'order', referenceId: p.cmd.order.orderId, reservationId: id,
          commandKey: p.claim.key,
        });
        touched.add(take.productId);
      }
      for (const s of outcome.shortfalls) {
        backorderRows.push([id, s.productId, s.quantity, s.quantity, 'open', p.cmd.order.channel ?? null, p.cmd.order.orderId, sql.date(now)]);
      }
      const result: ReservationResult = {
        reservationId: id,
        sku: p.product.code,
        quantity: p.cmd.quantity,
        status,
        allocations: outcome.takes.map((t) => ({ sku: skuCode(p, t.productId), location: codeOf.get(t.locationId) ?? String(t.locationId), quantity: t.quantity })),
        backordered: outcome.shortfalls.map((s) => ({ sku: skuCode(p, s.productId), quantity: s.quantity })),
      };
      results.set(p.index, result);
      stored.push({ key: p.claim.key, result });
    }
    for (const [p, error] of failures) results.set(p.index, error);

    await insertRows(sql, 'reservation', ['id', 'product_id', 'quantity', 'status', 'channel', 'order_id', 'line_id', 'expires_at', 'created_at'], reservationRows);
    await insertRows(sql, 'reservation_allocation', ['reservation_id', 'product_id', 'location_id', 'quantity'], allocationRows);
    await insertRows(sql, 'backorder', ['reservation_id', 'product_id', 'quantity', 'open_quantity', 'status', 'channel', 'order_id', 'created_at'], backorderRows);
    await insertMovements(sql, movements, now);
    await insertOutbox(sql, touched, now);
    await storeResults(sql, stored);
    await forgetCommands(sql, [...failures.keys()].map((p) => p.claim.key));
    const repeated = new Set(pending.filter((p) => !claimed.has(p.claim.key)).map((p) => p.claim.key));
    return { results, repeated };
  }

  /** One order line: every component in full, or (channel already sold it) what exists plus a backorder. */
  private async reserveLine(sql: SqlSession, p: Pending): Promise<Outcome> {
    const outcome: Outcome = { takes: [], shortfalls: [] };
    const components = [...p.product.components].sort((a, b) => a.productId - b.productId);
    for (const component of components) {
      const need = component.quantity * p.cmd.quantity;
      const single = await reserveAtOneLocation(sql, component.productId, need, p.allowed);
      const takes = single !== undefined ? [{ locationId: single, quantity: need }] : await reserveAcrossLocations(sql, component.productId, need, p.allowed);
      const got = takes.reduce((sum, t) => sum + t.quantity, 0);
      outcome.takes.push(...takes.map((t) => ({ productId: component.productId, ...t })));
      if (got < need) {
        if (!p.cmd.alreadySold) throw new LineDoesNotFit();
        outcome.shortfalls.push({ productId: component.productId, quantity: need - got });
      }
    }
    return outcome;
  }

  /** Units of the line's product that could be reserved (a bundle: complete sets from its components). */
  private async freeFor(sql: SqlSession, p: Pending): Promise<number> {
    let sets = Number.MAX_SAFE_INTEGER;
    for (const c of p.product.components) {
      sets = Math.min(sets, Math.floor((await freeUnits(sql, c.productId, p.allowed)) / c.quantity));
    }
    return sets;
  }

  async commit(input: CommitCommand): Promise<ReservationResult> {
    const cmd = validate(commitCommandSchema, input);
    return this.commands.run('commit', cmd, (sql, now) => this.settle(sql, cmd.reservationId, 'committed', cmd.quantity, cmd.idempotencyKey, null, now));
  }

  /** A cart hold (reserved with an expiry) is now an order: it no longer expires. */
  async confirm(input: ConfirmCommand): Promise<ReservationResult> {
    const cmd = validate(confirmCommandSchema, input);
    return this.commands.run('confirm', cmd, async (sql) => {
      const reservation = await sql.first<{ product_id: number; quantity: number; status: string }>(
        `SELECT product_id, quantity, status FROM reservation WHERE id = ?${sql.forUpdate}`,
        [cmd.reservationId],
      );
      if (!reservation) throw new NotFoundError('reservation', cmd.reservationId);
      if (reservation.status === 'committed' || reservation.status === 'released') {
        throw new InvalidStateError(`reservation '${cmd.reservationId}' is already ${reservation.status}`);
      }
      await sql.run('UPDATE reservation SET expires_at = NULL WHERE id = ?', [cmd.reservationId]);
      const codes = await this.codes(sql, [Number(reservation.product_id)], []);
      return {
        reservationId: cmd.reservationId,
        sku: codes.products.get(Number(reservation.product_id)) ?? String(reservation.product_id),
        quantity: Number(reservation.quantity),
        status: reservation.status as ReservationResult['status'],
        allocations: [],
        backordered: [],
      };
    });
  }

  async release(input: ReleaseCommand): Promise<ReservationResult> {
    const cmd = validate(releaseCommandSchema, input);
    return this.commands.run('release', cmd, (sql, now) => this.settle(sql, cmd.reservationId, 'released', cmd.quantity, cmd.idempotencyKey, cmd.reason, now));
  }

  /** Releases holds whose expiry has passed; answers how many were released. */
  async releaseExpired(now: Date = this.clock(), limit = 500): Promise<number> {
    const due = await this.tx
      .session()
      .all<{ id: string }>(
        `SELECT id FROM reservation WHERE status = 'held' AND expires_at IS NOT NULL AND expires_at <= ? ORDER BY expires_at LIMIT ?`,
        [this.tx.session().date(now), limit],
      );
    let released = 0;
    for (const { id } of due) {
      try {
        await this.release({ idempotencyKey: `expire:${id}`, reservationId: id, reason: 'expired' });
        released++;
      } catch (error) {
        // Committed or cancelled between the query and now: nothing left to expire.
        if (!(error instanceof InvalidStateError)) throw error;
      }
    }
    return released;
  }

  /**
   * Ships or gives back `quantity` of a reservation's open units (all of them when absent). A
   * release cancels the part still backordered first (those units never existed), then returns held
   * units, newest allocation first; a shipment takes held units only.
   */
  private async settle(
    sql: SqlSession,
    reservationId: string,
    to: 'committed' | 'released',
    requested: number | undefined,
    commandKey: string,
    reason: string | null,
    now: Date,
  ): Promise<ReservationResult> {
    const reservation = await sql.first<{ product_id: number; quantity: number; status: string; order_id: string }>(
      `SELECT product_id, quantity, status, order_id FROM reservation WHERE id = ?${sql.forUpdate}`,
      [reservationId],
    );
    if (!reservation) throw new NotFoundError('reservation', reservationId);
    const open = Number(reservation.quantity);
    if (reservation.status === 'committed' || reservation.status === 'released') {
      throw new InvalidStateError(`reservation '${reservationId}' is already ${reservation.status}`);
    }
    const sets = requested ?? open;
    if (sets > open) throw new InvalidStateError(`reservation '${reservationId}' has ${open} open; ${sets} requested`);
    const components = await this.componentsOf(sql, Number(reservation.product_id));
    const movements: MovementRow[] = [];
    const settled: Array<{ productId: number; locationId: number; quantity: number }> = [];
    const cancelled: Array<{ productId: number; quantity: number }> = [];
    for (const component of components) {
      let units = sets * component.quantity;
      const backorders = await sql.all<{ id: number; open_quantity: number }>(
        `SELECT id, open_quantity FROM backorder WHERE reservation_id = ? AND product_id = ? AND status = 'open' ORDER BY id DESC`,
        [reservationId, component.productId],
      );
      const short = backorders.reduce((sum, b) => sum + Number(b.open_quantity), 0);
      if (to === 'committed' && short > 0) {
        throw new InvalidStateError(`reservation '${reservationId}' still waits for ${short} backordered units; receive stock or release it`);
      }
      for (const b of backorders) {
        if (units === 0) break;
        const take = Math.min(units, Number(b.open_quantity));
        const left = Number(b.open_quantity) - take;
        await sql.run('UPDATE backorder SET open_quantity = ?, status = ?, closed_at = ? WHERE id = ?', [left, left === 0 ? 'cancelled' : 'open', left === 0 ? sql.date(now) : null, b.id]);
        cancelled.push({ productId: component.productId, quantity: take });
        units -= take;
      }
      const allocations = await sql.all<{ id: number; location_id: number; quantity: number }>(
        'SELECT id, location_id, quantity FROM reservation_allocation WHERE reservation_id = ? AND product_id = ? AND quantity > 0 ORDER BY id DESC',
        [reservationId, component.productId],
      );
      for (const a of allocations) {
        if (units === 0) break;
        const take = Math.min(units, Number(a.quantity));
        await sql.run('UPDATE reservation_allocation SET quantity = quantity - ? WHERE id = ? AND quantity >= ?', [take, a.id, take]);
        await unreserve(sql, component.productId, Number(a.location_id), take, to === 'committed');
        settled.push({ productId: component.productId, locationId: Number(a.location_id), quantity: take });
        movements.push({
          kind: to === 'committed' ? 'commit' : 'release', productId: component.productId, locationId: Number(a.location_id),
          onHandDelta: to === 'committed' ? -take : 0, reservedDelta: -take, referenceType: 'order', referenceId: reservation.order_id,
          reason, reservationId, commandKey,
        });
        units -= take;
      }
      if (units > 0) throw new Error(`reservation '${reservationId}' holds fewer units of product ${component.productId} than its open quantity`);
    }
    const left = open - sets;
    const stillShort = await sql.first<{ n: number }>("SELECT COUNT(*) AS n FROM backorder WHERE reservation_id = ? AND status = 'open'", [reservationId]);
    const status = left === 0 ? to : Number(stillShort?.n ?? 0) > 0 ? 'backordered' : 'held';
    await sql.run('UPDATE reservation SET quantity = ?, status = ?, closed_at = ? WHERE id = ?', [left, status, left === 0 ? sql.date(now) : null, reservationId]);
    await insertMovements(sql, movements, now);
    // Shipping removes reserved units only: availability is unchanged, so the channels need no update.
    if (to === 'released') await insertOutbox(sql, settled.map((s) => s.productId), now);
    const codes = await this.codes(sql, [Number(reservation.product_id), ...components.map((c) => c.productId)], settled.map((s) => s.locationId));
    return {
      reservationId,
      sku: codes.products.get(Number(reservation.product_id)) ?? String(reservation.product_id),
      quantity: left,
      status,
      allocations: settled.map((s) => ({ sku: codes.products.get(s.productId) ?? '', location: codes.locations.get(s.locationId) ?? '', quantity: s.quantity })),
      backordered: cancelled.map((c) => ({ sku: codes.products.get(c.productId) ?? '', quantity: c.quantity })),
    };
  }

  private async componentsOf(sql: SqlSession, productId: number): Promise<Array<{ productId: number; quantity: number }>> {
    const rows = await sql.all<{ component_id: number; quantity: number }>(
      'SELECT component_id, quantity FROM bundle_component WHERE bundle_id = ? ORDER BY component_id',
      [productId],
    );
    return rows.length ? rows.map((r) => ({ productId: Number(r.component_id), quantity: Number(r.quantity) })) : [{ productId, quantity: 1 }];
  }

  private async codes(sql: SqlSession, productIds: number[], locationIds: number[]) {
    const list = (ids: number[]) => (ids.length ? ids.map(() => '?').join(', ') : 'NULL');
    const products = await sql.all<{ id: number; code: string }>(`SELECT id, code FROM product WHERE id IN (${list(productIds)})`, productIds);
    const locations = await sql.all<{ id: number; code: string }>(`SELECT id, code FROM location WHERE id IN (${list(locationIds)})`, locationIds);
    return {
      products: new Map(products.map((p) => [Number(p.id), p.code])),
      locations: new Map(locations.map((l) => [Number(l.id), l.code])),
    };
  }
}

/** A line that does not fit: its savepoint is rolled back, then the error is built from the real figures. */
class LineDoesNotFit extends Error {}

function allowedLocations(locations: ResolvedLocation[], restrict: string[] | undefined): number[] {
  const sellable = locations.filter(countsForSale);
  if (!restrict) return sellable.map((l) => l.id);
  return restrict.map((code) => {
    const location = locations.find((l) => l.code === code);
    if (!location) throw new NotFoundError('location', code);
    if (!countsForSale(location)) throw new InvalidStateError(`location '${code}' is not for sale; reserve from a sellable warehouse`);
    return location.id;
  });
}

async function insertRows(sql: SqlSession, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const perStatement = Math.floor(900 / columns.length);
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    await sql.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`, chunk.flat());
  }
}
