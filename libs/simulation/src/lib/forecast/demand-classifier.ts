/**
 * Syntetos-Boylan classification of a demand series by the average inter-demand interval (ADI) and
 * the squared coefficient of variation of the non-zero sizes (CV²), with their published cut-offs
 * 1.32 and 0.49. It decides which forecaster suits the series.
 */
export type DemandPattern = 'smooth' | 'erratic' | 'intermittent' | 'lumpy' | 'no-demand';

export interface DemandClassification {
  readonly pattern: DemandPattern;
  readonly adi: number;
  readonly cv2: number;
}

export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

/** Classifies the values where `use` is true (promotional periods are left out by the caller). */
export function classifyDemand(
  values: readonly number[],
  use: readonly boolean[],
): DemandClassification {
  const sizes: number[] = [];
  let periods = 0;
  for (let i = 0; i < values.length; i++) {
    if (!use[i]) continue;
    periods++;
    if (values[i] > 0) sizes.push(values[i]);
  }
  if (sizes.length === 0) return { pattern: 'no-demand', adi: Infinity, cv2: 0 };
  const adi = periods / sizes.length;
  const mean = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
  const variance =
    sizes.reduce((sum, size) => sum + (size - mean) ** 2, 0) / sizes.length;
  const cv2 = variance / (mean * mean);
  const frequent = adi < ADI_CUTOFF;
  const steady = cv2 < CV2_CUTOFF;
  const pattern: DemandPattern = frequent
    ? steady
      ? 'smooth'
      : 'erratic'
    : steady
      ? 'intermittent'
      : 'lumpy';
  return { pattern, adi, cv2 };
}
