/**
 * One SKU's sales on one channel as a regular series, oldest first: daily or weekly totals, with the
 * periods sold under a promotion marked so the baseline is estimated without them.
 */
export type Granularity = 'day' | 'week';

export interface DemandSeries {
  readonly sku: string;
  readonly channel: string;
  readonly granularity: Granularity;
  /** Tokyo day number of the first period's first day. */
  readonly startDay: number;
  readonly values: readonly number[];
  /** True where the period was sold under a promotion. */
  readonly promo: readonly boolean[];
}

export const DAYS_PER_PERIOD: Readonly<Record<Granularity, number>> = {
  day: 1,
  week: 7,
};
