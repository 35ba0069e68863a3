import type { RuleSet } from '@urikiri/allocation';
import type { SyncSpec } from '../src/lib/input/plan.schema';
import type { PolicySpec, Scenario, ScenarioChannel } from '../src/lib/engine/scenario.types';
import {
  buildPromotionShape,
  buildRegularShape,
  DEFAULT_INTRADAY_PROFILE,
  SLOT_MS,
  tokyoDayStarts,
} from '../src/lib/engine/time-shape.builder';

/** Small scenarios built directly, for the engine tests. */
export const FROM = Date.parse('2026-12-04T20:00:00+09:00');

export interface FixtureOptions {
  readonly skus?: number;
  readonly hours?: number;
  readonly initial?: number;
  readonly dailyOrders?: number;
  readonly uplift?: number;
  readonly channels?: readonly Partial<ScenarioChannel>[];
  readonly inbound?: number;
  readonly seed?: number;
  readonly dispersion?: number;
}

export function channel(id: string, overrides: Partial<ScenarioChannel> = {}): ScenarioChannel {
  return {
    id,
    reservesAt: 'order',
    cartHoldMs: 30 * 60_000,
    checkoutRate: 1,
    checkoutMeanMs: 5 * 60_000,
    importDelayMs: 60_000,
    pushLatencyMs: 2000,
    ...overrides,
  };
}

export function fixtureScenario(options: FixtureOptions = {}): Scenario {
  const hours = options.hours ?? 6;
  const to = FROM + hours * 3_600_000;
  const dayStarts = tokyoDayStarts(FROM, to);
  const channels = (options.channels ?? [{ id: 'rakuten' }, { id: 'amazon' }, { id: 'shopify' }]).map((c, i) =>
    channel(c.id ?? `c${i}`, c),
  );
  const uplift = options.uplift ?? 10;
  return {
    seed: options.seed ?? 7,
    from: FROM,
    to,
    dayStarts,
    slotMs: SLOT_MS,
    unitsPerOrder: 1,
    channels,
    shapes: [
      buildRegularShape(dayStarts, FROM, to, DEFAULT_INTRADAY_PROFILE),
      buildPromotionShape(dayStarts, FROM, to, DEFAULT_INTRADAY_PROFILE, {
        from: FROM,
        to,
        spikeFactor: 4,
        spikeDecayMs: 30 * 60_000,
      }),
    ],
    skus: Array.from({ length: options.skus ?? 3 }, (_, s) => ({
      sku: `SKU-${s}`,
      initial: options.initial ?? 20,
      inbound:
        options.inbound === undefined ? [] : [{ at: FROM + (hours / 2) * 3_600_000, quantity: options.inbound }],
      channels: channels.map(() => ({
        dailyOrders: dayStarts.map(() => options.dailyOrders ?? 20),
        promotions: uplift > 1 ? [{ shape: 1, extra: uplift - 1 }] : [],
        dispersion: options.dispersion ?? Infinity,
        velocityPerDay: options.dailyOrders ?? 20,
      })),
    })),
  };
}

export const SHARE_ALL: RuleSet = {
  version: 1,
  mode: 'shared',
  rules: [{ id: 'all', shares: { rakuten: 100, amazon: 100, shopify: 100, yahoo: 100 } }],
};

export const PARTITIONED: RuleSet = {
  version: 1,
  mode: 'partitioned',
  rules: [{ id: 'split', shares: { rakuten: 40, amazon: 30, shopify: 30, yahoo: 0 } }],
};

export function policy(name: string, rules: RuleSet, sync: SyncSpec, scenario: Scenario): PolicySpec {
  return { name, rules, syncByChannel: scenario.channels.map(() => sync) };
}

export const EVENT: SyncSpec = { mode: 'event-driven' };
export const INTERVAL_15: SyncSpec = { mode: 'interval', minutes: 15 };
