import type { RunMetrics } from '../engine/run-metrics';
import type { Scenario } from '../engine/scenario.types';
import type { PlanStock } from '../input/plan.schema';
import { DAY_MS, formatTokyoDate, tokyoDayNumber } from '../input/tokyo-time';
import type { SkuRisk } from '../engine/policy-summary';
import { newsvendorQuantity } from './newsvendor';

/**
 * Replenishment per SKU: the window's simulated demand (policy-independent: every policy meets the
 * same buyers) at the critical ratio, less the stock the window opens with and what arrives in it.
 * The order must be placed one lead time before the campaign starts; a SKU is at risk when that day
 * has passed while it needs an order, or when it is likely to sell out or to oversell under the
 * policy the plan lists first.
 */
export interface Replenishment {
  readonly sku: string;
  readonly targetStock: number;
  readonly stockAtStart: number;
  readonly inboundInWindow: number;
  readonly orderQuantity: number;
  readonly leadTimeDays: number;
  /** Campaign start − lead time (Tokyo date). */
  readonly orderBy: string;
}

export type RiskReason = 'order-too-late' | 'likely-stock-out' | 'oversells';

export interface AtRiskSku {
  readonly sku: string;
  readonly reasons: readonly RiskReason[];
  readonly stockOutProbability: number;
  readonly orderQuantity: number;
  readonly orderBy: string;
}

export const LIKELY_STOCK_OUT = 0.5;
/** An oversell in one run out of ten is a pattern worth acting on; a one-off is noise. */
export const LIKELY_OVERSELL = 0.1;

export function planReplenishment(
  scenario: Scenario,
  stock: readonly PlanStock[],
  runs: readonly RunMetrics[],
  ratio: number,
  campaignStart: number,
): Replenishment[] {
  return scenario.skus.map((sku, s) => {
    const item = stock.find((row) => row.sku === sku.sku);
    const leadTimeDays = item?.leadTimeDays ?? 0;
    const targetStock = newsvendorQuantity(
      runs.map((run) => run.skuDemand[s]),
      ratio,
    );
    const inboundInWindow = sku.inbound.reduce((sum, row) => sum + row.quantity, 0);
    const orderByDay = tokyoDayNumber(campaignStart - leadTimeDays * DAY_MS);
    return {
      sku: sku.sku,
      targetStock,
      stockAtStart: sku.initial,
      inboundInWindow,
      orderQuantity: Math.max(0, targetStock - sku.initial - inboundInWindow),
      leadTimeDays,
      orderBy: formatTokyoDate(orderByDay),
    };
  });
}

export function flagAtRisk(
  replenishment: readonly Replenishment[],
  risks: readonly SkuRisk[],
  asOf: number,
): AtRiskSku[] {
  const today = formatTokyoDate(tokyoDayNumber(asOf));
  return replenishment.flatMap((row, s) => {
    const risk = risks[s];
    const reasons: RiskReason[] = [];
    if (row.orderQuantity > 0 && row.orderBy < today) reasons.push('order-too-late');
    if (risk.stockOutProbability >= LIKELY_STOCK_OUT) reasons.push('likely-stock-out');
    if (risk.oversellProbability >= LIKELY_OVERSELL) reasons.push('oversells');
    return reasons.length === 0
      ? []
      : [
          {
            sku: row.sku,
            reasons,
            stockOutProbability: risk.stockOutProbability,
            orderQuantity: row.orderQuantity,
            orderBy: row.orderBy,
          },
        ];
  });
}
