import { buildDemandSeries } from '../forecast/demand-series.builder';
import { DAYS_PER_PERIOD, type DemandSeries } from '../forecast/demand-series';
import { seasonPeriodFor } from '../forecast/season-period';
import {
  baselineUnitsOnDay,
  dailyDispersion,
  forecastSeriesUntil,
  type SeriesForecast,
} from '../forecast/series-forecast';
import {
  estimateUplifts,
  upliftFor,
  type ChannelKindUplift,
} from '../forecast/uplift.estimator';
import type { CampaignRow, InboundRow, SalesRow } from '../input/import-formats';
import type { Plan } from '../input/plan.parser';
import type { PlanStock, SyncSpec } from '../input/plan.schema';
import { DAY_MS, tokyoDayNumber, tokyoMidnight } from '../input/tokyo-time';
import type { PolicySpec, Scenario, SkuScenario } from '../engine/scenario.types';
import {
  buildPromotionShape,
  buildRegularShape,
  DEFAULT_INTRADAY_PROFILE,
  SLOT_MS,
  tokyoDayStarts,
} from '../engine/time-shape.builder';

/**
 * From imported history and a plan to a scenario the simulator can run: baselines forecast up to the
 * window, uplifts from past campaigns (or the plan's override), the promotions' time shapes, and
 * each SKU's stock when the window opens.
 */
export interface SimulationInput {
  readonly history: readonly SalesRow[];
  readonly campaigns: readonly CampaignRow[];
  /** Current stock; the plan's inline `stock` is used when this is empty. */
  readonly stock: readonly PlanStock[];
  readonly inbound: readonly InboundRow[];
  readonly plan: Plan;
}

export interface PreparedScenario {
  readonly scenario: Scenario;
  readonly policies: readonly PolicySpec[];
  readonly forecasts: readonly SeriesForecast[];
  readonly uplifts: readonly ChannelKindUplift[];
  readonly period: number;
  /** The day the stock figures are from. */
  readonly asOf: number;
  /** Promotion used for the order-by date: the first one that starts. */
  readonly campaignStart: number;
  readonly stock: readonly PlanStock[];
}

const DEFAULT_SPIKE = { factor: 3, decayMinutes: 60 };

export function prepareScenario(input: SimulationInput): PreparedScenario {
  const { plan } = input;
  const series = buildDemandSeries(input.history, input.campaigns);
  const granularity = series[0]?.granularity ?? 'day';
  const period = seasonPeriodFor(granularity, plan.forecast.seasonPeriod);
  const from = plan.window.from;
  const to = plan.window.to;
  const lastDay = tokyoDayNumber(to - 1);
  const forecasts = series.map((s) => forecastSeriesUntil(s, period, lastDay));
  const uplifts = estimateUplifts(
    forecasts.map((f) => ({ series: f.series, fitted: f.baseline.chosen.fitted })),
    input.campaigns,
  );
  const asOf = plan.asOf ?? defaultAsOf(series);
  const dayStarts = tokyoDayStarts(from, to);
  const profile = plan.demand.intradayProfile ?? DEFAULT_INTRADAY_PROFILE;
  const shapes = [
    buildRegularShape(dayStarts, from, to, profile),
    ...plan.promotions.map((promotion) => {
      const spike = promotion.spike ?? DEFAULT_SPIKE;
      return buildPromotionShape(dayStarts, from, to, profile, {
        from: promotion.from,
        to: promotion.to,
        spikeFactor: spike.factor,
        spikeDecayMs: spike.decayMinutes * 60_000,
      });
    }),
  ];
  const channelIds = Object.keys(plan.channels);
  const byKey = new Map(forecasts.map((f) => [`${f.series.sku}\u0000${f.series.channel}`, f]));
  const stock = input.stock.length > 0 ? input.stock : (plan.stock ?? []);
  const skus: SkuScenario[] = stock.map((item) => {
    const channels = channelIds.map((channel) => {
      const forecast = byKey.get(`${item.sku}\u0000${channel}`);
      const dailyUnits = dayStarts.map((start) =>
        forecast === undefined ? 0 : baselineUnitsOnDay(forecast, tokyoDayNumber(start)),
      );
      const promotions = plan.promotions.flatMap((promotion, index) =>
        promotion.channels.includes(channel)
          ? [
              {
                shape: index + 1,
                extra: Math.max(
                  0,
                  (promotion.uplift ?? upliftFor(uplifts, item.sku, channel, promotion.kind)) - 1,
                ),
              },
            ]
          : [],
      );
      return {
        dailyOrders: dailyUnits.map((units) => units / plan.demand.unitsPerOrder),
        promotions,
        dispersion: forecast === undefined ? Infinity : dailyDispersion(forecast),
        velocityPerDay: dailyUnits.reduce((a, b) => a + b, 0) / Math.max(1, dailyUnits.length),
      };
    });
    return {
      sku: item.sku,
      category: item.category,
      tags: item.tags,
      initial: stockAtWindowStart(item, input.inbound, asOf, from, forecasts),
      inbound: input.inbound
        .filter((row) => row.sku === item.sku && row.arrival >= from && row.arrival < to)
        .map((row) => ({ at: row.arrival, quantity: row.quantity })),
      channels,
    };
  });
  const scenario: Scenario = {
    seed: plan.seed,
    from,
    to,
    dayStarts,
    slotMs: SLOT_MS,
    unitsPerOrder: plan.demand.unitsPerOrder,
    channels: channelIds.map((id) => {
      const behaviour = plan.channels[id];
      return {
        id,
        reservesAt: behaviour.reservesAt,
        cartHoldMs: behaviour.cartHoldMinutes * 60_000,
        checkoutRate: behaviour.checkoutRate,
        checkoutMeanMs: behaviour.checkoutMinutes * 60_000,
        importDelayMs: behaviour.importDelayMinutes * 60_000,
        pushLatencyMs: behaviour.syncLatencySeconds * 1000,
      };
    }),
    shapes,
    skus,
  };
  const policies = plan.policies.map((policy) => ({
    name: policy.name,
    rules: policy.rules,
    syncByChannel: channelIds.map(
      (channel): SyncSpec => policy.syncByChannel?.[channel] ?? policy.sync,
    ),
  }));
  const campaignStart =
    plan.promotions.length > 0 ? Math.min(...plan.promotions.map((p) => p.from)) : from;
  return { scenario, policies, forecasts, uplifts, period, asOf, campaignStart, stock };
}

function defaultAsOf(series: readonly DemandSeries[]): number {
  const first = series[0];
  if (first === undefined) return 0;
  const step = DAYS_PER_PERIOD[first.granularity];
  return tokyoMidnight(first.startDay + first.values.length * step);
}

/**
 * Stock on hand at `asOf`, plus purchase orders arriving before the window, minus the baseline demand
 * expected until the window opens (its mean: the window is what is simulated in detail).
 */
function stockAtWindowStart(
  item: PlanStock,
  inbound: readonly InboundRow[],
  asOf: number,
  from: number,
  forecasts: readonly SeriesForecast[],
): number {
  const arriving = inbound
    .filter((row) => row.sku === item.sku && row.arrival >= asOf && row.arrival < from)
    .reduce((sum, row) => sum + row.quantity, 0);
  let expected = 0;
  for (const forecast of forecasts) {
    if (forecast.series.sku !== item.sku) continue;
    for (let start = asOf; start < from; start += DAY_MS) {
      const fraction = Math.min(DAY_MS, from - start) / DAY_MS;
      expected += fraction * baselineUnitsOnDay(forecast, tokyoDayNumber(start));
    }
  }
  return Math.max(0, Math.round(item.onHand + arriving - expected));
}
