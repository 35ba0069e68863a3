import type { CompiledLimit, Decided } from '../rules/compiled-rule-set';
import type { TargetTable } from '../rules/target-table';
import type { ListingInput } from '../model/allocation-unit.types';
import type { TraceStep } from '../trace/trace-step.types';

/**
 * Min / max of one listing, in the listing's own units. Units above a max are held back rather
 * than handed to other channels: the split stays proportional and more stock never lowers anyone.
 */
export function applyLimits(
  quantity: number,
  limits: Decided<TargetTable<CompiledLimit>> | null,
  listing: ListingInput,
  trace: TraceStep[] | null,
): number {
  if (limits === null) return quantity;
  const limit = limits.value.lookup(listing.channel, listing.account)?.value;
  if (limit === undefined) return quantity;
  let shown = quantity;
  if (limit.max !== null && shown > limit.max) {
    trace?.push({
      code: 'max',
      ruleId: limits.ruleId,
      before: shown,
      max: limit.max,
      after: limit.max,
    });
    shown = limit.max;
  }
  if (limit.min !== null && shown < limit.min && shown > 0) {
    trace?.push({
      code: 'min',
      ruleId: limits.ruleId,
      before: shown,
      min: limit.min,
      after: 0,
    });
    shown = 0;
  }
  return shown;
}
