import { compileRuleSet, validateRuleSet } from '@urikiri/allocation';
import { EVENT, fixtureScenario, PARTITIONED, SHARE_ALL } from '../../../test/scenario-fixtures';
import { searchAllocation } from './allocation-search';

describe('searchAllocation', () => {
  const scenario = fixtureScenario({ initial: 12, dailyOrders: 30, uplift: 10, skus: 2, hours: 4 });
  const sync = { label: 'event', byChannel: scenario.channels.map(() => EVENT) };
  const costs = { oversellUnit: 3000, lostUnit: 1000 };
  const result = searchAllocation(
    scenario,
    [
      { name: 'shared', rules: SHARE_ALL },
      { name: 'split', rules: PARTITIONED },
    ],
    sync,
    costs,
    { candidates: 8, runsPerCandidate: 6 },
  );

  it('keeps to its budget and scores every candidate on the same runs', () => {
    expect(result.budget).toEqual({ candidates: 8, runsPerCandidate: 6 });
    expect(result.candidates).toHaveLength(8);
    expect(result.candidates.map((c) => c.label).slice().sort()).toContain('rules of policy shared');
  });

  it('recommends a rule set libs/allocation accepts', () => {
    const checked = validateRuleSet(result.best.ruleSet);
    expect(checked.ok).toBe(true);
    expect(() => compileRuleSet(result.best.ruleSet)).not.toThrow();
  });

  it('is never worse than the best rule set of the plan, and lists candidates best first', () => {
    const costsInOrder = result.candidates.map((c) => c.expectedCost);
    expect(costsInOrder).toEqual([...costsInOrder].sort((a, b) => a - b));
    const planBest = Math.min(
      ...result.candidates.filter((c) => c.label.startsWith('rules of policy ')).map((c) => c.expectedCost),
    );
    expect(result.best.expectedCost).toBeLessThanOrEqual(planBest);
  });

  it('draws the same candidates for the same seed', () => {
    const again = searchAllocation(scenario, [{ name: 'shared', rules: SHARE_ALL }], sync, costs, {
      candidates: 4,
      runsPerCandidate: 2,
    });
    const twice = searchAllocation(scenario, [{ name: 'shared', rules: SHARE_ALL }], sync, costs, {
      candidates: 4,
      runsPerCandidate: 2,
    });
    expect(twice).toEqual(again);
  });
});
