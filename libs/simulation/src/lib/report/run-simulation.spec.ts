import { parsePlan, type Plan } from '../input/plan.parser';
import { tokyoDayNumber } from '../input/tokyo-time';
import { syntheticHistory } from '../../../test/synthetic-sales';
import type { SimulationProgress } from './simulation-report';
import { runSimulation } from './run-simulation';

const FIRST_DAY = tokyoDayNumber(Date.parse('2026-06-01T00:00:00+09:00'));
const history = syntheticHistory(
  [
    { sku: 'TEE', baseline: { rakuten: 8, amazon: 5 } },
    { sku: 'MUG', baseline: { rakuten: 3, amazon: 2 } },
    { sku: 'RARE', baseline: { rakuten: 0.2, amazon: 0.1 } },
  ],
  [
    { id: 'rakuten', kind: 'mall-wide-sale', uplift: 3, campaignDays: [20, 50, 80, 110, 140] },
    { id: 'amazon', kind: 'mall-wide-sale', uplift: 2, campaignDays: [35, 95, 155] },
  ],
  FIRST_DAY,
  180,
  31,
);

const PLAN = `
seed: 5
runs: 12
window: { from: 2026-12-04T18:00, to: 2026-12-05T06:00 }
promotions:
  - { id: ss, channels: [rakuten], kind: mall-wide-sale, from: 2026-12-04T20:00, to: 2026-12-05T02:00 }
channels:
  rakuten: { reservesAt: cart, checkoutRate: 0.7, importDelayMinutes: 30 }
  amazon: { importDelayMinutes: 3 }
costs: { oversellUnit: 3000, lostUnit: 1000, leftoverUnit: 100 }
policies:
  - name: interval-15
    sync: { mode: interval, minutes: 15 }
    rules: { version: 1, mode: shared, rules: [{ id: all, shares: { rakuten: 100, amazon: 100 } }] }
  - name: event
    sync: { mode: event-driven }
    rules: { version: 1, mode: shared, rules: [{ id: all, shares: { rakuten: 100, amazon: 100 } }] }
search: { candidates: 4, runsPerCandidate: 4 }
`;

function plan(): Plan {
  const parsed = parsePlan(PLAN);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.plan;
}

const stock = [
  { sku: 'TEE', onHand: 150, leadTimeDays: 10 },
  { sku: 'MUG', onHand: 400, leadTimeDays: 3 },
  { sku: 'RARE', onHand: 2, leadTimeDays: 400 },
];

describe('runSimulation', () => {
  const input = { history: history.rows, campaigns: history.campaigns, stock, inbound: [], plan: plan() };
  const progress: SimulationProgress[] = [];
  const report = runSimulation(input, { onProgress: (p) => progress.push(p) });

  it('gives an identical report for the same input and seed', () => {
    expect(runSimulation(input)).toEqual(report);
    expect(JSON.parse(JSON.stringify(report))).toEqual(JSON.parse(JSON.stringify(runSimulation(input))));
  });

  it('conserves units and compares every policy of the plan', () => {
    expect(report.checks.unitsConserved).toBe(true);
    expect(report.policies.map((p) => p.name)).toEqual(['interval-15', 'event']);
    expect(report.policies[0].demand).toEqual(report.policies[1].demand);
    expect(report.window).toEqual({ from: '2026-12-04T18:00+09:00', to: '2026-12-05T06:00+09:00', hours: 12 });
    expect(report.policies[0].shownByHour[0].p50).toHaveLength(13);
  });

  it('forecasts every series and learns the uplift per channel', () => {
    expect(report.forecast.series).toHaveLength(6);
    const rare = report.forecast.series.find((s) => s.sku === 'RARE' && s.channel === 'rakuten');
    expect(['intermittent', 'lumpy']).toContain(rare?.pattern);
    const rakuten = report.forecast.uplifts.find((u) => u.channel === 'rakuten');
    expect(Math.abs((rakuten?.pooled ?? 0) / 3 - 1)).toBeLessThan(0.1);
  });

  it('orders by campaign start − lead time and flags SKUs that cannot be replenished in time', () => {
    const tee = report.recommendations.replenishment.find((r) => r.sku === 'TEE');
    expect(tee?.orderBy).toBe('2026-11-24');
    expect(report.recommendations.criticalRatio).toBeCloseTo(1000 / 1100, 10);
    const mug = report.recommendations.replenishment.find((r) => r.sku === 'MUG');
    expect(mug?.orderQuantity).toBe(0);
    const flagged = report.recommendations.atRisk.map((r) => r.sku);
    expect(flagged).not.toContain('MUG');
  });

  it('reports progress for each stage and ends each at its total', () => {
    for (const stage of ['forecast', 'simulate', 'search'] as const) {
      const last = progress.filter((p) => p.stage === stage).at(-1);
      expect(last?.done).toBe(last?.total);
    }
    expect(progress.filter((p) => p.stage === 'simulate')).toHaveLength(12);
  });
});
