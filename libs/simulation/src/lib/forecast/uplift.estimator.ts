import type { CampaignKind, CampaignRow } from '../input/import-formats';
import { tokyoDayNumber } from '../input/tokyo-time';
import { DAYS_PER_PERIOD, type DemandSeries } from './demand-series';

/**
 * Campaign uplift (反応度) per channel and campaign kind: what a SKU sold during past campaigns
 * divided by its baseline over the same periods. A SKU's own ratio is shrunk toward the pooled ratio
 * of all SKUs by empirical Bayes: its sampling variance (Poisson: pooled ÷ baseline units, so large
 * when the SKU has little campaign history) is weighed against the spread of true uplifts between
 * SKUs, estimated by the method of moments. SKUs that really respond differently keep their own
 * ratio; differences that are only noise are pooled away.
 */
export interface SkuUplift {
  readonly sku: string;
  readonly campaigns: number;
  /** Own ratio of sums, unshrunk. */
  readonly raw: number;
  readonly estimate: number;
}

export interface ChannelKindUplift {
  readonly channel: string;
  readonly kind: CampaignKind;
  readonly campaigns: number;
  readonly pooled: number;
  readonly skus: readonly SkuUplift[];
}

/** Baseline (promotions masked) per period for each series, as fitted by its forecaster. */
export interface SeriesBaseline {
  readonly series: DemandSeries;
  readonly fitted: readonly number[];
}

export function estimateUplifts(
  baselines: readonly SeriesBaseline[],
  campaigns: readonly CampaignRow[],
): ChannelKindUplift[] {
  const groups = new Map<string, { channel: string; kind: CampaignKind; ids: Set<string>; perSku: Map<string, { n: number; actual: number; base: number }> }>();
  for (const campaign of campaigns) {
    const key = `${campaign.channel}\u0000${campaign.kind}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { channel: campaign.channel, kind: campaign.kind, ids: new Set(), perSku: new Map() };
      groups.set(key, group);
    }
    group.ids.add(campaign.campaign_id);
    for (const { series, fitted } of baselines) {
      if (series.channel !== campaign.channel) continue;
      const { actual, base } = campaignTotals(series, fitted, campaign);
      if (base <= 0) continue;
      const totals = group.perSku.get(series.sku) ?? { n: 0, actual: 0, base: 0 };
      group.perSku.set(series.sku, {
        n: totals.n + 1,
        actual: totals.actual + actual,
        base: totals.base + base,
      });
    }
  }
  return [...groups.values()]
    .map((group) => {
      let actual = 0;
      let base = 0;
      for (const totals of group.perSku.values()) {
        actual += totals.actual;
        base += totals.base;
      }
      const pooled = base > 0 ? actual / base : 1;
      const entries = [...group.perSku.entries()].map(([sku, totals]) => ({
        sku,
        totals,
        raw: totals.actual / totals.base,
        samplingVariance: pooled / totals.base,
      }));
      const between = betweenSkuVariance(entries.map((e) => e.raw), entries.map((e) => e.samplingVariance));
      const skus = entries
        .map(({ sku, totals, raw, samplingVariance }) => ({
          sku,
          campaigns: totals.n,
          raw,
          estimate: (between * raw + samplingVariance * pooled) / (between + samplingVariance),
        }))
        .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
      return { channel: group.channel, kind: group.kind, campaigns: group.ids.size, pooled, skus };
    })
    .sort((a, b) =>
      a.channel === b.channel ? (a.kind < b.kind ? -1 : 1) : a.channel < b.channel ? -1 : 1,
    );
}

/**
 * Variance of the true uplifts between SKUs: the observed variance of the raw ratios less the mean
 * sampling variance, never negative. A lone SKU has no spread to measure and keeps its own ratio.
 */
function betweenSkuVariance(raws: readonly number[], samplingVariances: readonly number[]): number {
  if (raws.length < 2) return Infinity;
  const mean = raws.reduce((a, b) => a + b, 0) / raws.length;
  const observed = raws.reduce((sum, raw) => sum + (raw - mean) ** 2, 0) / (raws.length - 1);
  const sampling = samplingVariances.reduce((a, b) => a + b, 0) / samplingVariances.length;
  return Math.max(0, observed - sampling);
}

function campaignTotals(
  series: DemandSeries,
  fitted: readonly number[],
  campaign: CampaignRow,
): { actual: number; base: number } {
  const step = DAYS_PER_PERIOD[series.granularity];
  const from = Math.floor((tokyoDayNumber(campaign.from) - series.startDay) / step);
  const to = Math.floor((tokyoDayNumber(campaign.to - 1) - series.startDay) / step);
  let actual = 0;
  let base = 0;
  for (let period = Math.max(0, from); period <= Math.min(series.values.length - 1, to); period++) {
    actual += series.values[period];
    base += fitted[period];
  }
  return { actual, base };
}

/**
 * The uplift to plan with for a SKU on a channel for a kind of campaign: its own shrunk estimate,
 * else the pool for that channel and kind, else every kind on that channel pooled, else none (1).
 */
export function upliftFor(
  uplifts: readonly ChannelKindUplift[],
  sku: string,
  channel: string,
  kind: CampaignKind,
): number {
  const group = uplifts.find((u) => u.channel === channel && u.kind === kind);
  if (group !== undefined) {
    return group.skus.find((s) => s.sku === sku)?.estimate ?? group.pooled;
  }
  const sameChannel = uplifts.filter((u) => u.channel === channel);
  if (sameChannel.length === 0) return 1;
  return sameChannel.reduce((sum, u) => sum + u.pooled, 0) / sameChannel.length;
}
