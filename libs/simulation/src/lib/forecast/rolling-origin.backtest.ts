import { scaledErrors } from './accuracy-metrics';
import { forecastBaseline } from './baseline.forecaster';
import type { DemandPattern } from './demand-classifier';
import type { DemandSeries } from './demand-series';
import type { ForecastMethod } from './forecast-fit';

/**
 * Rolling-origin evaluation: the series is cut at several origins, each model is fitted on what came
 * before and scored on the next `horizon` periods, and the scores are averaged over the origins.
 * The chosen method is scored against seasonal naive, the benchmark it has to beat (MASE < 1 means
 * better than seasonal naive's in-sample error).
 */
export interface BacktestOptions {
  readonly horizon: number;
  readonly period: number;
  /** Most origins per series; the last one ends the test window at the end of the history. */
  readonly origins: number;
}

export interface SeriesBacktest {
  readonly sku: string;
  readonly channel: string;
  readonly pattern: DemandPattern;
  readonly method: ForecastMethod;
  readonly origins: number;
  readonly mase: number;
  readonly rmsse: number;
  readonly naiveMase: number;
  readonly naiveRmsse: number;
}

export interface BacktestSummary {
  readonly horizon: number;
  readonly period: number;
  readonly series: readonly SeriesBacktest[];
  /** Series too short, or with no variation, to be scored. */
  readonly skipped: number;
  readonly meanMase: number;
  readonly meanRmsse: number;
  readonly naiveMeanMase: number;
  readonly naiveMeanRmsse: number;
  /** Share of scored series where the chosen method's MASE beats seasonal naive's. */
  readonly beatsNaiveShare: number;
}

export function backtest(
  allSeries: readonly DemandSeries[],
  options: BacktestOptions,
): BacktestSummary {
  const scored: SeriesBacktest[] = [];
  for (const series of allSeries) {
    const result = backtestSeries(series, options);
    if (result !== null) scored.push(result);
  }
  const mean = (pick: (s: SeriesBacktest) => number) =>
    scored.length === 0 ? NaN : scored.reduce((sum, s) => sum + pick(s), 0) / scored.length;
  return {
    horizon: options.horizon,
    period: options.period,
    series: scored,
    skipped: allSeries.length - scored.length,
    meanMase: mean((s) => s.mase),
    meanRmsse: mean((s) => s.rmsse),
    naiveMeanMase: mean((s) => s.naiveMase),
    naiveMeanRmsse: mean((s) => s.naiveRmsse),
    beatsNaiveShare: mean((s) => (s.mase < s.naiveMase ? 1 : 0)),
  };
}

function backtestSeries(
  series: DemandSeries,
  { horizon, period, origins }: BacktestOptions,
): SeriesBacktest | null {
  const n = series.values.length;
  const minimumTraining = Math.max(2 * period, 8);
  const totals = { mase: 0, rmsse: 0, naiveMase: 0, naiveRmsse: 0 };
  let used = 0;
  let pattern: DemandPattern = 'no-demand';
  let method: ForecastMethod = 'zero';
  for (let k = 0; k < origins; k++) {
    const origin = n - horizon - k * horizon;
    if (origin < minimumTraining) break;
    const training = series.values.slice(0, origin);
    const trainingPromo = series.promo.slice(0, origin);
    const trainingUse = trainingPromo.map((p) => !p);
    const actual = series.values.slice(origin, origin + horizon);
    const actualUse = series.promo.slice(origin, origin + horizon).map((p) => !p);
    const fit = forecastBaseline(training, trainingPromo, period, horizon);
    const chosen = scaledErrors(training, trainingUse, actual, actualUse, fit.chosen.forecast, period);
    const naive = scaledErrors(training, trainingUse, actual, actualUse, fit.seasonalNaive.forecast, period);
    if (chosen === null || naive === null) continue;
    if (used === 0) {
      pattern = fit.classification.pattern;
      method = fit.chosen.method;
    }
    totals.mase += chosen.mase;
    totals.rmsse += chosen.rmsse;
    totals.naiveMase += naive.mase;
    totals.naiveRmsse += naive.rmsse;
    used++;
  }
  if (used === 0) return null;
  return {
    sku: series.sku,
    channel: series.channel,
    pattern,
    method,
    origins: used,
    mase: totals.mase / used,
    rmsse: totals.rmsse / used,
    naiveMase: totals.naiveMase / used,
    naiveRmsse: totals.naiveRmsse / used,
  };
}
