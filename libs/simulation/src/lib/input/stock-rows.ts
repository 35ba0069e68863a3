import type { StockRow } from './import-formats';
import type { PlanStock } from './plan.schema';

/** The stock CSV's rows in the plan's shape, so both sources feed the simulation alike. */
export function stockRowsToPlanStock(rows: readonly StockRow[]): PlanStock[] {
  return rows.map((row) => ({
    sku: row.sku,
    onHand: row.on_hand,
    leadTimeDays: row.lead_time_days,
    category: row.category === '' ? undefined : row.category,
    tags: row.tags.length > 0 ? [...row.tags] : undefined,
  }));
}
