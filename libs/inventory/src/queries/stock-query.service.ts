import type { MikroORM } from '@mikro-orm/core';
import { z } from 'zod';
import { MOVEMENT_KINDS } from '../entities/movement.entity';
import type { SqlSession } from '../persistence/sql-session';
import { TransactionRunner } from '../persistence/transaction-runner';
import { CatalogLookup } from '../ledger/catalog-lookup';
import { validate } from '../ledger/validate';
import type { BackorderView, LocationStock, MovementView, SkuStock } from './stock-views';

export const movementQuerySchema = z.object({
  sku: z.string().max(64).optional(),
  location: z.string().max(64).optional(),
  kind: z.enum(MOVEMENT_KINDS).optional(),
  referenceId: z.string().max(128).optional(),
  from: z.coerce.date({ error: 'must be an ISO-8601 date-time' }).optional(),
  to: z.coerce.date({ error: 'must be an ISO-8601 date-time' }).optional(),
  /** Keyset paging: movements with an id below this one (newest first). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type MovementQuery = z.input<typeof movementQuerySchema>;

const toDate = (v: unknown): string => new Date(typeof v === 'number' || typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as string | Date)).toISOString();

/** Read side of the ledger: stock per SKU and location, movement history, oversells. */
export class StockQueryService {
  private readonly tx: TransactionRunner;
  private readonly lookup = new CatalogLookup();

  constructor(orm: MikroORM) {
    this.tx = new TransactionRunner(orm);
  }

  async stock(code: string): Promise<SkuStock> {
    const sql = this.tx.session();
    const product = await this.lookup.product(sql, code);
    if (product.kind === 'sku') return this.skuStock(sql, product.id, code);
    const components = await Promise.all(product.components.map((c) => this.skuStock(sql, c.productId, c.code)));
    const available = Math.min(...components.map((s, i) => Math.floor(s.available / product.components[i].quantity)));
    return {
      sku: code,
      kind: 'bundle',
      onHand: 0,
      reserved: 0,
      available,
      backordered: 0,
      locations: [],
      components: components.map((s, i) => ({ sku: s.sku, quantity: product.components[i].quantity, available: s.available })),
    };
  }

  /** Available units of many SKUs at once (bundles derived), for allocation and dashboards. */
  async availableBySku(codes: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const code of codes) out.set(code, (await this.stock(code)).available);
    return out;
  }

  async movements(query: MovementQuery = {}): Promise<{ items: MovementView[]; nextBefore: number | null }> {
    const q = validate(movementQuerySchema, query);
    const sql = this.tx.session();
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.sku) {
      where.push('p.code = ?');
      params.push(q.sku);
    }
    if (q.location) {
      where.push('l.code = ?');
      params.push(q.location);
    }
    if (q.kind) {
      where.push('m.kind = ?');
      params.push(q.kind);
    }
    if (q.referenceId) {
      where.push('m.reference_id = ?');
      params.push(q.referenceId);
    }
    if (q.from) {
      where.push('m.created_at >= ?');
      params.push(sql.date(q.from));
    }
    if (q.to) {
      where.push('m.created_at < ?');
      params.push(sql.date(q.to));
    }
    if (q.before) {
      where.push('m.id < ?');
      params.push(q.before);
    }
    const rows = await sql.all<Record<string, unknown>>(
      `SELECT m.id, m.kind, p.code AS sku, l.code AS location, m.on_hand_delta, m.reserved_delta, m.reference_type,
              m.reference_id, m.reason, m.reservation_id, m.command_key, m.created_at
       FROM movement m JOIN product p ON p.id = m.product_id JOIN location l ON l.id = m.location_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.id DESC LIMIT ?`,
      [...params, q.limit + 1],
    );
    const items = rows.slice(0, q.limit).map((r) => ({
      id: Number(r['id']),
      kind: String(r['kind']),
      sku: String(r['sku']),
      location: String(r['location']),
      onHandDelta: Number(r['on_hand_delta']),
      reservedDelta: Number(r['reserved_delta']),
      reference: r['reference_type'] ? { type: String(r['reference_type']), id: String(r['reference_id']) } : null,
      reason: (r['reason'] as string | null) ?? null,
      reservationId: (r['reservation_id'] as string | null) ?? null,
      idempotencyKey: String(r['command_key']),
      at: toDate(r['created_at']),
    }));
    return { items, nextBefore: rows.length > q.limit ? items[items.length - 1].id : null };
  }

  /** Oversells: every time a channel sold units we did not have. */
  async backorders(filter: { status?: 'open' | 'filled' | 'cancelled'; sku?: string } = {}): Promise<BackorderView[]> {
    const sql = this.tx.session();
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) {
      where.push('b.status = ?');
      params.push(filter.status);
    }
    if (filter.sku) {
      where.push('p.code = ?');
      params.push(filter.sku);
    }
    const rows = await sql.all<Record<string, unknown>>(
      `SELECT b.id, p.code AS sku, b.quantity, b.open_quantity, b.status, b.channel, b.order_id, b.reservation_id, b.created_at
       FROM backorder b JOIN product p ON p.id = b.product_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY b.id DESC LIMIT 1000`,
      params,
    );
    return rows.map((r) => ({
      id: Number(r['id']),
      sku: String(r['sku']),
      quantity: Number(r['quantity']),
      openQuantity: Number(r['open_quantity']),
      status: r['status'] as BackorderView['status'],
      channel: (r['channel'] as string | null) ?? null,
      orderId: String(r['order_id']),
      reservationId: String(r['reservation_id']),
      at: toDate(r['created_at']),
    }));
  }

  /**
   * The figure the product exists to keep at zero: order lines a channel sold beyond our stock
   * (however many reservations a line was booked as), and units, all time.
   */
  async oversellCount(): Promise<{ events: number; units: number; openUnits: number }> {
    const row = await this.tx.session().first<{ events: number; units: number | null; open_units: number | null }>(
      `SELECT COUNT(DISTINCT r.order_id || ':' || r.line_id) AS events, SUM(b.quantity) AS units,
              SUM(CASE WHEN b.status = 'open' THEN b.open_quantity ELSE 0 END) AS open_units
       FROM backorder b JOIN reservation r ON r.id = b.reservation_id`,
    );
    return { events: Number(row?.events ?? 0), units: Number(row?.units ?? 0), openUnits: Number(row?.open_units ?? 0) };
  }

  private async skuStock(sql: SqlSession, productId: number, code: string): Promise<SkuStock> {
    const rows = await sql.all<{ location: string; kind: 'warehouse' | 'channel_held'; sellable: unknown; on_hand: number; reserved: number }>(
      `SELECT l.code AS location, l.kind, l.sellable, sl.on_hand, sl.reserved FROM stock_level sl
       JOIN location l ON l.id = sl.location_id WHERE sl.product_id = ? ORDER BY l.priority, l.id`,
      [productId],
    );
    const locations: LocationStock[] = rows.map((r) => {
      const sellable = r.sellable === true || r.sellable === 1;
      return { location: r.location, kind: r.kind, sellable, onHand: Number(r.on_hand), reserved: Number(r.reserved), available: Number(r.on_hand) - Number(r.reserved) };
    });
    const own = locations.filter((l) => l.kind === 'warehouse');
    const open = await sql.first<{ units: number | null }>(
      "SELECT SUM(open_quantity) AS units FROM backorder WHERE product_id = ? AND status = 'open'",
      [productId],
    );
    return {
      sku: code,
      kind: 'sku',
      onHand: own.reduce((s, l) => s + l.onHand, 0),
      reserved: own.reduce((s, l) => s + l.reserved, 0),
      available: own.filter((l) => l.sellable).reduce((s, l) => s + l.available, 0),
      backordered: Number(open?.units ?? 0),
      locations,
    };
  }
}
