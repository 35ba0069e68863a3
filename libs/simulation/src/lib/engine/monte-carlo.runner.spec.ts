import fc from 'fast-check';
import { conserves } from '../report/run-simulation';
import { simulateRuns } from './monte-carlo.runner';
import {
  EVENT,
  fixtureScenario,
  INTERVAL_15,
  PARTITIONED,
  policy,
  SHARE_ALL,
} from '../../../test/scenario-fixtures';

describe('simulateRuns', () => {
  it('conserves units in every run: initial + inbound = sold + leftover', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 60 }),
        fc.boolean(),
        fc.constantFrom(EVENT, INTERVAL_15),
        fc.integer({ min: 1, max: 1000 }),
        (initial, inbound, dailyOrders, cart, sync, seed) => {
          const scenario = fixtureScenario({
            initial,
            inbound,
            dailyOrders,
            seed,
            hours: 3,
            channels: [
              { id: 'rakuten', reservesAt: cart ? 'cart' : 'order', checkoutRate: 0.6, importDelayMs: 30 * 60_000 },
              { id: 'amazon' },
            ],
          });
          const [runs] = simulateRuns(scenario, [policy('p', SHARE_ALL, sync, scenario)], [0, 1]);
          for (const run of runs) {
            expect(conserves(run)).toBe(true);
            expect(run.initial).toBe(initial * scenario.skus.length);
            expect(run.sold).toBeLessThanOrEqual(run.demand);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('gives the same figures for the same seed and different ones for another seed', () => {
    const scenario = fixtureScenario({ dispersion: 3 });
    const policies = [policy('p', SHARE_ALL, EVENT, scenario)];
    const first = simulateRuns(scenario, policies, [0, 1, 2]);
    expect(simulateRuns(scenario, policies, [0, 1, 2])).toEqual(first);
    const reseeded = simulateRuns({ ...scenario, seed: scenario.seed + 1 }, policies, [0, 1, 2]);
    expect(reseeded[0].map((m) => m.demand)).not.toEqual(first[0].map((m) => m.demand));
  });

  it('shows every policy the same buyers (common random numbers)', () => {
    const scenario = fixtureScenario();
    const [a, b] = simulateRuns(
      scenario,
      [policy('shared', SHARE_ALL, INTERVAL_15, scenario), policy('split', PARTITIONED, EVENT, scenario)],
      [0, 1, 2, 3],
    );
    expect(a.map((m) => m.demand)).toEqual(b.map((m) => m.demand));
    expect(Array.from(a[0].skuDemand)).toEqual(Array.from(b[0].skuDemand));
  });

  it('oversells when channels share stock and sync lags, never when the stock is partitioned', () => {
    const scenario = fixtureScenario({ initial: 15, dailyOrders: 30, uplift: 12 });
    const runs = Array.from({ length: 20 }, (_, i) => i);
    const [interval, eventDriven, partitioned] = simulateRuns(
      scenario,
      [
        policy('interval', SHARE_ALL, INTERVAL_15, scenario),
        policy('event', SHARE_ALL, EVENT, scenario),
        policy('split', PARTITIONED, INTERVAL_15, scenario),
      ],
      runs,
    );
    const oversold = (metrics: typeof interval) => metrics.reduce((sum, m) => sum + m.oversold, 0);
    expect(oversold(interval)).toBeGreaterThan(oversold(eventDriven));
    expect(oversold(eventDriven)).toBeGreaterThan(0);
    expect(oversold(partitioned)).toBe(0);
    // Partitioning refuses buyers on one channel while another still holds units: the rules chose it.
    expect(partitioned.reduce((sum, m) => sum + m.turnedAway, 0)).toBeGreaterThan(0);
  });

  it('sells nothing on a channel that shows nothing', () => {
    const scenario = fixtureScenario({ initial: 30 });
    const amazonOff = {
      version: 1,
      mode: 'shared' as const,
      rules: [{ id: 'no-amazon', shares: { rakuten: 100, amazon: 0, shopify: 100 } }],
    };
    const [runs] = simulateRuns(scenario, [policy('p', amazonOff, EVENT, scenario)], [0, 1, 2]);
    for (const run of runs) {
      expect(run.channels[1].sold).toBe(0);
      expect(run.channels[1].oversold).toBe(0);
      expect(run.channels[1].stockOutHours).toBeCloseTo(6 * scenario.skus.length, 6);
    }
  });

  it('reallocates when a rule window opens, even without a stock change', () => {
    const scenario = fixtureScenario({ initial: 500, dailyOrders: 0, uplift: 1, channels: [{ id: 'rakuten' }, { id: 'amazon' }] });
    const amazonStopsAt = '2026-12-04T22:00';
    const rules = {
      version: 1,
      mode: 'shared' as const,
      rules: [
        { id: 'all', shares: { rakuten: 100, amazon: 100 } },
        { id: 'amazon-off', window: { from: amazonStopsAt }, shares: { rakuten: 100, amazon: 0 }, precedence: 1 },
      ],
    };
    const [runs] = simulateRuns(scenario, [policy('p', rules, EVENT, scenario)], [0, 1]);
    for (const run of runs) {
      // No buyer changes the stock; amazon still shows 0 from 22:00 (plus the push latency) to the
      // end: 4 of the 6 hours, per SKU.
      expect(run.channels[1].stockOutHours).toBeCloseTo(4 * scenario.skus.length, 2);
      expect(run.shownByHour[1][3]).toBe(0);
    }
  });

  it('blames sync lag, not the rules, for buyers turned away while a slow push is under way', () => {
    // Channels sell out their few units; the inbound refill reaches them only at the next 2-hour push.
    const scenario = fixtureScenario({
      initial: 3,
      inbound: 400,
      dailyOrders: 40,
      uplift: 1,
      channels: [{ id: 'rakuten' }, { id: 'amazon' }],
    });
    const [runs] = simulateRuns(scenario, [policy('slow', SHARE_ALL, { mode: 'interval', minutes: 120 }, scenario)], [0, 1, 2, 3]);
    const lag = runs.reduce((sum, m) => sum + m.lostSyncLag, 0);
    expect(lag).toBeGreaterThan(0);
    expect(runs.reduce((sum, m) => sum + m.lostRules, 0)).toBe(0);
    expect(runs.reduce((sum, m) => sum + m.turnedAway, 0)).toBeGreaterThanOrEqual(lag);
  });

  it('gives held cart units back when carts are abandoned, so they can still sell', () => {
    const base = { initial: 10, dailyOrders: 30, uplift: 1 };
    const abandoning = fixtureScenario({
      ...base,
      channels: [{ id: 'rakuten', reservesAt: 'cart', checkoutRate: 0.3, cartHoldMs: 10 * 60_000 }],
    });
    const [runs] = simulateRuns(abandoning, [policy('p', SHARE_ALL, EVENT, abandoning)], [0, 1, 2, 3, 4]);
    for (const run of runs) {
      expect(conserves(run)).toBe(true);
      expect(run.oversold).toBe(0);
    }
    // Demand counts only carts that become orders: about 30 % of the carts.
    expect(runs.reduce((sum, m) => sum + m.sold, 0)).toBeGreaterThan(0);
  });

  it('fills oversold units from the next inbound before anything else', () => {
    const scenario = fixtureScenario({ initial: 5, inbound: 50, dailyOrders: 60, uplift: 8 });
    const [runs] = simulateRuns(scenario, [policy('p', SHARE_ALL, INTERVAL_15, scenario)], [0, 1, 2]);
    for (const run of runs) {
      expect(run.oversold).toBeGreaterThan(0);
      expect(run.backordersOpen).toBeLessThan(run.oversold);
      expect(conserves(run)).toBe(true);
    }
  });
});
