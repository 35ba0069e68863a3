import type { SqlSession } from '../persistence/sql-session';
import { NotFoundError } from './ledger-errors';

export interface ResolvedProduct {
  id: number;
  code: string;
  kind: 'sku' | 'bundle';
  /** For a bundle, its components (SKUs) and units per bundle; for a SKU, itself × 1. */
  components: Array<{ productId: number; code: string; quantity: number }>;
}

export interface ResolvedLocation {
  id: number;
  code: string;
  kind: 'warehouse' | 'channel_held';
  sellable: boolean;
  priority: number;
}

/** Resolves the codes a command names into ids, once per call, outside the stock transaction. */
export class CatalogLookup {
  async products(sql: SqlSession, codes: string[]): Promise<Map<string, ResolvedProduct>> {
    const unique = [...new Set(codes)];
    const out = new Map<string, ResolvedProduct>();
    if (unique.length === 0) return out;
    const rows = await sql.all<{ id: number; code: string; kind: 'sku' | 'bundle' }>(
      `SELECT id, code, kind FROM product WHERE code IN (${unique.map(() => '?').join(', ')})`,
      unique,
    );
    const bundleIds = rows.filter((r) => r.kind === 'bundle').map((r) => r.id);
    const components = bundleIds.length
      ? await sql.all<{ bundle_id: number; component_id: number; code: string; quantity: number }>(
          `SELECT bc.bundle_id, bc.component_id, p.code, bc.quantity FROM bundle_component bc
           JOIN product p ON p.id = bc.component_id
           WHERE bc.bundle_id IN (${bundleIds.map(() => '?').join(', ')}) ORDER BY bc.component_id`,
          bundleIds,
        )
      : [];
    for (const row of rows) {
      const id = Number(row.id);
      out.set(row.code, {
        id,
        code: row.code,
        kind: row.kind,
        components:
          row.kind === 'bundle'
            ? components
                .filter((c) => Number(c.bundle_id) === id)
                .map((c) => ({ productId: Number(c.component_id), code: c.code, quantity: Number(c.quantity) }))
            : [{ productId: id, code: row.code, quantity: 1 }],
      });
    }
    return out;
  }

  async product(sql: SqlSession, code: string): Promise<ResolvedProduct> {
    const found = (await this.products(sql, [code])).get(code);
    if (!found) throw new NotFoundError('product', code);
    return found;
  }

  async locations(sql: SqlSession): Promise<ResolvedLocation[]> {
    const rows = await sql.all<{ id: number; code: string; kind: 'warehouse' | 'channel_held'; sellable: unknown; priority: number }>(
      'SELECT id, code, kind, sellable, priority FROM location ORDER BY priority, id',
    );
    return rows.map((r) => ({
      id: Number(r.id),
      code: r.code,
      kind: r.kind,
      sellable: r.sellable === true || r.sellable === 1,
      priority: Number(r.priority),
    }));
  }

  async location(sql: SqlSession, code: string): Promise<ResolvedLocation> {
    const found = (await this.locations(sql)).find((l) => l.code === code);
    if (!found) throw new NotFoundError('location', code);
    return found;
  }
}

/** Whether units at a location count as ours to sell. */
export function countsForSale(location: ResolvedLocation): boolean {
  return location.kind === 'warehouse' && location.sellable;
}
