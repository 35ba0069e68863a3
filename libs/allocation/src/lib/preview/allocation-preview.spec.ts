import { listingsOf, rules } from '../../../test/allocation-fixtures';
import { previewAllocation } from './allocation-preview';

const ruleSet = rules(`
version: 4
mode: shared
rules:
  - id: base
    shares: { rakuten: 80, amazon: 80 }
  - id: super-sale
    window: { from: 2026-12-04T20:00, to: 2026-12-11T02:00 }
    ringFences: { rakuten: 5 }
`);
const unit = {
  skus: [{ sku: 'TSHIRT-M', available: 20 }],
  listings: listingsOf('TSHIRT-M', ['rakuten', 'amazon']),
};

describe('preview', () => {
  it('shows what each listing would publish at a given time, explained', () => {
    const preview = previewAllocation(ruleSet, unit, {
      now: Date.parse('2026-12-05T10:00:00+09:00'),
      locale: 'en',
    });
    expect(preview.ruleSetVersion).toBe(4);
    expect(
      preview.listings.map((listing) => [listing.listingId, listing.quantity]),
    ).toEqual([
      ['rakuten', 17],
      ['amazon', 12],
    ]);
    expect(preview.listings[0].explanation).toContain(
      'ring-fence for rakuten: 5 of 5 set aside → 5 for this listing (rule super-sale)',
    );
  });

  it('says which rule decides each setting for each SKU', () => {
    const during = previewAllocation(ruleSet, unit, {
      now: Date.parse('2026-12-05T10:00:00+09:00'),
    });
    const after = previewAllocation(ruleSet, unit, {
      now: Date.parse('2026-12-12T10:00:00+09:00'),
    });
    expect(during.decisions[0].decidedBy).toEqual({
      mode: null,
      safetyStock: null,
      shares: 'base',
      priority: null,
      ringFences: 'super-sale',
      limits: null,
    });
    expect(after.decisions[0].decidedBy.ringFences).toBeNull();
  });

  it('lists the risks in the operator’s language', () => {
    const preview = previewAllocation(ruleSet, unit, {
      now: Date.parse('2026-12-12T10:00:00+09:00'),
    });
    expect(preview.risks.map((entry) => entry.message)).toEqual([
      'TSHIRT-M: 掲載枠の合計が在庫の 160 % (過剰販売の恐れ)',
      'TSHIRT-M: 掲載数の合計 32個が有効在庫 20個を超えています',
    ]);
  });
});
