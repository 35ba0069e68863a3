import {
  buildPromotionShape,
  buildRegularShape,
  DEFAULT_INTRADAY_PROFILE,
  SLOT_MS,
  tokyoDayStarts,
  type PolicySpec,
  type Scenario,
} from '@urikiri/simulation';
import type { RuleSet } from '@urikiri/allocation';

/**
 * The benchmark's sale: 1,000 SKUs on 4 channels over 14 days, with a week-long Rakuten Super SALE
 * and an Amazon event, Rakuten holding stock at the cart, and demand sized for about 100,000 orders
 * per run. Built directly (no forecasting) so the benchmark measures the simulation alone. Stock
 * covers 60–130 % of each SKU's expected demand, so sell-outs, lost sales and oversells all occur.
 */
export const SKUS = 1000;
export const TARGET_ORDERS = 100_000;
const CHANNELS = ['rakuten', 'amazon', 'yahoo', 'shopify'];
const CHANNEL_WEIGHT = [0.42, 0.33, 0.13, 0.12];
const FROM = Date.parse('2026-12-01T00:00:00+09:00');
const TO = Date.parse('2026-12-15T00:00:00+09:00');
const SUPER_SALE = { from: Date.parse('2026-12-04T20:00:00+09:00'), to: Date.parse('2026-12-11T02:00:00+09:00') };
const AMAZON_EVENT = { from: Date.parse('2026-12-06T00:00:00+09:00'), to: Date.parse('2026-12-08T00:00:00+09:00') };
const UPLIFT = { rakuten: 2.5, amazon: 2.0 };

/** Deterministic spread of SKU sizes: a few best-sellers and a long tail (Zipf-like). */
function skuWeight(index: number): number {
  return 1 / Math.pow(index + 10, 0.8);
}

export function buildBenchScenario(seed: number): Scenario {
  const dayStarts = tokyoDayStarts(FROM, TO);
  const regular = buildRegularShape(dayStarts, FROM, TO, DEFAULT_INTRADAY_PROFILE);
  const superSale = buildPromotionShape(dayStarts, FROM, TO, DEFAULT_INTRADAY_PROFILE, {
    ...SUPER_SALE,
    spikeFactor: 4,
    spikeDecayMs: 2 * 3_600_000,
  });
  const amazonEvent = buildPromotionShape(dayStarts, FROM, TO, DEFAULT_INTRADAY_PROFILE, {
    ...AMAZON_EVENT,
    spikeFactor: 2,
    spikeDecayMs: 3_600_000,
  });
  const regularMass = regular.massByDay.reduce((a, b) => a + b, 0);
  const windowMass = CHANNELS.map((channel) => {
    if (channel === 'rakuten') return regularMass + (UPLIFT.rakuten - 1) * superSale.massByDay.reduce((a, b) => a + b, 0);
    if (channel === 'amazon') return regularMass + (UPLIFT.amazon - 1) * amazonEvent.massByDay.reduce((a, b) => a + b, 0);
    return regularMass;
  });
  const totalWeight = Array.from({ length: SKUS }, (_, s) => skuWeight(s)).reduce((a, b) => a + b, 0);
  const expectedPerWeightUnit = CHANNEL_WEIGHT.reduce((sum, w, c) => sum + w * windowMass[c], 0);
  const scale = TARGET_ORDERS / (totalWeight * expectedPerWeightUnit);
  const skus = Array.from({ length: SKUS }, (_, s) => {
    const daily = skuWeight(s) * scale;
    const channels = CHANNELS.map((channel, c) => ({
      dailyOrders: dayStarts.map(() => daily * CHANNEL_WEIGHT[c]),
      promotions:
        channel === 'rakuten'
          ? [{ shape: 1, extra: UPLIFT.rakuten - 1 }]
          : channel === 'amazon'
            ? [{ shape: 2, extra: UPLIFT.amazon - 1 }]
            : [],
      dispersion: 4,
      velocityPerDay: daily * CHANNEL_WEIGHT[c],
    }));
    const expected = CHANNELS.reduce((sum, _, c) => sum + daily * CHANNEL_WEIGHT[c] * windowMass[c], 0);
    const coverage = 0.6 + 0.7 * ((s * 7919) % 100) / 100;
    return {
      sku: `SKU-${String(s + 1).padStart(4, '0')}`,
      category: s % 3 === 0 ? 'apparel' : 'goods',
      tags: s % 5 === 0 ? ['super-sale'] : [],
      initial: Math.round(expected * coverage),
      inbound: s % 10 === 0 ? [{ at: Date.parse('2026-12-08T10:00:00+09:00'), quantity: Math.round(expected * 0.3) }] : [],
      channels,
    };
  });
  return {
    seed,
    from: FROM,
    to: TO,
    dayStarts,
    slotMs: SLOT_MS,
    unitsPerOrder: 1,
    channels: [
      { id: 'rakuten', reservesAt: 'cart', cartHoldMs: 30 * 60_000, checkoutRate: 0.7, checkoutMeanMs: 5 * 60_000, importDelayMs: 30 * 60_000, pushLatencyMs: 2000 },
      { id: 'amazon', reservesAt: 'order', cartHoldMs: 0, checkoutRate: 1, checkoutMeanMs: 0, importDelayMs: 3 * 60_000, pushLatencyMs: 3000 },
      { id: 'yahoo', reservesAt: 'order', cartHoldMs: 0, checkoutRate: 1, checkoutMeanMs: 0, importDelayMs: 5 * 60_000, pushLatencyMs: 2000 },
      { id: 'shopify', reservesAt: 'order', cartHoldMs: 0, checkoutRate: 1, checkoutMeanMs: 0, importDelayMs: 6_000, pushLatencyMs: 1000 },
    ],
    shapes: [regular, superSale, amazonEvent],
    skus,
  };
}

/** Shared stock with a buffer, a Super SALE ring-fence for tagged SKUs and own-shop-first at low stock. */
const BENCH_RULES: RuleSet = {
  version: 1,
  mode: 'shared',
  rules: [
    { id: 'show-all', shares: { rakuten: 100, amazon: 100, yahoo: 100, shopify: 100 } },
    { id: 'buffer', safetyStock: { all: { units: 1 } } },
    { id: 'own-shop-first', priority: { order: ['shopify', 'amazon', 'yahoo', 'rakuten'], lowStock: { belowDaysOfCover: 1 } } },
    {
      id: 'super-sale-fence',
      scope: { tags: ['super-sale'] },
      window: { from: '2026-12-04T20:00', to: '2026-12-11T02:00' },
      ringFences: { rakuten: 5 },
    },
  ],
};

export const BENCH_POLICY: PolicySpec = {
  name: 'event-driven, shared with priority',
  rules: BENCH_RULES,
  syncByChannel: CHANNELS.map(() => ({ mode: 'event-driven' as const })),
};
