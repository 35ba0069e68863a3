import { assessRisks, isStockAtRisk, renderRisk, type StockRisk, type TraceLocale } from '@urikiri/allocation';
import type { AllocationPlanner } from '@urikiri/sync';
import type { RuleSetStore } from '../sync/rules/rule-set-store';

/** One reason a SKU's stock is at risk, as the rule preview words it. */
export interface SkuRisk {
  code: StockRisk['code'];
  severity: StockRisk['severity'];
  message: string;
}

export interface ProductRef {
  id: number;
  code: string;
}

/**
 * Which SKUs the rule set in force puts at risk of overselling or of showing sold out while units
 * exist: the rule preview's own assessment (`assessRisks`), run on each SKU's real allocation unit as
 * the planner reads it, so the stock list and the preview never disagree about a SKU.
 */
export class StockRisks {
  constructor(
    private readonly planner: AllocationPlanner,
    private readonly rules: RuleSetStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The at-risk reasons per SKU code, for the SKUs in the products' allocation units; SKUs not at risk are absent. */
  async of(products: readonly ProductRef[], locale: TraceLocale): Promise<Map<string, SkuRisk[]>> {
    const ruleSet = (await this.rules.active()).compiled;
    const now = this.clock();
    const found = new Map<string, SkuRisk[]>();
    // A unit holds every SKU and bundle sharing stock with the product: assessing it once answers for all of them.
    const assessed = new Set<string>();
    for (const product of products) {
      if (assessed.has(product.code)) continue;
      const unit = await this.planner.unitFor(product.id);
      for (const stock of unit.skus) assessed.add(stock.sku);
      for (const bundle of unit.bundles ?? []) assessed.add(bundle.bundleId);
      for (const risk of assessRisks(ruleSet, unit, { now }).risks.filter(isStockAtRisk)) {
        const reasons = found.get(risk.sku) ?? [];
        reasons.push({ code: risk.code, severity: risk.severity, message: renderRisk(risk, locale) });
        found.set(risk.sku, reasons);
      }
    }
    return found;
  }
}
