import { percentile, round, spreadOf, type Spread } from './percentiles';
import type { RunMetrics } from './run-metrics';
import type { Scenario } from './scenario.types';

/** One policy across all runs: the figures of the comparison table, charts and recommendations. */
export interface UnitCosts {
  readonly oversellUnit: number;
  readonly lostUnit: number;
}

export interface ChannelSummary {
  readonly channel: string;
  readonly sold: Spread;
  readonly lostSyncLag: Spread;
  readonly lostRules: Spread;
  readonly oversold: Spread;
  readonly stockOutHours: Spread;
}

export interface Band {
  readonly p10: readonly number[];
  readonly p50: readonly number[];
  readonly p90: readonly number[];
}

export interface SkuRisk {
  readonly sku: string;
  /** Share of runs in which the SKU sold out during the window. */
  readonly stockOutProbability: number;
  readonly meanLost: number;
  readonly meanOversold: number;
  /** Share of runs in which the SKU oversold at least one unit. */
  readonly oversellProbability: number;
  readonly meanDemand: number;
}

export interface PolicySummary {
  readonly name: string;
  readonly runs: number;
  readonly demand: Spread;
  readonly sold: Spread;
  readonly turnedAway: Spread;
  readonly lost: Spread;
  readonly lostSyncLag: Spread;
  readonly lostRules: Spread;
  readonly unmet: Spread;
  readonly oversold: Spread;
  readonly leftover: Spread;
  readonly backordersOpen: Spread;
  /** Cost of lost sales + oversells in yen, per run. */
  readonly cost: Spread;
  readonly channels: readonly ChannelSummary[];
  /** Stock shown per channel (summed over SKUs) at each hour mark of the window. */
  readonly shownByHour: readonly (Band & { readonly channel: string })[];
  readonly physicalByHour: Band;
  readonly skus: readonly SkuRisk[];
}

export function runCost(metrics: RunMetrics, costs: UnitCosts): number {
  return (metrics.lostSyncLag + metrics.lostRules) * costs.lostUnit + metrics.oversold * costs.oversellUnit;
}

export function summarisePolicy(
  name: string,
  scenario: Scenario,
  runs: readonly RunMetrics[],
  costs: UnitCosts,
): PolicySummary {
  const of = (pick: (m: RunMetrics) => number) => spreadOf(runs.map(pick));
  const count = runs.length;
  return {
    name,
    runs: count,
    demand: of((m) => m.demand),
    sold: of((m) => m.sold),
    turnedAway: of((m) => m.turnedAway),
    lost: of((m) => m.lostSyncLag + m.lostRules),
    lostSyncLag: of((m) => m.lostSyncLag),
    lostRules: of((m) => m.lostRules),
    unmet: of((m) => m.unmet),
    oversold: of((m) => m.oversold),
    leftover: of((m) => m.leftover),
    backordersOpen: of((m) => m.backordersOpen),
    cost: of((m) => runCost(m, costs)),
    channels: scenario.channels.map((channel, c) => ({
      channel: channel.id,
      sold: of((m) => m.channels[c].sold),
      lostSyncLag: of((m) => m.channels[c].lostSyncLag),
      lostRules: of((m) => m.channels[c].lostRules),
      oversold: of((m) => m.channels[c].oversold),
      stockOutHours: of((m) => m.channels[c].stockOutHours),
    })),
    shownByHour: scenario.channels.map((channel, c) => ({
      channel: channel.id,
      ...band(runs.map((m) => m.shownByHour[c])),
    })),
    physicalByHour: band(runs.map((m) => m.physicalByHour)),
    skus: scenario.skus.map((sku, s) => {
      let soldOut = 0;
      let lost = 0;
      let oversold = 0;
      let oversellRuns = 0;
      let demand = 0;
      for (const m of runs) {
        soldOut += m.skuSoldOut[s];
        lost += m.skuLost[s];
        oversold += m.skuOversold[s];
        if (m.skuOversold[s] > 0) oversellRuns++;
        demand += m.skuDemand[s];
      }
      return {
        sku: sku.sku,
        stockOutProbability: round(soldOut / count),
        meanLost: round(lost / count),
        meanOversold: round(oversold / count),
        oversellProbability: round(oversellRuns / count),
        meanDemand: round(demand / count),
      };
    }),
  };
}

function band(series: readonly Float64Array[]): Band {
  const length = series[0]?.length ?? 0;
  const p10: number[] = [];
  const p50: number[] = [];
  const p90: number[] = [];
  for (let h = 0; h < length; h++) {
    const values = series.map((s) => s[h]).sort((a, b) => a - b);
    p10.push(round(percentile(values, 0.1)));
    p50.push(round(percentile(values, 0.5)));
    p90.push(round(percentile(values, 0.9)));
  }
  return { p10, p50, p90 };
}
