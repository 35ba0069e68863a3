import { DAY_MS, JST_OFFSET_MS } from '../input/tokyo-time';
import type { TimeShape } from './scenario.types';

/**
 * Builds the time shapes that spread demand over the window: the regular intra-day profile, and for
 * each promotion its extra demand with the opening rush (a spike that fades exponentially), scaled so
 * the promotion's average stays its uplift. Slots are short enough (5 minutes) to show a flash sale's
 * first minutes.
 */
export const SLOT_MS = 5 * 60_000;
const SLOTS_PER_DAY = DAY_MS / SLOT_MS;

/**
 * Japanese online shopping by hour (Tokyo): quiet at night, a lunch bump, the peak after 21:00.
 * Relative weights; normalised to mean 1.
 */
export const DEFAULT_INTRADAY_PROFILE: readonly number[] = [
  0.6, 0.4, 0.25, 0.15, 0.1, 0.12, 0.25, 0.5, 0.8, 0.95, 1.0, 1.05,
  1.25, 1.15, 1.0, 1.0, 1.0, 1.05, 1.15, 1.3, 1.55, 1.8, 1.9, 1.2,
];

export interface PromotionWindow {
  readonly from: number;
  readonly to: number;
  readonly spikeFactor: number;
  readonly spikeDecayMs: number;
}

export function tokyoDayStarts(from: number, to: number): number[] {
  const starts: number[] = [];
  let start = Math.floor((from + JST_OFFSET_MS) / DAY_MS) * DAY_MS - JST_OFFSET_MS;
  for (; start < to; start += DAY_MS) starts.push(start);
  return starts;
}

function normalisedProfile(profile: readonly number[]): number[] {
  const mean = profile.reduce((a, b) => a + b, 0) / profile.length;
  return profile.map((weight) => (mean > 0 ? weight / mean : 1));
}

export function buildRegularShape(
  dayStarts: readonly number[],
  from: number,
  to: number,
  profile: readonly number[],
): TimeShape {
  const hourly = normalisedProfile(profile);
  return buildShape(dayStarts, (mid) =>
    mid >= from && mid < to ? hourly[hourOfDay(mid)] : 0,
  );
}

export function buildPromotionShape(
  dayStarts: readonly number[],
  from: number,
  to: number,
  profile: readonly number[],
  promotion: PromotionWindow,
): TimeShape {
  const hourly = normalisedProfile(profile);
  const start = Math.max(from, promotion.from);
  const end = Math.min(to, promotion.to);
  const spike = (mid: number) =>
    1 + (promotion.spikeFactor - 1) * Math.exp(-(mid - promotion.from) / promotion.spikeDecayMs);
  const length = promotion.to - promotion.from;
  // Mean of the spike over the whole promotion, in closed form, so the average multiplier is 1.
  const spikeMean =
    1 +
    ((promotion.spikeFactor - 1) * promotion.spikeDecayMs * (1 - Math.exp(-length / promotion.spikeDecayMs))) /
      length;
  return buildShape(dayStarts, (mid) =>
    mid >= start && mid < end ? (hourly[hourOfDay(mid)] * spike(mid)) / spikeMean : 0,
  );
}

function hourOfDay(epochMs: number): number {
  return Math.floor((((epochMs + JST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS / 3_600_000);
}

function buildShape(
  dayStarts: readonly number[],
  weightAt: (slotMiddle: number) => number,
): TimeShape {
  const cumulativeByDay: Float64Array[] = [];
  const massByDay: number[] = [];
  for (const dayStart of dayStarts) {
    const cumulative = new Float64Array(SLOTS_PER_DAY);
    let total = 0;
    for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
      total += weightAt(dayStart + (slot + 0.5) * SLOT_MS);
      cumulative[slot] = total;
    }
    massByDay.push(total / SLOTS_PER_DAY);
    cumulativeByDay.push(cumulative);
  }
  return { cumulativeByDay, massByDay };
}
