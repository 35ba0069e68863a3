import type { SimulationProgress } from '@urikiri/simulation';
import type { SimulationJobProgress } from './simulation.job';

/**
 * Turns runSimulation's per-stage steps into one percent over the whole job. The work is counted in
 * simulated runs of one policy: each of `plan.runs` runs simulates every policy, then the search
 * simulates `runsPerCandidate` runs of each candidate rule set. The forecast is counted as no runs;
 * the search may try fewer candidates than its budget, which it says when it starts.
 */
/** What of the plan sizes the work (a Plan is one). */
export interface PlannedWork {
  readonly runs: number;
  readonly policies: readonly unknown[];
  readonly search: { readonly candidates: number; readonly runsPerCandidate: number };
}

export class SimulationProgressCounter {
  private readonly policyRuns: number;
  private searchRuns: number;
  private last: SimulationJobProgress | undefined;

  constructor(private readonly plan: PlannedWork) {
    this.policyRuns = plan.runs * plan.policies.length;
    this.searchRuns = plan.search.candidates * plan.search.runsPerCandidate;
  }

  /** The job's progress after this step, or undefined when neither the stage nor the percent moved. */
  next(step: SimulationProgress): SimulationJobProgress | undefined {
    // The search reports candidates done out of the candidates it actually tries.
    if (step.stage === 'search') this.searchRuns = step.total * this.plan.search.runsPerCandidate;
    const runsDone = this.runsDone(step);
    const runsTotal = this.policyRuns + this.searchRuns;
    const percent = runsTotal === 0 ? 100 : Math.floor((100 * runsDone) / runsTotal);
    if (this.last !== undefined && this.last.stage === step.stage && this.last.percent === percent) return undefined;
    this.last = { stage: step.stage, percent, runsDone, runsTotal };
    return this.last;
  }

  private runsDone(step: SimulationProgress): number {
    switch (step.stage) {
      case 'forecast':
        return 0;
      case 'simulate':
        return step.done * this.plan.policies.length;
      case 'search':
        return this.policyRuns + step.done * this.plan.search.runsPerCandidate;
    }
  }
}
