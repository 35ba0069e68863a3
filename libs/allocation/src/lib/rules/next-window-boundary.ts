import type { CompiledRuleSet } from './compiled-rule-set';

/**
 * The next instant after `nowMs` at which a rule's window opens or closes, or null when no window
 * lies ahead. Allocation depends on which rules are in force, so the service re-allocates at that
 * instant even when no stock moves (a Super SALE ring-fence starting at 20:00 sharp).
 */
export function nextWindowBoundary(ruleSet: CompiledRuleSet, nowMs: number): number | null {
  let next = Infinity;
  for (const rule of ruleSet.rules) {
    for (const edge of [rule.fromMs, rule.toMs]) {
      if (Number.isFinite(edge) && edge > nowMs && edge < next) next = edge;
    }
  }
  return next === Infinity ? null : next;
}
