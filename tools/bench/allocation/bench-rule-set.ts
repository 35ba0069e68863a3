import type { RuleSet } from '@urikiri/allocation';

/**
 * Twenty rules of the kinds a mid-size shop runs at once: a default split, category and tag
 * overrides, SKU lists, safety stock, limits, an own-shop-first priority by days of cover, and two
 * time-boxed campaigns (a Rakuten Super SALE ring-fence and an Amazon event share shift).
 */
export const BENCH_RULE_SET: RuleSet = {
  version: 7,
  mode: 'partitioned',
  rules: [
    {
      id: 'default-split',
      shares: { rakuten: 40, amazon: 30, yahoo: 15, shopify: 10, qoo10: 5 },
    },
    {
      id: 'default-safety',
      safetyStock: { all: { percent: 5 } },
      precedence: 1,
    },
    {
      id: 'own-shop-first',
      priority: {
        order: ['shopify', 'rakuten', 'yahoo', 'amazon', 'qoo10'],
        lowStock: { belowDaysOfCover: 3 },
      },
      precedence: 2,
    },
    {
      id: 'amazon-cap',
      limits: { amazon: { max: 50 }, qoo10: { min: 2 } },
      precedence: 3,
    },
    {
      id: 'apparel-shared',
      scope: { categories: ['apparel'] },
      mode: 'shared',
      shares: { rakuten: 50, amazon: 50, yahoo: 40, shopify: 100, qoo10: 20 },
    },
    {
      id: 'food-hybrid',
      scope: { categories: ['food'] },
      mode: 'hybrid',
      shares: { rakuten: 30, amazon: 20, yahoo: 10 },
    },
    {
      id: 'cosmetics-safety',
      scope: { categories: ['cosmetics'] },
      safetyStock: { all: { units: 3 }, channels: { amazon: { percent: 10 } } },
    },
    {
      id: 'home-split',
      scope: { categories: ['home'] },
      shares: { rakuten: 35, amazon: 35, yahoo: 10, shopify: 15, qoo10: 5 },
    },
    {
      id: 'toys-priority',
      scope: { categories: ['toys'] },
      priority: {
        order: ['rakuten', 'shopify', 'amazon'],
        lowStock: { belowUnits: 12 },
      },
    },
    {
      id: 'clearance-even',
      scope: { tags: ['clearance'] },
      shares: { rakuten: 20, amazon: 20, yahoo: 20, shopify: 20, qoo10: 20 },
      precedence: 5,
    },
    {
      id: 'new-arrival-own',
      scope: { tags: ['new-arrival'] },
      priority: { order: ['shopify'], lowStock: { belowUnits: 20 } },
      precedence: 5,
    },
    {
      id: 'fragile-limits',
      scope: { tags: ['fragile'] },
      limits: { qoo10: { max: 5 }, yahoo: { max: 30 } },
      precedence: 4,
    },
    {
      id: 'heavy-safety',
      scope: { tags: ['heavy'] },
      safetyStock: { all: { units: 2 } },
      precedence: 4,
    },
    {
      id: 'hero-skus',
      scope: { skus: ['SKU-000001', 'SKU-000002', 'SKU-000003', 'SKU-000042'] },
      mode: 'hybrid',
      shares: { rakuten: 50, amazon: 40 },
    },
    {
      id: 'hero-limits',
      scope: { skus: ['SKU-000001', 'SKU-000042'] },
      limits: { amazon: { max: 200 } },
    },
    {
      id: 'bundle-rules',
      scope: { tags: ['bundle'] },
      limits: { qoo10: { max: 3 } },
      precedence: 6,
    },
    {
      id: 'super-sale-fence',
      window: { from: '2026-12-04T20:00', to: '2026-12-11T02:00' },
      scope: { tags: ['super-sale'] },
      ringFences: { rakuten: 15 },
      precedence: 10,
    },
    {
      id: 'prime-event-shift',
      window: { from: '2026-12-05T00:00', to: '2026-12-06T00:00' },
      scope: { tags: ['prime-event'] },
      shares: { amazon: 60, rakuten: 20, shopify: 10, yahoo: 10 },
      precedence: 10,
    },
    {
      id: 'expired-campaign',
      window: { from: '2026-11-01T00:00', to: '2026-11-02T00:00' },
      shares: { yahoo: 100 },
      precedence: 20,
    },
    {
      id: 'future-campaign',
      window: { from: '2027-01-01T00:00' },
      ringFences: { yahoo: 10 },
      precedence: 20,
    },
  ],
};
