import { DAYS_PER_PERIOD, type Granularity } from '../forecast/demand-series';
import type { DemandPattern } from '../forecast/demand-classifier';
import type { ForecastMethod } from '../forecast/forecast-fit';
import type { SeriesForecast } from '../forecast/series-forecast';
import { round } from '../engine/percentiles';
import { formatTokyoDate } from '../input/tokyo-time';

/** The forecast part of the report: per series its pattern, method, recent history and bands. */
export interface ForecastPoint {
  readonly date: string;
  readonly mean: number;
  /** 80 % band from the one-step residuals. */
  readonly low: number;
  readonly high: number;
  readonly seasonalNaive: number;
}

export interface HistoryPoint {
  readonly date: string;
  readonly units: number;
  readonly baseline: number;
  readonly promo: boolean;
}

export interface SeriesReport {
  readonly sku: string;
  readonly channel: string;
  readonly granularity: Granularity;
  readonly pattern: DemandPattern;
  readonly adi: number | null;
  readonly cv2: number;
  readonly method: ForecastMethod;
  readonly dispersion: number | null;
  readonly history: readonly HistoryPoint[];
  readonly forecast: readonly ForecastPoint[];
}

/** Enough history to see a season and a half of weeks, without making reports huge. */
const HISTORY_PERIODS = 56;
const Z80 = 1.2816;

export function forecastSection(forecasts: readonly SeriesForecast[]): SeriesReport[] {
  return forecasts.map(({ series, baseline, firstForecastDay }) => {
    const step = DAYS_PER_PERIOD[series.granularity];
    const n = series.values.length;
    const first = Math.max(0, n - HISTORY_PERIODS);
    const history: HistoryPoint[] = [];
    for (let i = first; i < n; i++) {
      history.push({
        date: formatTokyoDate(series.startDay + i * step),
        units: series.values[i],
        baseline: round(baseline.chosen.fitted[i]),
        promo: series.promo[i],
      });
    }
    const spread = Z80 * baseline.residualSd;
    const forecast = baseline.chosen.forecast.map((mean, h) => ({
      date: formatTokyoDate(firstForecastDay + h * step),
      mean: round(mean),
      low: round(Math.max(0, mean - spread)),
      high: round(mean + spread),
      seasonalNaive: round(baseline.seasonalNaive.forecast[h]),
    }));
    return {
      sku: series.sku,
      channel: series.channel,
      granularity: series.granularity,
      pattern: baseline.classification.pattern,
      adi: Number.isFinite(baseline.classification.adi) ? round(baseline.classification.adi) : null,
      cv2: round(baseline.classification.cv2),
      method: baseline.chosen.method,
      dispersion: Number.isFinite(baseline.dispersion) ? round(baseline.dispersion) : null,
      history,
      forecast,
    };
  });
}
