import { z } from 'zod';

/**
 * `low-stock`: SKUs at or below LOW_STOCK_THRESHOLD sellable units; `dead-letter`: a listing was set
 * aside after failing too often; `drift`: a listing shows something other than its target (a push
 * owed, in flight, failing or held back).
 */
export const STOCK_FILTERS = ['low-stock', 'dead-letter', 'drift'] as const;
export type StockFilter = (typeof STOCK_FILTERS)[number];

export const stockOverviewQuerySchema = z.strictObject({
  search: z.string().max(100).optional().describe('Part of a code, name or JAN'),
  filter: z.enum(STOCK_FILTERS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type StockOverviewParams = z.output<typeof stockOverviewQuerySchema>;
