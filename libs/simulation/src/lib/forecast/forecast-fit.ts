/** What every forecaster returns: in-sample one-step predictions and the forecast ahead. */
export type ForecastMethod =
  | 'holt-winters-additive'
  | 'holt-winters-multiplicative'
  | 'damped-holt'
  | 'croston-sba'
  | 'tsb'
  | 'seasonal-naive'
  | 'zero';

export interface ForecastFit {
  readonly method: ForecastMethod;
  /** `fitted[i]` predicts `values[i]` from the periods before it; promotional periods read their baseline here. */
  readonly fitted: readonly number[];
  /** Mean demand for the `horizon` periods after the last one. */
  readonly forecast: readonly number[];
}

/** Sum of squared one-step errors over the periods that count, skipping a warm-up. */
export function oneStepSse(
  values: readonly number[],
  use: readonly boolean[],
  fitted: readonly number[],
  warmUp: number,
): number {
  let sse = 0;
  for (let i = warmUp; i < values.length; i++) {
    if (use[i]) sse += (values[i] - fitted[i]) ** 2;
  }
  return sse;
}
