import type { SimulationReport } from '@urikiri/simulation';
import { z } from 'zod';
import { SIMULATION_STATES, type SimulationJobView } from './simulation-job.view';

const isoDateTime = z.string().describe('ISO-8601 date-time, UTC');

/** The answer of POST and GET /simulations, for the OpenAPI document, typed against the view. */
export const simulationJobViewSchema: z.ZodType<SimulationJobView> = z.object({
  id: z.string().describe('the job id; GET /api/v1/simulations/{id} follows it'),
  state: z.enum(SIMULATION_STATES),
  progress: z.object({
    percent: z.number().int().min(0).max(100).describe('runsDone / runsTotal, in whole percent'),
    stage: z.enum(['forecast', 'simulate', 'search']).nullable().describe('null until the job has started'),
    runsDone: z.number().int().describe("Monte Carlo runs simulated: every policy's, then every searched rule set's"),
    runsTotal: z.number().int().nullable().describe('null until the job has started'),
  }),
  submittedAt: isoDateTime,
  startedAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
  error: z.string().nullable().describe('why the simulation failed; null unless state is failed'),
  report: z
    .custom<SimulationReport>()
    .nullable()
    .describe('when completed: the report, as report.json of `urikiri simulate` (docs/simulation.md); else null'),
});
