import { windowHours, simulateRuns } from '../engine/monte-carlo.runner';
import { summarisePolicy } from '../engine/policy-summary';
import type { RunMetrics } from '../engine/run-metrics';
import { formatTokyoDate, formatTokyoDateTime, tokyoDayNumber } from '../input/tokyo-time';
import { searchAllocation } from '../recommend/allocation-search';
import { criticalRatio } from '../recommend/newsvendor';
import { flagAtRisk, planReplenishment } from '../recommend/replenishment.planner';
import { prepareScenario, type SimulationInput } from '../scenario/scenario.builder';
import { forecastSection } from './forecast-section';
import type { SimulationProgress, SimulationReport } from './simulation-report';

export interface RunSimulationOptions {
  readonly onProgress?: (progress: SimulationProgress) => void;
}

/**
 * The whole what-if in one pure call: forecast, simulate every policy, search a rule set, plan
 * replenishment. No clock, no I/O, no global randomness: the same input gives the same report.
 */
export function runSimulation(
  input: SimulationInput,
  options: RunSimulationOptions = {},
): SimulationReport {
  const { plan } = input;
  const report = options.onProgress ?? (() => undefined);
  report({ stage: 'forecast', done: 0, total: 1 });
  const prepared = prepareScenario(input);
  const { scenario, policies } = prepared;
  report({ stage: 'forecast', done: 1, total: 1 });

  const runIndices = Array.from({ length: plan.runs }, (_, i) => i);
  let runsDone = 0;
  const results = simulateRuns(scenario, policies, runIndices, () =>
    report({ stage: 'simulate', done: ++runsDone, total: plan.runs }),
  );
  const summaries = policies.map((policy, p) =>
    summarisePolicy(policy.name, scenario, results[p], plan.costs),
  );

  const syncPolicy =
    policies.find((policy) => policy.name === plan.search.syncFrom) ??
    policies.find((policy) => policy.syncByChannel.every((spec) => spec.mode === 'event-driven')) ??
    policies[0];
  const allocation = searchAllocation(
    scenario,
    policies.map((policy) => ({ name: policy.name, rules: policy.rules })),
    { label: syncPolicy.name, byChannel: syncPolicy.syncByChannel },
    plan.costs,
    { candidates: plan.search.candidates, runsPerCandidate: plan.search.runsPerCandidate },
    (done, total) => report({ stage: 'search', done, total }),
  );

  const ratio = plan.serviceLevel ?? criticalRatio(plan.costs.lostUnit, plan.costs.leftoverUnit);
  const replenishment = planReplenishment(
    scenario,
    prepared.stock,
    results[0],
    ratio,
    prepared.campaignStart,
  );
  return {
    seed: plan.seed,
    runs: plan.runs,
    asOf: formatTokyoDate(tokyoDayNumber(prepared.asOf)),
    window: {
      from: formatTokyoDateTime(scenario.from),
      to: formatTokyoDateTime(scenario.to),
      hours: windowHours(scenario),
    },
    channels: scenario.channels.map((channel) => channel.id),
    skus: scenario.skus.length,
    forecast: {
      seasonPeriod: prepared.period,
      series: forecastSection(prepared.forecasts),
      uplifts: prepared.uplifts,
    },
    policies: summaries,
    recommendations: {
      allocation,
      criticalRatio: ratio,
      replenishment,
      atRisk: flagAtRisk(replenishment, summaries[0].skus, prepared.asOf),
    },
    checks: {
      unitsConserved: results.every((runs) => runs.every(conserves)),
      allocationsPerRun: Math.round(
        results.reduce((sum, runs) => sum + runs.reduce((s, m) => s + m.allocations, 0), 0) /
          (plan.runs * policies.length),
      ),
    },
  };
}

export function conserves(metrics: RunMetrics): boolean {
  return metrics.initial + metrics.inbound === metrics.sold + metrics.leftover;
}
