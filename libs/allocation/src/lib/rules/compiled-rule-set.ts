import { DEFAULT_TIME_ZONE, parseZonedDateTime } from './local-time';
import { describeIssue, type RuleSetIssue } from './rule-set-issue';
import { validateRuleSet } from './rule-set.parser';
import type {
  Amount,
  ApportionmentMethod,
  Mode,
  Rule,
  RuleSet,
} from './rule-set.schema';
import { scopeSpecificity } from './rule-aspects';
import { TargetTable } from './target-table';

/**
 * A rule set turned into lookup structures once, so the hot path does map lookups and integer
 * arithmetic only. Percentages become basis points (1 % = 100) to keep every later step integral.
 */

export type CompiledAmount =
  | { readonly kind: 'units'; readonly units: number }
  | { readonly kind: 'percent'; readonly basisPoints: number };

export interface CompiledLimit {
  readonly min: number | null;
  readonly max: number | null;
}

export interface CompiledPriority {
  readonly order: readonly string[];
  /** 0 for the first channel of the order. */
  readonly rankOf: TargetTable<number>;
  readonly belowUnits: number | null;
  readonly belowDaysOfCover: number | null;
}

export interface CompiledSafetyStock {
  readonly all: CompiledAmount | null;
  readonly channels: TargetTable<CompiledAmount>;
}

export interface CompiledShares {
  readonly basisPointsOf: TargetTable<number>;
  /** Sum over every named channel, active or not: an inactive channel's share is handed on, not held back. */
  readonly totalBasisPoints: number;
}

/** A setting together with the rule that decided it, so the trace can name the rule. */
export interface Decided<T> {
  readonly ruleId: string;
  readonly value: T;
}

export interface CompiledRule {
  readonly id: string;
  readonly index: number;
  readonly specificity: number;
  readonly precedence: number;
  /** Inclusive start, epoch ms. */
  readonly fromMs: number;
  /** Exclusive end, epoch ms. */
  readonly toMs: number;
  readonly skus: ReadonlySet<string> | null;
  readonly tags: ReadonlySet<string> | null;
  readonly categories: ReadonlySet<string> | null;
  readonly mode: Decided<Mode> | null;
  readonly safetyStock: Decided<CompiledSafetyStock> | null;
  readonly shares: Decided<CompiledShares> | null;
  readonly priority: Decided<CompiledPriority> | null;
  readonly ringFences: Decided<TargetTable<number>> | null;
  readonly limits: Decided<TargetTable<CompiledLimit>> | null;
}

export interface CompiledRuleSet {
  readonly version: number;
  readonly source: RuleSet;
  readonly defaultMode: Mode;
  readonly apportionment: ApportionmentMethod;
  readonly ringFencesOutrankPriority: boolean;
  readonly rules: readonly CompiledRule[];
  /** Rules whose window contains `nowMs` (from ≤ now < to); remembers the last instant asked for. */
  readonly rulesInForce: (nowMs: number) => readonly CompiledRule[];
}

export class InvalidRuleSetError extends Error {
  constructor(readonly issues: readonly RuleSetIssue[]) {
    super(`Invalid rule set:\n${issues.map(describeIssue).join('\n')}`);
    this.name = 'InvalidRuleSetError';
  }
}

/** Validates (again, cheaply) and compiles; throws InvalidRuleSetError with paths when invalid. */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const validated = validateRuleSet(ruleSet);
  if (!validated.ok) throw new InvalidRuleSetError(validated.issues);
  const valid = validated.ruleSet;
  const zone = valid.timezone ?? DEFAULT_TIME_ZONE;
  const rules = valid.rules.map((rule, index) =>
    compileRule(rule, index, zone),
  );
  return {
    version: valid.version,
    source: valid,
    defaultMode: valid.mode,
    apportionment: valid.apportionment ?? 'sainte-lague',
    ringFencesOutrankPriority: valid.ringFencesOutrankPriority ?? true,
    rules,
    rulesInForce: rememberLastInstant(rules),
  };
}

// The service allocates many units for the same instant in a row; filtering the rules once for
// that instant is enough.
function rememberLastInstant(
  rules: readonly CompiledRule[],
): (nowMs: number) => readonly CompiledRule[] {
  let lastNowMs = Number.NaN;
  let lastInForce: readonly CompiledRule[] = [];
  return (nowMs) => {
    if (nowMs !== lastNowMs) {
      lastInForce = rules.filter(
        (rule) => rule.fromMs <= nowMs && nowMs < rule.toMs,
      );
      lastNowMs = nowMs;
    }
    return lastInForce;
  };
}

function compileRule(
  rule: Rule,
  index: number,
  ruleSetZone: string,
): CompiledRule {
  const zone = rule.window?.timezone ?? ruleSetZone;
  const decided = <T>(value: T): Decided<T> => ({ ruleId: rule.id, value });
  return {
    id: rule.id,
    index,
    specificity: scopeSpecificity(rule),
    precedence: rule.precedence ?? 0,
    fromMs:
      rule.window?.from === undefined
        ? -Infinity
        : (parseZonedDateTime(rule.window.from, zone) ?? -Infinity),
    toMs:
      rule.window?.to === undefined
        ? Infinity
        : (parseZonedDateTime(rule.window.to, zone) ?? Infinity),
    skus: setOrNull(rule.scope?.skus),
    tags: setOrNull(rule.scope?.tags),
    categories: setOrNull(rule.scope?.categories),
    mode: rule.mode === undefined ? null : decided(rule.mode),
    safetyStock:
      rule.safetyStock === undefined
        ? null
        : decided({
            all:
              rule.safetyStock.all === undefined
                ? null
                : compileAmount(rule.safetyStock.all),
            channels: new TargetTable(
              Object.entries(rule.safetyStock.channels ?? {}).map(
                ([target, amount]) => [target, compileAmount(amount)],
              ),
            ),
          }),
    shares:
      rule.shares === undefined ? null : decided(compileShares(rule.shares)),
    priority:
      rule.priority === undefined
        ? null
        : decided({
            order: rule.priority.order,
            rankOf: new TargetTable(
              rule.priority.order.map((target, rank) => [target, rank]),
            ),
            belowUnits: rule.priority.lowStock.belowUnits ?? null,
            belowDaysOfCover: rule.priority.lowStock.belowDaysOfCover ?? null,
          }),
    ringFences:
      rule.ringFences === undefined
        ? null
        : decided(TargetTable.fromRecord(rule.ringFences)),
    limits:
      rule.limits === undefined
        ? null
        : decided(
            new TargetTable(
              Object.entries(rule.limits).map(([target, limit]) => [
                target,
                { min: limit.min ?? null, max: limit.max ?? null },
              ]),
            ),
          ),
  };
}

function setOrNull(
  names: readonly string[] | undefined,
): ReadonlySet<string> | null {
  return names === undefined ? null : new Set(names);
}

function toBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

function compileAmount(amount: Amount): CompiledAmount {
  return amount.units !== undefined
    ? { kind: 'units', units: amount.units }
    : { kind: 'percent', basisPoints: toBasisPoints(amount.percent ?? 0) };
}

function compileShares(
  shares: Readonly<Record<string, number>>,
): CompiledShares {
  const basisPointsOf = new TargetTable(
    Object.entries(shares).map(([target, percent]) => [
      target,
      toBasisPoints(percent),
    ]),
  );
  let totalBasisPoints = 0;
  for (const entry of basisPointsOf.entries) totalBasisPoints += entry.value;
  return { basisPointsOf, totalBasisPoints };
}
