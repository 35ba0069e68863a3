import { compileRuleSet, validateRuleSet, type Rule, type RuleSet } from '@urikiri/allocation';
import type { SyncSpec } from '../input/plan.schema';
import { simulateRuns } from '../engine/monte-carlo.runner';
import { runCost, type UnitCosts } from '../engine/policy-summary';
import { round } from '../engine/percentiles';
import type { PolicySpec, Scenario } from '../engine/scenario.types';
import { randomStream, type RandomSource } from '../random/seeded-random';

/**
 * Searches allocation rule parameters with the simulator as the objective: expected cost of lost
 * sales + oversells. Every candidate is scored on the same runs (common random numbers), so the
 * comparison is paired and a small number of runs separates candidates that a fresh draw each time
 * would blur. The plan's own rule sets are always candidates, so the recommendation is never worse
 * than the best of them on these runs. Candidates come from a seeded draw over a small grid:
 * mode, shares tilted toward the expected demand, a safety buffer, and an own-channel-first
 * low-stock priority ordered by how quickly each channel's sales reach the ledger.
 */
export interface SearchBudget {
  readonly candidates: number;
  readonly runsPerCandidate: number;
}

export interface CandidateScore {
  readonly label: string;
  readonly expectedCost: number;
  readonly meanLost: number;
  readonly meanOversold: number;
}

export interface AllocationSearchResult {
  readonly budget: SearchBudget;
  readonly sync: string;
  readonly best: CandidateScore & { readonly ruleSet: RuleSet };
  /** Every candidate tried, best first. */
  readonly candidates: readonly CandidateScore[];
}

interface Candidate {
  readonly label: string;
  readonly ruleSet: RuleSet;
}

const MODES = ['shared', 'partitioned', 'hybrid'] as const;
const TILTS = [0.5, 1, 1.5];
const SAFETY_UNITS = [0, 1, 2, 5];
const LOW_STOCK_UNITS = [0, 3, 5, 10, 20];

export function searchAllocation(
  scenario: Scenario,
  planRuleSets: readonly { readonly name: string; readonly rules: RuleSet }[],
  sync: { readonly label: string; readonly byChannel: readonly SyncSpec[] },
  costs: UnitCosts,
  budget: SearchBudget,
  onCandidateDone?: (done: number, total: number) => void,
): AllocationSearchResult {
  const random = randomStream(scenario.seed, 0x5ea7c4);
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const add = (candidate: Candidate) => {
    const key = JSON.stringify(candidate.ruleSet.rules) + candidate.ruleSet.mode;
    if (seen.has(key) || candidates.length >= budget.candidates) return;
    // A candidate the engine refuses would be a recommendation the service cannot apply.
    const checked = validateRuleSet(candidate.ruleSet);
    if (!checked.ok) {
      throw new Error(`generated rule set refused: ${checked.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    }
    compileRuleSet(checked.ruleSet);
    seen.add(key);
    candidates.push(candidate);
  };
  for (const plan of planRuleSets) add({ label: `rules of policy ${plan.name}`, ruleSet: plan.rules });
  const demandShares = expectedDemandShares(scenario);
  const fastestFirst = scenario.channels
    .map((channel) => ({ id: channel.id, delay: channel.importDelayMs + channel.pushLatencyMs }))
    .sort((a, b) => a.delay - b.delay || (a.id < b.id ? -1 : 1))
    .map((channel) => channel.id);
  for (let attempt = 0; candidates.length < budget.candidates && attempt < budget.candidates * 20; attempt++) {
    add(drawCandidate(random, demandShares, fastestFirst));
  }
  const runs = Array.from({ length: budget.runsPerCandidate }, (_, i) => i);
  const scores = candidates.map((candidate, index) => {
    const policy: PolicySpec = { name: candidate.label, rules: candidate.ruleSet, syncByChannel: sync.byChannel };
    const [results] = simulateRuns(scenario, [policy], runs);
    onCandidateDone?.(index + 1, candidates.length);
    const mean = (pick: (m: (typeof results)[number]) => number) =>
      round(results.reduce((sum, m) => sum + pick(m), 0) / results.length);
    return {
      candidate,
      score: {
        label: candidate.label,
        expectedCost: mean((m) => runCost(m, costs)),
        meanLost: mean((m) => m.lostSyncLag + m.lostRules),
        meanOversold: mean((m) => m.oversold),
      },
    };
  });
  const ranked = [...scores].sort((a, b) => a.score.expectedCost - b.score.expectedCost);
  const winner = ranked[0];
  return {
    budget: { candidates: candidates.length, runsPerCandidate: budget.runsPerCandidate },
    sync: sync.label,
    best: { ...winner.score, ruleSet: winner.candidate.ruleSet },
    candidates: ranked.map((entry) => entry.score),
  };
}

function drawCandidate(
  random: RandomSource,
  demandShares: ReadonlyMap<string, number>,
  fastestFirst: readonly string[],
): Candidate {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random.next() * values.length)];
  const mode = pick(MODES);
  const tilt = pick(TILTS);
  const safety = pick(SAFETY_UNITS);
  const lowStock = pick(LOW_STOCK_UNITS);
  const rules: Rule[] = [];
  if (mode === 'shared') {
    rules.push({ id: 'show-all', shares: Object.fromEntries(fastestFirst.map((id) => [id, 100])) });
  } else {
    rules.push({ id: 'demand-split', shares: tiltedShares(demandShares, tilt) });
  }
  if (safety > 0) rules.push({ id: 'buffer', safetyStock: { all: { units: safety } } });
  if (lowStock > 0) {
    rules.push({
      id: 'fast-channels-first',
      priority: { order: [...fastestFirst], lowStock: { belowUnits: lowStock } },
    });
  }
  const label = [
    mode,
    mode === 'shared' ? 'all channels 100 %' : `shares ∝ demand^${tilt}`,
    safety > 0 ? `buffer ${safety}` : 'no buffer',
    lowStock > 0 ? `fast channels first below ${lowStock}` : 'no priority',
  ].join(', ');
  return { label, ruleSet: { version: 1, mode, rules } };
}

/** Each channel's share of the window's expected orders, over all SKUs. */
function expectedDemandShares(scenario: Scenario): Map<string, number> {
  const totals = scenario.channels.map(() => 0);
  for (const sku of scenario.skus) {
    sku.channels.forEach((demand, c) => {
      scenario.dayStarts.forEach((_, day) => {
        let mass = scenario.shapes[0].massByDay[day];
        for (const promotion of demand.promotions) {
          mass += promotion.extra * scenario.shapes[promotion.shape].massByDay[day];
        }
        totals[c] += demand.dailyOrders[day] * mass;
      });
    });
  }
  const sum = totals.reduce((a, b) => a + b, 0);
  return new Map(scenario.channels.map((channel, c) => [channel.id, sum > 0 ? totals[c] / sum : 1 / totals.length]));
}

/** Shares in whole percent proportional to share^tilt, each channel at least 1 %. */
function tiltedShares(demandShares: ReadonlyMap<string, number>, tilt: number): Record<string, number> {
  const weights = [...demandShares.entries()].map(([id, share]) => [id, Math.pow(share, tilt)] as const);
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  return Object.fromEntries(
    weights.map(([id, weight]) => [id, Math.max(1, Math.round((100 * weight) / (total || 1)))]),
  );
}
