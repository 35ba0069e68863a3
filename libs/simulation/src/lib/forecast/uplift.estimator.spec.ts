import { tokyoDayNumber } from '../input/tokyo-time';
import { syntheticHistory } from '../../../test/synthetic-sales';
import { buildDemandSeries } from './demand-series.builder';
import { forecastBaseline } from './baseline.forecaster';
import { estimateUplifts, upliftFor } from './uplift.estimator';
import type { SyntheticChannel, SyntheticSku } from '../../../test/synthetic-sales';

const FIRST_DAY = tokyoDayNumber(Date.parse('2025-12-01T00:00:00+09:00'));
const every = (start: number, step: number, days: number) =>
  Array.from({ length: Math.ceil((days - start) / step) }, (_, i) => start + i * step);

const CHANNELS: SyntheticChannel[] = [
  { id: 'rakuten', kind: 'mall-wide-sale' as const, uplift: 3, campaignDays: every(10, 30, 360) },
  { id: 'amazon', kind: 'mall-wide-sale' as const, uplift: 2, campaignDays: every(20, 40, 360) },
  { id: 'yahoo', kind: 'coupon' as const, uplift: 1.5, campaignDays: every(4, 10, 360) },
];

function estimate(skus: readonly SyntheticSku[], channels: readonly SyntheticChannel[] = CHANNELS) {
  const history = syntheticHistory(skus, channels, FIRST_DAY, 360, 99);
  const series = buildDemandSeries(history.rows, history.campaigns);
  const baselines = series.map((s) => ({
    series: s,
    fitted: forecastBaseline(s.values, s.promo, 7, 1).chosen.fitted,
  }));
  return { uplifts: estimateUplifts(baselines, history.campaigns), series };
}

describe('estimateUplifts', () => {
  const skus: SyntheticSku[] = ['A', 'B', 'C', 'D'].map((sku, i) => ({
    sku,
    baseline: { rakuten: 10 + 5 * i, amazon: 8 + 2 * i, yahoo: 6 + i },
  }));
  const { uplifts, series } = estimate(skus);

  it('recovers each channel’s known uplift within ±10 % for SKUs with at least 3 campaigns', () => {
    for (const channel of CHANNELS) {
      const group = uplifts.find((u) => u.channel === channel.id && u.kind === channel.kind);
      expect(group).toBeDefined();
      expect(Math.abs((group?.pooled ?? 0) / channel.uplift - 1)).toBeLessThan(0.1);
      for (const sku of group?.skus ?? []) {
        expect(sku.campaigns).toBeGreaterThanOrEqual(3);
        expect(Math.abs(sku.estimate / channel.uplift - 1)).toBeLessThan(0.1);
      }
    }
  });

  it('masks campaign days out of the baselines, which stay within ±10 % of the truth', () => {
    for (const s of series) {
      const truth = skus.find((k) => k.sku === s.sku)?.baseline[s.channel] ?? 0;
      const forecast = forecastBaseline(s.values, s.promo, 7, 14).chosen.forecast;
      const mean = forecast.reduce((a, b) => a + b, 0) / forecast.length;
      expect(Math.abs(mean / truth - 1)).toBeLessThan(0.1);
    }
  });

  it('pools differences that are only noise, and keeps uplifts that really differ', () => {
    const sameUplift = [{ id: 'shopify', kind: 'newsletter' as const, uplift: 2, campaignDays: [100, 200] }];
    const noisy = estimate(
      ['A', 'B', 'C', 'D'].map((sku) => ({ sku, baseline: { shopify: 3 } })),
      sameUplift,
    ).uplifts[0];
    for (const sku of noisy.skus) {
      expect(Math.abs(sku.estimate - noisy.pooled)).toBeLessThanOrEqual(Math.abs(sku.raw - noisy.pooled) + 1e-12);
    }
    const spread = (values: number[]) => Math.max(...values) - Math.min(...values);
    expect(spread(noisy.skus.map((s) => s.estimate))).toBeLessThan(spread(noisy.skus.map((s) => s.raw)));
  });

  it('keeps a SKU’s own uplift when SKUs truly respond differently', () => {
    const history = syntheticHistory(
      [{ sku: 'HOT', baseline: { rakuten: 30 } }],
      [{ id: 'rakuten', kind: 'mall-wide-sale', uplift: 5, campaignDays: every(10, 30, 360) }],
      FIRST_DAY,
      360,
      7,
    );
    const cold = syntheticHistory(
      [{ sku: 'COLD', baseline: { rakuten: 30 } }, { sku: 'MILD', baseline: { rakuten: 30 } }],
      [{ id: 'rakuten', kind: 'mall-wide-sale', uplift: 1.5, campaignDays: every(10, 30, 360) }],
      FIRST_DAY,
      360,
      8,
    );
    const series = buildDemandSeries([...history.rows, ...cold.rows], history.campaigns);
    const result = estimateUplifts(
      series.map((s) => ({ series: s, fitted: forecastBaseline(s.values, s.promo, 7, 1).chosen.fitted })),
      history.campaigns,
    )[0];
    const hot = result.skus.find((s) => s.sku === 'HOT');
    expect(Math.abs((hot?.estimate ?? 0) / 5 - 1)).toBeLessThan(0.1);
  });

  it('falls back from the SKU to the channel-and-kind pool, then the channel, then no uplift', () => {
    expect(upliftFor(uplifts, 'A', 'rakuten', 'mall-wide-sale')).toBe(
      uplifts.find((u) => u.channel === 'rakuten')?.skus.find((s) => s.sku === 'A')?.estimate,
    );
    expect(upliftFor(uplifts, 'NEW', 'rakuten', 'mall-wide-sale')).toBe(
      uplifts.find((u) => u.channel === 'rakuten')?.pooled,
    );
    expect(upliftFor(uplifts, 'A', 'rakuten', 'coupon')).toBe(uplifts.find((u) => u.channel === 'rakuten')?.pooled);
    expect(upliftFor(uplifts, 'A', 'shopify', 'sns')).toBe(1);
  });
});
