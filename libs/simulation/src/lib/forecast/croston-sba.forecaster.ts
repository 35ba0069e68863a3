import type { ForecastFit } from './forecast-fit';

/**
 * Croston's method with the Syntetos-Boylan bias correction for intermittent demand: sizes and
 * intervals between demands are smoothed separately, and the rate z/p is scaled by (1 − α/2) because
 * plain Croston overstates it. Promotional periods are skipped entirely: they neither count as a
 * demand nor lengthen the interval.
 */
const ALPHA = 0.1;

export function fitCrostonSba(
  values: readonly number[],
  use: readonly boolean[],
  horizon: number,
): ForecastFit {
  const correction = 1 - ALPHA / 2;
  let size: number | undefined;
  let interval = 1;
  let sinceLast = 0;
  const fitted = new Array<number>(values.length);
  for (let t = 0; t < values.length; t++) {
    fitted[t] = size === undefined ? 0 : (correction * size) / interval;
    if (!use[t]) continue;
    sinceLast++;
    const y = values[t];
    if (y <= 0) continue;
    if (size === undefined) {
      size = y;
      interval = sinceLast;
    } else {
      size += ALPHA * (y - size);
      interval += ALPHA * (sinceLast - interval);
    }
    sinceLast = 0;
  }
  const rate = size === undefined ? 0 : (correction * size) / interval;
  return {
    method: 'croston-sba',
    fitted,
    forecast: new Array<number>(horizon).fill(rate),
  };
}
