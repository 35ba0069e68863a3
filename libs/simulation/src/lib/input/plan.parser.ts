import { MAX_YAML_NESTING, validateRuleSet, yamlNestingDepth, type RuleSet } from '@urikiri/allocation';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import type { PlanIssue } from './input-issue';
import { planSchema, type PlanDocument } from './plan.schema';

/** A plan whose policies carry validated rule sets. */
export interface Plan extends Omit<PlanDocument, 'policies'> {
  readonly policies: readonly PlanPolicy[];
}

export type PlanPolicy = Omit<PlanDocument['policies'][number], 'rules'> & {
  readonly rules: RuleSet;
};

export type PlanParseResult =
  | { readonly ok: true; readonly plan: Plan }
  | { readonly ok: false; readonly issues: readonly PlanIssue[] };

/** Reads a plan from YAML or JSON text (YAML is a superset of JSON). */
export function parsePlan(text: string): PlanParseResult {
  if (yamlNestingDepth(text) > MAX_YAML_NESTING) {
    return { ok: false, issues: [{ path: '(plan)', reason: `is nested deeper than ${MAX_YAML_NESTING} levels; a plan nests a few` }] };
  }
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      issues: document.errors.map((error) => ({
        path: '(plan)',
        reason: `is not valid YAML or JSON: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  // Resolving aliases is where the YAML library stops an alias bomb; that refusal is the text's fault.
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    return { ok: false, issues: [{ path: '(plan)', reason: `is not valid YAML or JSON: ${(error as Error).message}` }] };
  }
  return validatePlan(value);
}

/** Validates an already decoded plan (for instance a JSON request body). */
export function validatePlan(value: unknown): PlanParseResult {
  const parsed = planSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.flatMap(toPlanIssues) };
  }
  const issues: PlanIssue[] = [];
  const policies: PlanPolicy[] = [];
  const names = new Set<string>();
  parsed.data.policies.forEach((policy, index) => {
    if (names.has(policy.name)) {
      issues.push({
        path: `policies[${index}].name`,
        reason: `"${policy.name}" is used by an earlier policy; names must be unique`,
      });
    }
    names.add(policy.name);
    const rules = validateRuleSet(policy.rules);
    if (rules.ok) policies.push({ ...policy, rules: rules.ruleSet });
    else {
      for (const issue of rules.issues) {
        const inner = issue.path === '(rule set)' ? '' : `.${issue.path}`;
        issues.push({
          path: `policies[${index}].rules${inner}`,
          reason: issue.message,
        });
      }
    }
  });
  const channels = Object.keys(parsed.data.channels);
  parsed.data.promotions.forEach((promotion, index) => {
    if (promotion.to <= promotion.from) {
      issues.push({ path: `promotions[${index}].to`, reason: 'must be later than from' });
    }
    promotion.channels.forEach((channel, position) => {
      if (!channels.includes(channel)) {
        issues.push({
          path: `promotions[${index}].channels[${position}]`,
          reason: `"${channel}" is not among the plan's channels (${channels.join(', ')})`,
        });
      }
    });
  });
  const syncFrom = parsed.data.search.syncFrom;
  if (syncFrom !== undefined && !names.has(syncFrom)) {
    issues.push({
      path: 'search.syncFrom',
      reason: `must name one of the policies (${[...names].join(', ')})`,
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, plan: { ...parsed.data, policies } };
}

function toPlanIssues(issue: z.core.$ZodIssue): PlanIssue[] {
  const segments = issue.path.filter(
    (segment): segment is string | number => typeof segment !== 'symbol',
  );
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: formatPath([...segments, key]),
      reason: 'is not a known field; check its spelling',
    }));
  }
  return [{ path: formatPath(segments), reason: issue.message }];
}

function formatPath(segments: readonly (string | number)[]): string {
  if (segments.length === 0) return '(plan)';
  return segments
    .map((segment, index) =>
      typeof segment === 'number'
        ? `[${segment}]`
        : index === 0
          ? segment
          : `.${segment}`,
    )
    .join('');
}
