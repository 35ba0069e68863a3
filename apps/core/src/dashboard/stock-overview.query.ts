import type { MikroORM } from '@mikro-orm/core';
import { StockQueryService, TransactionRunner, type SqlSession } from '@urikiri/inventory';
import type { StockOverviewParams } from './stock-overview.schema';
import type { ProductRef, SkuRisk, StockRisks } from './stock-risks';

export interface StockOverviewRow {
  sku: string;
  name: string;
  kind: 'sku' | 'bundle';
  onHand: number;
  reserved: number;
  /** Sellable units (a bundle: complete sets). */
  available: number;
  lowStock: boolean;
  /** The rule set in force can oversell this SKU or show it sold out while units exist. */
  atRisk: boolean;
  /** Why it is at risk (empty when it is not); a bundle's risks are its components'. */
  risks: SkuRisk[];
  listings: { total: number; owed: number; deadLetters: number; drifting: number };
}

export interface StockOverview {
  items: StockOverviewRow[];
  total: number;
  lowStockThreshold: number;
}

type Row = Record<string, unknown>;

/**
 * Many SKUs at once with their stock and the state of their listings: the dashboard's stock list.
 * One query per page (the per-SKU views are one call per SKU), filtered in SQL so that "which SKUs
 * have dead letters" pages through the whole catalogue, not only the page in view. "At risk" comes from
 * the rule engine, not from SQL: it assesses the listed SKUs matching the search, then pages in SQL.
 */
export class StockOverviewQuery {
  private readonly tx: TransactionRunner;

  constructor(
    orm: MikroORM,
    private readonly stock: StockQueryService,
    private readonly lowStockThreshold: number,
    private readonly risks: StockRisks,
  ) {
    this.tx = new TransactionRunner(orm);
  }

  async read(query: StockOverviewParams): Promise<StockOverview> {
    const sql = this.tx.session();
    const yes = sql.isPostgres ? 'TRUE' : '1';
    const sellable = `(SELECT COALESCE(SUM(sl.on_hand - sl.reserved), 0) FROM stock_level sl JOIN location loc ON loc.id = sl.location_id
       WHERE sl.product_id = p.id AND loc.kind = 'warehouse' AND loc.sellable = ${yes})`;
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (query.search) {
      const pattern = `%${query.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(`(LOWER(p.code) LIKE ? ESCAPE '\\' OR LOWER(p.name) LIKE ? ESCAPE '\\' OR p.jan LIKE ? ESCAPE '\\')`);
      params.push(pattern, pattern, pattern);
    }
    let risks: Map<string, SkuRisk[]> | null = null;
    if (query.filter === 'at-risk') {
      // The search conditions are the only ones so far: only the SKUs matching it are assessed.
      risks = await this.risks.of(await this.soldProducts(sql, conditions, params), query.lang);
      const codes = [...risks.keys()];
      conditions.push(codes.length > 0 ? `p.code IN (${codes.map(() => '?').join(', ')})` : '1 = 0');
      params.push(...codes);
    }
    if (query.filter === 'low-stock') {
      conditions.push(`p.kind = 'sku' AND ${sellable} <= ?`);
      params.push(this.lowStockThreshold);
    }
    if (query.filter === 'dead-letter')
      conditions.push(`EXISTS (SELECT 1 FROM listing l WHERE l.product_id = p.id AND l.dead_letter = ${yes})`);
    if (query.filter === 'drift') conditions.push(`EXISTS (SELECT 1 FROM listing l WHERE l.product_id = p.id AND ${drifting(yes)})`);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const total = Number((await sql.first(`SELECT COUNT(*) AS n FROM product p ${where}`, params))?.['n'] ?? 0);
    const products = await sql.all(`SELECT p.id, p.code, p.name, p.kind FROM product p ${where} ORDER BY p.code LIMIT ? OFFSET ?`, [
      ...params,
      query.limit,
      query.offset,
    ]);
    const ids = products.map((p) => Number(p['id']));
    const [stock, listings] = ids.length > 0 ? await Promise.all([this.stockOf(sql, ids), this.listingsOf(sql, ids)]) : [[], []];
    const inPage = ids.length > 0 ? [`p.id IN (${ids.map(() => '?').join(', ')})`] : ['1 = 0'];
    const reasons = risks ?? (await this.risks.of(await this.soldProducts(sql, inPage, ids), query.lang));
    const items = await Promise.all(
      products.map(async (p) => {
        const id = Number(p['id']);
        const kind = p['kind'] === 'bundle' ? 'bundle' : 'sku';
        const s = stock.find((row) => Number(row['product_id']) === id) ?? {};
        const l = listings.find((row) => Number(row['product_id']) === id) ?? {};
        // A bundle's sets follow from its components: the ledger's own view derives them.
        const available = kind === 'bundle' ? (await this.stock.stock(String(p['code']))).available : Number(s['available'] ?? 0);
        const risks = reasons.get(String(p['code'])) ?? [];
        return {
          sku: String(p['code']),
          name: String(p['name']),
          kind,
          onHand: Number(s['on_hand'] ?? 0),
          reserved: Number(s['reserved'] ?? 0),
          available,
          lowStock: kind === 'sku' && available <= this.lowStockThreshold,
          atRisk: risks.length > 0,
          risks,
          listings: {
            total: Number(l['total'] ?? 0),
            owed: Number(l['owed'] ?? 0),
            deadLetters: Number(l['dead_letters'] ?? 0),
            drifting: Number(l['drifting'] ?? 0),
          },
        } satisfies StockOverviewRow;
      }),
    );
    return { items, total, lowStockThreshold: this.lowStockThreshold };
  }

  /**
   * The products matching `conditions` that some listing sells, itself or as a bundle's component:
   * the only ones whose allocation can put them at risk.
   */
  private async soldProducts(sql: SqlSession, conditions: readonly string[], params: readonly unknown[]): Promise<ProductRef[]> {
    const sold = `(EXISTS (SELECT 1 FROM listing l WHERE l.product_id = p.id)
      OR EXISTS (SELECT 1 FROM bundle_component bc JOIN listing l ON l.product_id = bc.bundle_id WHERE bc.component_id = p.id))`;
    const rows = await sql.all(`SELECT p.id, p.code FROM product p WHERE ${[...conditions, sold].join(' AND ')} ORDER BY p.code`, [...params]);
    return rows.map((r) => ({ id: Number(r['id']), code: String(r['code']) }));
  }

  private stockOf(sql: SqlSession, ids: number[]): Promise<Row[]> {
    const yes = sql.isPostgres ? 'TRUE' : '1';
    return sql.all(
      `SELECT sl.product_id, SUM(sl.on_hand) AS on_hand, SUM(sl.reserved) AS reserved,
         SUM(CASE WHEN loc.sellable = ${yes} THEN sl.on_hand - sl.reserved ELSE 0 END) AS available
       FROM stock_level sl JOIN location loc ON loc.id = sl.location_id
       WHERE loc.kind = 'warehouse' AND sl.product_id IN (${ids.map(() => '?').join(', ')}) GROUP BY sl.product_id`,
      ids,
    );
  }

  private listingsOf(sql: SqlSession, ids: number[]): Promise<Row[]> {
    const yes = sql.isPostgres ? 'TRUE' : '1';
    return sql.all(
      `SELECT l.product_id, COUNT(*) AS total,
         SUM(CASE WHEN l.dirty = ${yes} AND l.active = ${yes} AND l.dead_letter <> ${yes} THEN 1 ELSE 0 END) AS owed,
         SUM(CASE WHEN l.dead_letter = ${yes} THEN 1 ELSE 0 END) AS dead_letters,
         SUM(CASE WHEN ${drifting(yes)} THEN 1 ELSE 0 END) AS drifting
       FROM listing l WHERE l.product_id IN (${ids.map(() => '?').join(', ')}) GROUP BY l.product_id`,
      ids,
    );
  }
}

/** An active listing whose channel (as far as we know) shows something other than its target. */
function drifting(yes: string): string {
  return `(l.active = ${yes} AND l.target IS NOT NULL AND (l.last_published IS NULL OR l.last_published <> l.target))`;
}
