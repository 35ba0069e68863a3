import {
  listingsOf,
  NOON_DEC_1,
  oneSku,
  rules,
} from '../../../test/allocation-fixtures';
import { assessRisks } from './risk-assessor';
import { renderRisk } from './risk-renderer';

const codesOf = (
  text: string,
  unit = oneSku(20, ['rakuten', 'amazon', 'shopify']),
) =>
  assessRisks(rules(text), unit, { now: NOON_DEC_1 }).risks.map(
    (risk) => risk.code,
  );

describe('risk report', () => {
  it('flags shares over 100 % in shared mode as over-commit', () => {
    const report = assessRisks(
      rules(
        'version: 2\nmode: shared\nrules: [{ id: split, shares: { rakuten: 60, amazon: 50, shopify: 10 } }]',
      ),
      oneSku(20, ['rakuten', 'amazon', 'shopify']),
      {
        now: NOON_DEC_1,
      },
    );
    expect(report.ruleSetVersion).toBe(2);
    expect(report.risks).toEqual([
      {
        code: 'over-commit',
        severity: 'high',
        sku: 'TSHIRT-M',
        ruleId: 'split',
        committedBasisPoints: 12000,
      },
      {
        code: 'published-exceeds-available',
        severity: 'high',
        sku: 'TSHIRT-M',
        published: 24,
        available: 20,
      },
    ]);
    expect(renderRisk(report.risks[0], 'en')).toBe(
      'TSHIRT-M: listings may sell 120 % of the stock together (oversell risk)',
    );
  });

  it('does not flag the same shares in partitioned mode, where they only act as ratios', () => {
    expect(
      codesOf(
        'version: 1\nmode: partitioned\nrules: [{ id: split, shares: { rakuten: 60, amazon: 50, shopify: 10 } }]',
      ),
    ).toEqual(['shares-scaled-down']);
  });

  it('warns when shares hold stock back from every channel', () => {
    expect(
      codesOf(
        'version: 1\nmode: partitioned\nrules: [{ id: split, shares: { rakuten: 40, amazon: 30, shopify: 10 } }]',
      ),
    ).toEqual(['shares-hold-back']);
  });

  it('warns about a listing whose channel has no share', () => {
    expect(
      codesOf(
        'version: 1\nmode: partitioned\nrules: [{ id: split, shares: { rakuten: 50, amazon: 50 } }]',
      ),
    ).toEqual(['no-share']);
  });

  it('flags the shared remainder of hybrid mode as over-commit', () => {
    expect(
      codesOf(
        'version: 1\nmode: hybrid\nrules: [{ id: quotas, shares: { rakuten: 50 } }]',
      ),
    ).toEqual([
      'no-share',
      'no-share',
      'over-commit',
      'published-exceeds-available',
    ]);
  });

  it('warns when ring-fences or the safety stock swallow the stock', () => {
    expect(
      codesOf(
        'version: 1\nmode: partitioned\nrules: [{ id: sale, ringFences: { rakuten: 15, amazon: 15 } }]',
      ),
    ).toEqual(['ring-fences-exceed-stock']);
    expect(
      codesOf(
        'version: 1\nmode: partitioned\nrules: [{ id: keep, safetyStock: { all: { units: 25 } } }]',
      ),
    ).toEqual(['safety-stock-takes-all']);
  });

  it('tells when a unit is in low stock now and which channel drops first', () => {
    const report = assessRisks(
      rules(
        'version: 1\nmode: partitioned\nrules: [{ id: own, priority: { order: [shopify, rakuten], lowStock: { belowUnits: 30 } } }]',
      ),
      oneSku(20, ['rakuten', 'amazon', 'shopify']),
      { now: NOON_DEC_1 },
    );
    expect(report.risks.map((risk) => risk.code)).toEqual([
      'not-in-priority',
      'low-stock-now',
    ]);
    expect(renderRisk(report.risks[1])).toBe(
      'TSHIRT-M: 在庫僅少 (20個 < 30個) のため優先度順に配分中 (ルール own)',
    );
  });

  it('reports a published total above the stock for a shared unit', () => {
    const unit = {
      skus: [{ sku: 'CUP', available: 4 }],
      listings: listingsOf('CUP', ['rakuten', 'amazon']),
    };
    const risks = assessRisks(
      rules('version: 1\nmode: shared\nrules: [{ id: plain, mode: shared }]'),
      unit,
      { now: NOON_DEC_1 },
    ).risks;
    expect(risks).toContainEqual({
      code: 'published-exceeds-available',
      severity: 'high',
      sku: 'CUP',
      published: 8,
      available: 4,
    });
  });
});
