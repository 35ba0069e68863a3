import type { CampaignKind, CampaignRow, SalesRow } from '../src/lib/input/import-formats';
import { tokyoMidnight, tokyoWeekday } from '../src/lib/input/tokyo-time';
import { randomStream } from '../src/lib/random/seeded-random';
import { poisson } from '../src/lib/random/random-variates';

/**
 * Sales history with a known truth: each SKU × channel has a daily baseline with a weekly pattern,
 * and each channel's campaigns multiply it by a known uplift. Used by the tests to check that the
 * forecasts recover what was put in, and to write the example files.
 */
export interface SyntheticChannel {
  readonly id: string;
  readonly kind: CampaignKind;
  readonly uplift: number;
  /** Day offsets (from the first day) on which a 1-day campaign runs. */
  readonly campaignDays: readonly number[];
}

export interface SyntheticSku {
  readonly sku: string;
  /** Mean daily baseline per channel id. */
  readonly baseline: Readonly<Record<string, number>>;
}

/** Multiplies the baseline by weekday, Sunday first; its mean is 1. */
export const WEEKLY_PATTERN = [1.3, 0.85, 0.85, 0.9, 0.95, 1.0, 1.15];

export interface SyntheticHistory {
  readonly rows: SalesRow[];
  readonly campaigns: CampaignRow[];
  readonly firstDay: number;
  readonly days: number;
}

export function syntheticHistory(
  skus: readonly SyntheticSku[],
  channels: readonly SyntheticChannel[],
  firstDay: number,
  days: number,
  seed: number,
): SyntheticHistory {
  const rows: SalesRow[] = [];
  const campaigns: CampaignRow[] = [];
  channels.forEach((channel, c) => {
    for (const day of channel.campaignDays) {
      campaigns.push({
        campaign_id: `${channel.id}-${day}`,
        channel: channel.id,
        kind: channel.kind,
        from: tokyoMidnight(firstDay + day),
        to: tokyoMidnight(firstDay + day + 1),
        discount: 10,
      });
    }
    skus.forEach((sku, s) => {
      const random = randomStream(seed, s, c);
      const campaignDays = new Set(channel.campaignDays);
      for (let day = 0; day < days; day++) {
        const mean =
          (sku.baseline[channel.id] ?? 0) *
          WEEKLY_PATTERN[tokyoWeekday(firstDay + day)] *
          (campaignDays.has(day) ? channel.uplift : 1);
        const quantity = poisson(random, mean);
        if (quantity === 0) continue;
        rows.push({
          date: tokyoMidnight(firstDay + day),
          channel: channel.id,
          sku: sku.sku,
          quantity,
          price: 1980,
          campaign_id: campaignDays.has(day) ? `${channel.id}-${day}` : '',
          promo: false,
        });
      }
    });
  });
  return { rows, campaigns, firstDay, days };
}
