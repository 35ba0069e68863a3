import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { checkRuleSetConsistency } from './rule-set-consistency';
import { issueAt, type PathSegment, type RuleSetIssue } from './rule-set-issue';
import { ruleSetSchema, type RuleSet } from './rule-set.schema';
import { MAX_YAML_NESTING, yamlNestingDepth } from './yaml-nesting';

export type RuleSetParseResult =
  | { readonly ok: true; readonly ruleSet: RuleSet }
  | { readonly ok: false; readonly issues: readonly RuleSetIssue[] };

export interface ParseRuleSetOptions {
  /** `auto` (default) reads JSON and YAML alike: YAML is a superset of JSON. */
  readonly format?: 'json' | 'yaml' | 'auto';
}

/** Reads a rule set from JSON or YAML text and validates it. */
export function parseRuleSet(
  text: string,
  options: ParseRuleSetOptions = {},
): RuleSetParseResult {
  const format = options.format ?? 'auto';
  if (format === 'json') {
    try {
      return validateRuleSet(JSON.parse(text));
    } catch (error) {
      return refused([
        issueAt([], `is not valid JSON: ${(error as Error).message}`),
      ]);
    }
  }
  if (yamlNestingDepth(text) > MAX_YAML_NESTING) {
    return refused([issueAt([], `is nested deeper than ${MAX_YAML_NESTING} levels; a rule set nests a few`)]);
  }
  const document = parseDocument(text, {
    prettyErrors: true,
    uniqueKeys: true,
  });
  if (document.errors.length > 0) {
    return refused(
      document.errors.map((error) => {
        const position = error.linePos?.[0];
        const where =
          position === undefined
            ? ''
            : ` at line ${position.line}, column ${position.col}`;
        return issueAt(
          [],
          `is not valid YAML${where}: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
        );
      }),
    );
  }
  // Reading the document resolves its aliases, which the YAML library stops short of a blow-up
  // ("billion laughs"); that refusal is the text's fault like any other YAML error.
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    return refused([issueAt([], `is not valid YAML: ${(error as Error).message}`)]);
  }
  return validateRuleSet(value);
}

/** Validates an already decoded value (for instance a JSON request body). */
export function validateRuleSet(value: unknown): RuleSetParseResult {
  const parsed = ruleSetSchema.safeParse(value);
  if (!parsed.success)
    return refused(parsed.error.issues.flatMap(toRuleSetIssues));
  const issues = checkRuleSetConsistency(parsed.data);
  return issues.length > 0
    ? refused(issues)
    : { ok: true, ruleSet: parsed.data };
}

function refused(issues: readonly RuleSetIssue[]): RuleSetParseResult {
  return { ok: false, issues };
}

function toRuleSetIssues(issue: z.core.$ZodIssue): RuleSetIssue[] {
  const path = issue.path.filter(
    (segment): segment is PathSegment => typeof segment !== 'symbol',
  );
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      issueAt([...path, key], 'is not a known field; check its spelling'),
    );
  }
  if (issue.code === 'invalid_key') {
    return issue.issues.map((inner) => issueAt(path, `key ${inner.message}`));
  }
  return [issueAt(path, issue.message)];
}
