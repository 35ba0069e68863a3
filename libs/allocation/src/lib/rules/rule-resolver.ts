import type {
  CompiledLimit,
  CompiledPriority,
  CompiledRule,
  CompiledRuleSet,
  CompiledSafetyStock,
  CompiledShares,
  Decided,
} from './compiled-rule-set';
import type { Mode } from './rule-set.schema';
import type { TargetTable } from './target-table';

/** What a rule scope can match: a SKU or a bundle, by code, tags and category. */
export interface RuleSubject {
  readonly code: string;
  readonly tags?: readonly string[];
  readonly category?: string;
}

/** The settings in force for one SKU (or bundle) at one instant, each with the rule that set it. */
export interface Policy {
  /** `ruleId` is null when the rule set's default mode applies. */
  readonly mode: { readonly ruleId: string | null; readonly value: Mode };
  readonly safetyStock: Decided<CompiledSafetyStock> | null;
  readonly shares: Decided<CompiledShares> | null;
  readonly priority: Decided<CompiledPriority> | null;
  readonly ringFences: Decided<TargetTable<number>> | null;
  readonly limits: Decided<TargetTable<CompiledLimit>> | null;
}

export function resolvePolicy(
  ruleSet: CompiledRuleSet,
  inForce: readonly CompiledRule[],
  subject: RuleSubject,
): Policy {
  let mode: CompiledRule | null = null;
  let safetyStock: CompiledRule | null = null;
  let shares: CompiledRule | null = null;
  let priority: CompiledRule | null = null;
  let ringFences: CompiledRule | null = null;
  let limits: CompiledRule | null = null;
  for (const rule of inForce) {
    if (!matches(rule, subject)) continue;
    if (rule.mode !== null && outranks(rule, mode)) mode = rule;
    if (rule.safetyStock !== null && outranks(rule, safetyStock))
      safetyStock = rule;
    if (rule.shares !== null && outranks(rule, shares)) shares = rule;
    if (rule.priority !== null && outranks(rule, priority)) priority = rule;
    if (rule.ringFences !== null && outranks(rule, ringFences))
      ringFences = rule;
    if (rule.limits !== null && outranks(rule, limits)) limits = rule;
  }
  return {
    mode: mode?.mode ?? { ruleId: null, value: ruleSet.defaultMode },
    safetyStock: safetyStock?.safetyStock ?? null,
    shares: shares?.shares ?? null,
    priority: priority?.priority ?? null,
    ringFences: ringFences?.ringFences ?? null,
    limits: limits?.limits ?? null,
  };
}

function matches(rule: CompiledRule, subject: RuleSubject): boolean {
  if (rule.skus !== null) return rule.skus.has(subject.code);
  if (rule.categories !== null)
    return (
      subject.category !== undefined && rule.categories.has(subject.category)
    );
  if (rule.tags !== null)
    return (
      subject.tags !== undefined &&
      subject.tags.some((tag) => rule.tags?.has(tag))
    );
  return true;
}

// Validation refuses equal ties between rules that can meet, so the file order below only settles
// pairs that can never both match; it keeps the function total all the same.
function outranks(
  candidate: CompiledRule,
  incumbent: CompiledRule | null,
): boolean {
  if (incumbent === null) return true;
  if (candidate.specificity !== incumbent.specificity)
    return candidate.specificity > incumbent.specificity;
  if (candidate.precedence !== incumbent.precedence)
    return candidate.precedence > incumbent.precedence;
  return candidate.index < incumbent.index;
}
