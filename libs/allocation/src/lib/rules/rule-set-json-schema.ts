import { z } from 'zod';
import { ruleSetSchema } from './rule-set.schema';

/**
 * The JSON Schema (draft 2020-12) of a rule set, for editors and for the service to publish.
 * Cross-field rules (exactly one of, min ≤ max, precedence ties) are not expressible there and are
 * enforced by parseRuleSet / validateRuleSet.
 */
export function ruleSetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ruleSetSchema, { io: 'input' }),
    title: 'urikiri allocation rule set',
  };
}
