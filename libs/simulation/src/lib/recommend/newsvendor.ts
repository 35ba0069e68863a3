/**
 * The newsvendor rule: stock up to the demand quantile at the critical ratio
 * underage / (underage + overage), where underage is what a unit short costs (a lost sale) and
 * overage what a unit too many costs (left over). A target service level replaces the ratio.
 */
export function criticalRatio(underageCost: number, overageCost: number): number {
  const total = underageCost + overageCost;
  return total > 0 ? underageCost / total : 0.5;
}

/** The smallest stock level whose share of demand samples at or below it reaches `ratio`. */
export function newsvendorQuantity(demandSamples: readonly number[], ratio: number): number {
  if (demandSamples.length === 0) return 0;
  const sorted = [...demandSamples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(ratio * sorted.length) - 1));
  return Math.ceil(sorted[index]);
}
