import type { Granularity } from './demand-series';

/** A week of days, or a year of weeks, unless the plan says otherwise. */
export function seasonPeriodFor(
  granularity: Granularity,
  configured: number | undefined,
): number {
  return configured ?? (granularity === 'day' ? 7 : 52);
}
