import type { ForecastFit } from './forecast-fit';

/**
 * Teunter-Syntetos-Babai: smooths the probability of a demand every period and its size when one
 * occurs, so the forecast decays when demand dies out. Used for lumpy series, where a SKU that stops
 * selling should stop being stocked for; Croston would keep its old rate forever.
 */
const ALPHA_SIZE = 0.1;
const BETA_PROBABILITY = 0.1;

export function fitTsb(
  values: readonly number[],
  use: readonly boolean[],
  horizon: number,
): ForecastFit {
  const observed = values.filter((_, i) => use[i]);
  const demands = observed.filter((value) => value > 0);
  let probability = observed.length > 0 ? demands.length / observed.length : 0;
  let size =
    demands.length > 0 ? demands.reduce((a, b) => a + b, 0) / demands.length : 0;
  const fitted = new Array<number>(values.length);
  for (let t = 0; t < values.length; t++) {
    fitted[t] = probability * size;
    if (!use[t]) continue;
    const y = values[t];
    probability += BETA_PROBABILITY * ((y > 0 ? 1 : 0) - probability);
    if (y > 0) size += ALPHA_SIZE * (y - size);
  }
  return {
    method: 'tsb',
    fitted,
    forecast: new Array<number>(horizon).fill(probability * size),
  };
}
