import { commandObject } from '@urikiri/inventory';
import { z } from 'zod';

/**
 * What `urikiri simulate` reads from files, sent as one JSON body: the files' contents as strings.
 * Only the envelope is checked here; the contents are checked by the same parsers the command uses
 * (see simulation-input.ts), so a file the command accepts is accepted here and the other way round.
 */
const csvFile = (what: string, columns: string) =>
  z.string({ error: `must be the ${what} CSV file's contents, as a string` }).describe(`${what} CSV (${columns})`);

export const simulationRequestSchema = commandObject({
  history: csvFile('sales history', 'date, channel, sku, quantity; optional price, campaign_id, promo').min(1, {
    error: 'must not be empty: the sales history CSV, header line first',
  }),
  plan: z
    .union([z.string().min(1), z.record(z.string(), z.unknown())], {
      error: 'must be the plan as YAML or JSON text, or as a JSON object',
    })
    .describe('the plan (window, promotions, channels, policies, costs), as in libs/simulation/examples/sale.yaml'),
  campaigns: csvFile('past campaigns', 'campaign_id, channel, kind, from, to; optional discount').optional(),
  stock: csvFile('stock', 'sku, on_hand, lead_time_days; optional category, tags')
    .optional()
    .describe('stock CSV; or a stock list inside the plan'),
  inbound: csvFile('inbound purchase orders', 'sku, quantity, arrival').optional(),
  // The plan's own bounds for these two fields; like --runs and --seed, they override the plan.
  runs: z.int().min(1).max(100_000).optional().describe("Monte Carlo runs, overriding the plan's"),
  seed: z.int().min(0).max(4_294_967_295).optional().describe("random seed, overriding the plan's"),
});

export type SimulationRequest = z.output<typeof simulationRequestSchema>;
