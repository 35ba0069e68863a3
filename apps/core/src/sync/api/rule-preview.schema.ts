import { commandObject } from '@urikiri/inventory';
import { z } from 'zod';

export const rulePreviewSchema = commandObject({
  ruleSet: z
    .union([z.string().min(1), z.record(z.string(), z.unknown())], {
      error: 'must be the rule set as YAML or JSON text, or as a JSON object',
    })
    .describe('The rule set to try (not activated), as PUT /rules takes it'),
  sku: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('The SKU or bundle whose allocation unit is previewed; without it the rule set is only checked'),
  at: z.coerce
    .date({ error: 'must be an ISO-8601 date-time' })
    .optional()
    .describe('The instant to preview (rule windows); now when absent'),
  lang: z.enum(['ja', 'en']).default('ja').describe('Language of the explanations and risks'),
});
export type RulePreviewInput = z.output<typeof rulePreviewSchema>;
