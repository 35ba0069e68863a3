import { forecastBaseline, type BaselineForecast } from './baseline.forecaster';
import { DAYS_PER_PERIOD, type DemandSeries } from './demand-series';

/**
 * A series' baseline forecast carried up to a given Tokyo day, with a reader for the expected
 * baseline units on any single day (a weekly forecast spread evenly over its seven days).
 */
export interface SeriesForecast {
  readonly series: DemandSeries;
  readonly baseline: BaselineForecast;
  /** Tokyo day number of the first day after the history. */
  readonly firstForecastDay: number;
}

export function forecastSeriesUntil(
  series: DemandSeries,
  period: number,
  lastDay: number,
): SeriesForecast {
  const step = DAYS_PER_PERIOD[series.granularity];
  const firstForecastDay = series.startDay + series.values.length * step;
  const horizon = Math.max(1, Math.ceil((lastDay - firstForecastDay + 1) / step));
  return {
    series,
    baseline: forecastBaseline(series.values, series.promo, period, horizon),
    firstForecastDay,
  };
}

/** Expected baseline units on Tokyo day `day`: the fitted value inside the history, the forecast after it. */
export function baselineUnitsOnDay(forecast: SeriesForecast, day: number): number {
  const { series, baseline } = forecast;
  const step = DAYS_PER_PERIOD[series.granularity];
  const period = Math.floor((day - series.startDay) / step);
  if (period < 0) return 0;
  const n = series.values.length;
  const value =
    period < n
      ? baseline.chosen.fitted[period]
      : baseline.chosen.forecast[Math.min(period - n, baseline.chosen.forecast.length - 1)];
  return value / step;
}

/** Daily dispersion: a weekly total of seven independent days is seven times less dispersed. */
export function dailyDispersion(forecast: SeriesForecast): number {
  return forecast.baseline.dispersion / DAYS_PER_PERIOD[forecast.series.granularity];
}
