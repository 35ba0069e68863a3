import type { Rule } from './rule-set.schema';

/**
 * The independent settings a rule can carry. For each of them separately, the most specific
 * matching rule decides, so a tag rule can change the safety stock while the shares still come
 * from the rule for all SKUs.
 */
export const ASPECTS = [
  'mode',
  'safetyStock',
  'shares',
  'priority',
  'ringFences',
  'limits',
] as const;
export type Aspect = (typeof ASPECTS)[number];

export function definesAspect(rule: Rule, aspect: Aspect): boolean {
  return rule[aspect] !== undefined;
}

/** SKU lists beat tags and categories, which beat rules for every SKU. */
export function scopeSpecificity(rule: Rule): number {
  if (rule.scope?.skus !== undefined) return 2;
  if (rule.scope?.tags !== undefined || rule.scope?.categories !== undefined)
    return 1;
  return 0;
}
