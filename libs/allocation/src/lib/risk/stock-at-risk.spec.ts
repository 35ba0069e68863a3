import { NOON_DEC_1, oneSku, rules } from '../../../test/allocation-fixtures';
import { assessRisks } from './risk-assessor';
import { isStockAtRisk } from './stock-at-risk';

const atRiskCodes = (text: string) =>
  assessRisks(rules(text), oneSku(20, ['rakuten', 'amazon', 'shopify']), {
    now: NOON_DEC_1,
  })
    .risks.filter(isStockAtRisk)
    .map((risk) => risk.code);

describe('stock at risk', () => {
  it('counts what can oversell the stock', () => {
    expect(
      atRiskCodes(
        'version: 1\nmode: shared\nrules: [{ id: split, shares: { rakuten: 60, amazon: 50, shopify: 10 } }]',
      ),
    ).toEqual(['over-commit', 'published-exceeds-available']);
  });

  it('counts what shows the SKU sold out on a channel while units exist', () => {
    expect(
      atRiskCodes(
        'version: 1\nmode: partitioned\nrules: [{ id: keep, safetyStock: { all: { units: 25 } } }]',
      ),
    ).toEqual(['safety-stock-takes-all']);
    expect(
      atRiskCodes(
        'version: 1\nmode: partitioned\nrules: [{ id: split, shares: { rakuten: 50, amazon: 50 } }]',
      ),
    ).toEqual(['no-share']);
  });

  it('leaves out findings about how the rules read', () => {
    expect(
      atRiskCodes(
        'version: 1\nmode: partitioned\nrules: [{ id: split, shares: { rakuten: 60, amazon: 50, shopify: 10 } }]',
      ),
    ).toEqual([]);
    expect(
      atRiskCodes(
        'version: 1\nmode: partitioned\nrules: [{ id: own, priority: { order: [shopify, rakuten], lowStock: { belowUnits: 30 } } }]',
      ),
    ).toEqual([]);
  });
});
