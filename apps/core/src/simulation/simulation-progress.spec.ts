import type { SimulationProgress } from '@urikiri/simulation';
import { type PlannedWork, SimulationProgressCounter } from './simulation-progress';

// 10 runs × 3 policies = 30 policy runs, then 4 candidates × 5 runs = 20: 50 in all.
const plan: PlannedWork = { runs: 10, policies: ['a', 'b', 'c'], search: { candidates: 4, runsPerCandidate: 5 } };

function steps(...list: Array<[SimulationProgress['stage'], number, number]>): SimulationProgress[] {
  return list.map(([stage, done, total]) => ({ stage, done, total }));
}

describe('SimulationProgressCounter', () => {
  it('counts every policy of every run, then every run of every searched rule set', () => {
    const counter = new SimulationProgressCounter(plan);
    const seen = steps(['forecast', 0, 1], ['forecast', 1, 1], ['simulate', 1, 10], ['simulate', 10, 10], ['search', 1, 4], ['search', 4, 4]).map(
      (step) => counter.next(step),
    );
    expect(seen).toEqual([
      { stage: 'forecast', percent: 0, runsDone: 0, runsTotal: 50 },
      undefined,
      { stage: 'simulate', percent: 6, runsDone: 3, runsTotal: 50 },
      { stage: 'simulate', percent: 60, runsDone: 30, runsTotal: 50 },
      { stage: 'search', percent: 70, runsDone: 35, runsTotal: 50 },
      { stage: 'search', percent: 100, runsDone: 50, runsTotal: 50 },
    ]);
  });

  it('says nothing while the whole percent stands still, so progress is not written to Redis per run', () => {
    const counter = new SimulationProgressCounter({ ...plan, runs: 1000 });
    const updates = Array.from({ length: 1000 }, (_, run) => counter.next({ stage: 'simulate', done: run + 1, total: 1000 }));
    expect(updates.filter((update) => update !== undefined).length).toBeLessThanOrEqual(101);
  });

  it('takes the number of candidates the search actually tries, and still ends at 100', () => {
    const counter = new SimulationProgressCounter(plan);
    counter.next({ stage: 'simulate', done: 10, total: 10 });
    expect(counter.next({ stage: 'search', done: 1, total: 2 })).toEqual({ stage: 'search', percent: 87, runsDone: 35, runsTotal: 40 });
    expect(counter.next({ stage: 'search', done: 2, total: 2 })).toEqual({ stage: 'search', percent: 100, runsDone: 40, runsTotal: 40 });
  });
});
