import type { ForecastFit } from './forecast-fit';

/**
 * The benchmark every method must beat: each period repeats the last observed value one season
 * earlier (the last value when the history is shorter than a season). Promotional periods are not
 * observations, so the search goes back season by season until a regular period is found.
 */
export function fitSeasonalNaive(
  values: readonly number[],
  use: readonly boolean[],
  period: number,
  horizon: number,
): ForecastFit {
  const lag = values.length >= period ? period : 1;
  const lastRegular = (position: number): number => {
    for (let i = position; i >= 0; i -= lag) if (use[i]) return values[i];
    return 0;
  };
  const fitted = values.map((_, t) => (t >= lag ? lastRegular(t - lag) : 0));
  const forecast = Array.from({ length: horizon }, (_, h) => {
    const position = values.length - lag + (h % lag);
    return lastRegular(position);
  });
  return { method: 'seasonal-naive', fitted, forecast };
}
