/** Mean and percentiles of a metric across runs. */
export interface Spread {
  readonly mean: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/** Linear interpolation between the closest ranks (the R-7 / Excel PERCENTILE.INC definition). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    mean: round(mean),
    p5: round(percentile(sorted, 0.05)),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
  };
}

/** Reports carry 4 significant decimals: enough for any figure shown, and stable to compare. */
export function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
