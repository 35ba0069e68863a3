import { compileRuleSet } from '@urikiri/allocation';
import { ArrivalBuffer, generateArrivals } from './order-arrival.generator';
import { emptyRunMetrics, settleHourly, type RunMetrics } from './run-metrics';
import type { PolicySpec, Scenario } from './scenario.types';
import { ruleChangesWithin, SkuSaleSimulator, type CompiledPolicy } from './sku-sale.simulator';

/**
 * Runs the given Monte Carlo runs of a scenario under every policy. In each run every policy meets
 * the same buyers (common random numbers), so differences between policies are the policies', not
 * the dice's. Runs are independent: callers may split them over worker threads and merge the results
 * in run order.
 */
export function simulateRuns(
  scenario: Scenario,
  policies: readonly PolicySpec[],
  runs: readonly number[],
  onRunDone?: (run: number) => void,
): RunMetrics[][] {
  const compiled: CompiledPolicy[] = policies.map((policy) => {
    const ruleSet = compileRuleSet(policy.rules);
    return {
      name: policy.name,
      ruleSet,
      syncByChannel: policy.syncByChannel,
      ruleChanges: ruleChangesWithin(ruleSet, scenario.from, scenario.to),
    };
  });
  const hours = windowHours(scenario);
  const simulator = new SkuSaleSimulator(scenario);
  const buffer = new ArrivalBuffer();
  const listings = scenario.skus.map((sku) => SkuSaleSimulator.listingsFor(scenario, sku));
  const results: RunMetrics[][] = compiled.map(() => []);
  for (const run of runs) {
    const perPolicy = compiled.map(() =>
      emptyRunMetrics(run, scenario.channels.length, scenario.skus.length, hours),
    );
    for (let s = 0; s < scenario.skus.length; s++) {
      const demand = generateArrivals(scenario, run, s, buffer);
      for (let p = 0; p < compiled.length; p++) {
        const metrics = perPolicy[p];
        metrics.demand += demand;
        metrics.skuDemand[s] = demand;
        simulator.simulate(s, listings[s], buffer, compiled[p], metrics);
      }
    }
    perPolicy.forEach((metrics, p) => {
      settleHourly(metrics);
      results[p].push(metrics);
    });
    onRunDone?.(run);
  }
  return results;
}

export function windowHours(scenario: Scenario): number {
  return Math.ceil((scenario.to - scenario.from) / 3_600_000);
}
