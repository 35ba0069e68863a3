import type { CampaignRow, SalesRow } from '../input/import-formats';
import { tokyoDayNumber } from '../input/tokyo-time';
import { DAYS_PER_PERIOD, type DemandSeries, type Granularity } from './demand-series';

/**
 * Turns imported history rows into one regular series per SKU × channel over the whole history span
 * (days without a row are zero sales). A period is masked as promotional when a row says so or when
 * one of that channel's past campaigns overlaps it.
 */
export function buildDemandSeries(
  rows: readonly SalesRow[],
  campaigns: readonly CampaignRow[],
): DemandSeries[] {
  if (rows.length === 0) return [];
  const days = rows.map((row) => tokyoDayNumber(row.date));
  const granularity = detectGranularity(days);
  const step = DAYS_PER_PERIOD[granularity];
  const firstDay = Math.min(...days);
  const length = Math.floor((Math.max(...days) - firstDay) / step) + 1;
  const byKey = new Map<string, { values: number[]; promo: boolean[]; sku: string; channel: string }>();
  rows.forEach((row, index) => {
    const key = `${row.sku}\u0000${row.channel}`;
    let series = byKey.get(key);
    if (series === undefined) {
      series = {
        sku: row.sku,
        channel: row.channel,
        values: new Array<number>(length).fill(0),
        promo: new Array<boolean>(length).fill(false),
      };
      byKey.set(key, series);
    }
    const period = Math.floor((days[index] - firstDay) / step);
    series.values[period] += row.quantity;
    if (row.promo || row.campaign_id !== '') series.promo[period] = true;
  });
  for (const series of byKey.values()) {
    for (const campaign of campaigns) {
      if (campaign.channel !== series.channel) continue;
      const from = Math.floor((tokyoDayNumber(campaign.from) - firstDay) / step);
      const to = Math.floor((tokyoDayNumber(campaign.to - 1) - firstDay) / step);
      for (let period = Math.max(0, from); period <= Math.min(length - 1, to); period++) {
        series.promo[period] = true;
      }
    }
  }
  return [...byKey.values()]
    .sort((a, b) => (a.sku === b.sku ? compare(a.channel, b.channel) : compare(a.sku, b.sku)))
    .map((series) => ({ ...series, granularity, startDay: firstDay }));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Weekly when every row falls on the same weekday and more than one week is covered; else daily. */
export function detectGranularity(days: readonly number[]): Granularity {
  const distinct = [...new Set(days)];
  if (distinct.length < 2) return 'day';
  const first = distinct[0];
  return distinct.every((day) => (day - first) % 7 === 0) ? 'week' : 'day';
}
