import type { RuleSet } from '@urikiri/allocation';

const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * 3_600_000;

/** The calendar day in Tokyo, as YYYY-MM-DD, `days` after the day `at` falls on. */
function tokyoDay(at: Date, days: number): string {
  return new Date(at.getTime() + JST_OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The demo's rule set (docs/allocation.md). Every channel sees the shared pool, each up to its
 * share; the own Shopify shop comes first when a SKU runs low; Amazon shows nothing rather than a
 * handful of units; and a week-long sale, starting the day the demo is first seeded, keeps units of
 * the sale items for Rakuten. The sale's dates are fixed at the first start, so later starts keep
 * the same window instead of moving it.
 */
export function demoRuleSet(seededAt: Date): RuleSet {
  return {
    version: 1,
    mode: 'shared',
    timezone: 'Asia/Tokyo',
    rules: [
      {
        id: 'everyday-shares',
        description: '自社ショップは全量、楽天は60 %、Yahoo!は50 %、Amazonは30 %を掲載',
        shares: { shopify: 100, rakuten: 60, yahoo: 50, amazon: 30 },
      },
      {
        id: 'own-shop-first',
        description: '在庫が10個を切ったら自社ショップ優先、次に楽天、Yahoo!、Amazon',
        priority: { order: ['shopify', 'rakuten', 'yahoo', 'amazon'], lowStock: { belowUnits: 10 } },
      },
      {
        id: 'amazon-at-least-5',
        description: 'Amazonは5個未満なら0個 (少数在庫での売り越しを避ける)',
        limits: { amazon: { min: 5 } },
      },
      {
        id: 'rakuten-super-sale',
        description: '楽天スーパーSALE期間中、対象商品を楽天に10個確保',
        scope: { tags: ['super-sale'] },
        window: { from: `${tokyoDay(seededAt, 0)}T00:00`, to: `${tokyoDay(seededAt, 7)}T00:00` },
        ringFences: { rakuten: 10 },
        precedence: 10,
      },
    ],
  };
}
