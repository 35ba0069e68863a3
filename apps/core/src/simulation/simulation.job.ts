import type { SimulationReport, SimulationStage } from '@urikiri/simulation';
import type { SimulationRequest } from './simulation-request.schema';

/**
 * One promotion simulation. Unlike the scheduled jobs, it carries its inputs — the request as sent,
 * already validated — because they exist nowhere else; its result is the report.
 */
export const SIMULATION_JOB = 'simulate-promotion';

export type SimulationJobData = SimulationRequest;

export type SimulationJobResult = SimulationReport;

/** Stored as the job's progress while it runs. */
export interface SimulationJobProgress {
  readonly stage: SimulationStage;
  /** Whole percent of runsTotal done. */
  readonly percent: number;
  /** Monte Carlo runs done: every policy's runs, then every searched rule set's. */
  readonly runsDone: number;
  readonly runsTotal: number;
}
