import { DEFAULT_TIME_ZONE, parseZonedDateTime } from './local-time';
import { issueAt, type PathSegment, type RuleSetIssue } from './rule-set-issue';
import type { Amount, Rule, RuleSet } from './rule-set.schema';
import {
  ASPECTS,
  definesAspect,
  scopeSpecificity,
  type Aspect,
} from './rule-aspects';

/**
 * Checks that need more than one field: "exactly one of", min ≤ max, window order, unique ids, and
 * that two rules which can apply to the same SKU at the same moment never tie. A tie would make the
 * outcome depend on the order of the file, which an operator cannot see in the dashboard.
 */
export function checkRuleSetConsistency(ruleSet: RuleSet): RuleSetIssue[] {
  const issues: RuleSetIssue[] = [];
  const zone = ruleSet.timezone ?? DEFAULT_TIME_ZONE;
  const firstIndexById = new Map<string, number>();
  ruleSet.rules.forEach((rule, index) => {
    const at = (...rest: PathSegment[]): PathSegment[] => [
      'rules',
      index,
      ...rest,
    ];
    const earlier = firstIndexById.get(rule.id);
    if (earlier === undefined) firstIndexById.set(rule.id, index);
    else
      issues.push(
        issueAt(
          at('id'),
          `"${rule.id}" is already the id of rules[${earlier}]; rule ids must be unique`,
        ),
      );
    checkRule(rule, zone, at, issues);
  });
  checkPrecedenceTies(ruleSet.rules, zone, issues);
  return issues;
}

function checkRule(
  rule: Rule,
  ruleSetZone: string,
  at: (...rest: PathSegment[]) => PathSegment[],
  issues: RuleSetIssue[],
): void {
  if (!ASPECTS.some((aspect) => definesAspect(rule, aspect))) {
    issues.push(
      issueAt(at(), `sets nothing; give at least one of ${ASPECTS.join(', ')}`),
    );
  }
  if (rule.scope !== undefined) {
    const named = [
      rule.scope.skus,
      rule.scope.tags,
      rule.scope.categories,
    ].filter((list) => list !== undefined);
    if (named.length !== 1) {
      issues.push(
        issueAt(
          at('scope'),
          'must name exactly one of skus, tags, categories (leave scope out to cover every SKU)',
        ),
      );
    }
  }
  if (rule.window !== undefined) {
    const { from, to } = rule.window;
    if (from === undefined && to === undefined)
      issues.push(issueAt(at('window'), 'must give from, to or both'));
    const zone = rule.window.timezone ?? ruleSetZone;
    const fromMs = from === undefined ? null : parseZonedDateTime(from, zone);
    const toMs = to === undefined ? null : parseZonedDateTime(to, zone);
    if (fromMs !== null && toMs !== null && toMs <= fromMs) {
      issues.push(
        issueAt(at('window', 'to'), `must be later than from (${from})`),
      );
    }
  }
  if (rule.safetyStock !== undefined) {
    if (
      rule.safetyStock.all === undefined &&
      rule.safetyStock.channels === undefined
    ) {
      issues.push(
        issueAt(at('safetyStock'), 'must give all, channels or both'),
      );
    }
    if (rule.safetyStock.all !== undefined)
      checkAmount(rule.safetyStock.all, at('safetyStock', 'all'), issues);
    for (const [target, amount] of Object.entries(
      rule.safetyStock.channels ?? {},
    )) {
      checkAmount(amount, at('safetyStock', 'channels', target), issues);
    }
  }
  if (rule.shares !== undefined && Object.keys(rule.shares).length === 0) {
    issues.push(
      issueAt(at('shares'), 'must give a percent for at least one channel'),
    );
  }
  if (rule.priority !== undefined) {
    const seen = new Set<string>();
    rule.priority.order.forEach((target, position) => {
      if (seen.has(target))
        issues.push(
          issueAt(
            at('priority', 'order', position),
            `"${target}" is listed twice`,
          ),
        );
      seen.add(target);
    });
    const { belowUnits, belowDaysOfCover } = rule.priority.lowStock;
    if ((belowUnits === undefined) === (belowDaysOfCover === undefined)) {
      issues.push(
        issueAt(
          at('priority', 'lowStock'),
          'must give exactly one of belowUnits, belowDaysOfCover',
        ),
      );
    }
  }
  for (const [target, limit] of Object.entries(rule.limits ?? {})) {
    if (limit.min === undefined && limit.max === undefined) {
      issues.push(issueAt(at('limits', target), 'must give min, max or both'));
    } else if (
      limit.min !== undefined &&
      limit.max !== undefined &&
      limit.min > limit.max
    ) {
      issues.push(
        issueAt(
          at('limits', target, 'min'),
          `must not exceed max (${limit.max})`,
        ),
      );
    }
  }
}

function checkAmount(
  amount: Amount,
  path: PathSegment[],
  issues: RuleSetIssue[],
): void {
  if ((amount.units === undefined) === (amount.percent === undefined)) {
    issues.push(issueAt(path, 'must give exactly one of units, percent'));
  }
}

interface WindowSpan {
  readonly from: number;
  readonly to: number;
}

function spanOf(rule: Rule, ruleSetZone: string): WindowSpan {
  const zone = rule.window?.timezone ?? ruleSetZone;
  const from =
    rule.window?.from === undefined
      ? null
      : parseZonedDateTime(rule.window.from, zone);
  const to =
    rule.window?.to === undefined
      ? null
      : parseZonedDateTime(rule.window.to, zone);
  return { from: from ?? -Infinity, to: to ?? Infinity };
}

function checkPrecedenceTies(
  rules: readonly Rule[],
  zone: string,
  issues: RuleSetIssue[],
): void {
  const spans = rules.map((rule) => spanOf(rule, zone));
  for (let later = 1; later < rules.length; later++) {
    for (let earlier = 0; earlier < later; earlier++) {
      const a = rules[earlier];
      const b = rules[later];
      if (
        scopeSpecificity(a) !== scopeSpecificity(b) ||
        (a.precedence ?? 0) !== (b.precedence ?? 0)
      )
        continue;
      const shared: Aspect[] = ASPECTS.filter(
        (aspect) => definesAspect(a, aspect) && definesAspect(b, aspect),
      );
      if (
        shared.length === 0 ||
        !windowsOverlap(spans[earlier], spans[later]) ||
        !scopesMayOverlap(a, b)
      )
        continue;
      issues.push(
        issueAt(
          ['rules', later, 'precedence'],
          `ties with rule "${a.id}" (rules[${earlier}]): both can apply to the same SKU at the same time, are equally specific ` +
            `and both set ${shared.join(', ')}; give one of them a higher precedence`,
        ),
      );
    }
  }
}

function windowsOverlap(a: WindowSpan, b: WindowSpan): boolean {
  return a.from < b.to && b.from < a.to;
}

// A SKU has one category but may carry many tags, so only two category lists or two SKU lists can
// be proven disjoint; anything else may meet on some SKU.
function scopesMayOverlap(a: Rule, b: Rule): boolean {
  if (a.scope?.skus !== undefined && b.scope?.skus !== undefined)
    return intersects(a.scope.skus, b.scope.skus);
  if (a.scope?.categories !== undefined && b.scope?.categories !== undefined) {
    return intersects(a.scope.categories, b.scope.categories);
  }
  return true;
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  const inA = new Set(a);
  return b.some((name) => inA.has(name));
}
