import { fitCrostonSba } from './croston-sba.forecaster';
import {
  classifyDemand,
  type DemandClassification,
} from './demand-classifier';
import type { ForecastFit } from './forecast-fit';
import { fitHoltWinters } from './holt-winters.forecaster';
import { fitSeasonalNaive } from './seasonal-naive.forecaster';
import { fitTsb } from './tsb.forecaster';

/**
 * The baseline of one series (promotional periods masked), by the method its demand pattern calls
 * for, next to the seasonal naive benchmark. Smooth and erratic series are dense enough for
 * exponential smoothing; intermittent ones get Croston-SBA, lumpy ones TSB.
 */
export interface BaselineForecast {
  readonly classification: DemandClassification;
  readonly chosen: ForecastFit;
  readonly seasonalNaive: ForecastFit;
  /** Standard deviation of the chosen method's one-step errors on regular periods. */
  readonly residualSd: number;
  /**
   * Negative binomial dispersion k (variance = mean + mean² / k) of the regular periods around the
   * fitted baseline; Infinity when they vary no more than Poisson.
   */
  readonly dispersion: number;
}

export function forecastBaseline(
  values: readonly number[],
  promo: readonly boolean[],
  period: number,
  horizon: number,
): BaselineForecast {
  const use = promo.map((isPromo) => !isPromo);
  const classification = classifyDemand(values, use);
  const chosen = fitFor(classification, values, use, period, horizon);
  const seasonalNaive = fitSeasonalNaive(values, use, period, horizon);
  const { residualSd, dispersion } = residualStatistics(values, use, chosen.fitted, period);
  return { classification, chosen, seasonalNaive, residualSd, dispersion };
}

function fitFor(
  classification: DemandClassification,
  values: readonly number[],
  use: readonly boolean[],
  period: number,
  horizon: number,
): ForecastFit {
  switch (classification.pattern) {
    case 'smooth':
    case 'erratic':
      return fitHoltWinters(values, use, period, horizon);
    case 'intermittent':
      return fitCrostonSba(values, use, horizon);
    case 'lumpy':
      return fitTsb(values, use, horizon);
    case 'no-demand':
      return {
        method: 'zero',
        fitted: values.map(() => 0),
        forecast: new Array<number>(horizon).fill(0),
      };
  }
}

function residualStatistics(
  values: readonly number[],
  use: readonly boolean[],
  fitted: readonly number[],
  period: number,
): { residualSd: number; dispersion: number } {
  const warmUp = Math.min(period, Math.floor(values.length / 2));
  let squares = 0;
  let meanSum = 0;
  let count = 0;
  for (let i = warmUp; i < values.length; i++) {
    if (!use[i]) continue;
    squares += (values[i] - fitted[i]) ** 2;
    meanSum += fitted[i];
    count++;
  }
  if (count < 2) return { residualSd: 0, dispersion: Infinity };
  const variance = squares / count;
  const mean = meanSum / count;
  // Residuals also carry the fitted level's own error (a few percent of the variance), so only
  // variance clearly beyond Poisson is taken as overdispersion.
  const excess = variance - mean;
  const dispersion =
    mean > 0 && excess > 0.2 * mean ? Math.max(0.5, (mean * mean) / excess) : Infinity;
  return { residualSd: Math.sqrt(variance), dispersion };
}
