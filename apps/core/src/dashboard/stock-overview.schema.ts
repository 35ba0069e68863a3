import { z } from 'zod';

/**
 * `low-stock`: SKUs at or below LOW_STOCK_THRESHOLD sellable units; `dead-letter`: a listing was set
 * aside after failing too often; `drift`: a listing shows something other than its target (a push
 * owed, in flight, failing or held back); `at-risk`: the rule set in force can oversell the SKU or
 * show it sold out while units exist (the rule preview's high and warning risks).
 */
export const STOCK_FILTERS = ['low-stock', 'dead-letter', 'drift', 'at-risk'] as const;
export type StockFilter = (typeof STOCK_FILTERS)[number];

export const stockOverviewQuerySchema = z.strictObject({
  search: z.string().max(100).optional().describe('Part of a code, name or JAN'),
  filter: z.enum(STOCK_FILTERS).optional(),
  lang: z.enum(['ja', 'en']).default('ja').describe('Language of the risk reasons'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type StockOverviewParams = z.output<typeof stockOverviewQuerySchema>;
