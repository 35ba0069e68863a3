import type { SimulationJobProgress, SimulationJobResult } from './simulation.job';

/** What the simulation thread posts to the processor: progress as it goes, then the report once. */
export type SimulationThreadMessage =
  | { readonly type: 'progress'; readonly progress: SimulationJobProgress }
  | { readonly type: 'report'; readonly report: SimulationJobResult };
