import { allocateUnit } from '../engine/unit-allocator';
import {
  listingsOf,
  NOON_DEC_1,
  rules,
} from '../../../test/allocation-fixtures';
import { renderTrace, renderTraceSteps } from './trace-renderer';
import type { TraceStep } from './trace-step.types';

const campaign = rules(`
version: 1
mode: partitioned
rules:
  - id: base
    shares: { rakuten: 60, amazon: 40 }
    safetyStock: { all: { units: 4 } }
  - id: amazon-campaign
    ringFences: { amazon: 20 }
  - id: rakuten-cap
    limits: { rakuten: { max: 12 } }
`);
const unit = {
  skus: [{ sku: 'TSHIRT-M', available: 40 }],
  listings: listingsOf('TSHIRT-M', ['rakuten', 'amazon']),
};

function rakutenTrace(): readonly TraceStep[] {
  return (
    allocateUnit(campaign, unit, { now: NOON_DEC_1, trace: true }).listings[0]
      .trace ?? []
  );
}

describe('trace', () => {
  it('records each step with its numbers and the rule behind it', () => {
    expect(rakutenTrace()).toEqual([
      { code: 'available', sku: 'TSHIRT-M', available: 40 },
      {
        code: 'safety-stock',
        sku: 'TSHIRT-M',
        ruleId: 'base',
        before: 40,
        buffer: 4,
        after: 36,
      },
      {
        code: 'ring-fenced-pool',
        sku: 'TSHIRT-M',
        ruleId: 'amazon-campaign',
        fenced: 20,
        after: 16,
      },
      {
        code: 'share',
        sku: 'TSHIRT-M',
        ruleId: 'base',
        mode: 'partitioned',
        basisPoints: 6000,
        pool: 16,
        units: 10,
      },
      { code: 'result', quantity: 10 },
    ]);
  });

  it('explains it to an English-speaking operator', () => {
    expect(renderTrace('Rakuten 12', rakutenTrace(), 'en')).toBe(
      'Rakuten 12: TSHIRT-M available 40, pool 40 − safety stock 4 = 36 (rule base), ring-fenced 20 → 16 left to share (rule amazon-campaign), ' +
        'share 60 % of 16, apportioned (partitioned) → 10 (rule base), publish 10',
    );
  });

  it('explains it in Japanese by default', () => {
    expect(renderTraceSteps(rakutenTrace())).toEqual([
      'TSHIRT-M の有効在庫 40個',
      '安全在庫 4個: 40 − 4 = 36個 (ルール base)',
      '確保枠 20個を取り分け → 残り 16個 (ルール amazon-campaign)',
      '割当率 60 % で 16個を配分 (分割) → 10個 (ルール base)',
      '掲載数 10個',
    ]);
  });

  it('names the cap that lowered a quantity', () => {
    const bigger = { ...unit, skus: [{ sku: 'TSHIRT-M', available: 100 }] };
    const steps =
      allocateUnit(campaign, bigger, { now: NOON_DEC_1, trace: true })
        .listings[0].trace ?? [];
    expect(renderTraceSteps(steps, 'en').slice(-2)).toEqual([
      'at most 12: 46 → 12 (rule rakuten-cap)',
      'publish 12',
    ]);
  });

  it('renders every kind of step in both languages', () => {
    const everyStep: TraceStep[] = [
      { code: 'inactive' },
      {
        code: 'ring-fence',
        sku: 'A',
        ruleId: 'r',
        target: 'rakuten',
        quota: 20,
        granted: 12,
        units: 12,
      },
      { code: 'no-share', sku: 'A', ruleId: 'r' },
      { code: 'even-split', sku: 'A', pool: 10, parties: 3, units: 4 },
      { code: 'group-split', sku: 'A', groupUnits: 5, listings: 2, units: 3 },
      { code: 'shared-remainder', sku: 'A', remainder: 1500, units: 1530 },
      { code: 'low-stock', sku: 'A', ruleId: 'r', available: 5, threshold: 10 },
      {
        code: 'priority-fill',
        sku: 'A',
        ruleId: 'r',
        rank: 1,
        target: 3,
        remaining: 5,
        units: 3,
      },
      {
        code: 'channel-safety-stock',
        sku: 'A',
        ruleId: 'r',
        before: 10,
        buffer: 1,
        after: 9,
      },
      { code: 'location-cap', sku: 'A', before: 9, cap: 2, after: 2 },
      { code: 'bundle', sku: 'A', componentUnits: 5, perBundle: 2, bundles: 2 },
      { code: 'min', ruleId: 'r', before: 2, min: 3, after: 0 },
      {
        code: 'share',
        sku: 'A',
        ruleId: 'r',
        mode: 'shared',
        basisPoints: 1250,
        pool: 8,
        units: 1,
      },
    ];
    expect(renderTraceSteps(everyStep, 'en')).toEqual([
      'listing inactive (deleted or suspended) → 0',
      'ring-fence for rakuten: 12 of 20 set aside → 12 for this listing (rule r)',
      'no share for this channel → 0 (rule r)',
      '10 split evenly over 3 listings → 4',
      '5 split over 2 listings of the same channel → 3',
      'plus the shared remainder 1,500 → 1,530',
      'low stock (5 < threshold 10): highest priority first (rule r)',
      'priority #1: target 3, 5 left → 3 (rule r)',
      '10 − channel safety stock 1 = 9 (rule r)',
      "capped by stock at the listing's locations 2: 9 → 2",
      'component A: 5 ÷ 2 per bundle → 2 bundles',
      'below 3 show 0: 2 → 0 (rule r)',
      'share 12.5 % of 8 → 1 (rule r)',
    ]);
    expect(renderTraceSteps(everyStep, 'ja')).toHaveLength(everyStep.length);
    expect(renderTraceSteps(everyStep, 'ja')[6]).toBe(
      '在庫僅少 (5個 < しきい値 10個): 優先度の高いチャネルから配分 (ルール r)',
    );
  });

  it('records nothing when the trace is off', () => {
    const result = allocateUnit(campaign, unit, { now: NOON_DEC_1 });
    expect(
      result.listings.every((listing) => listing.trace === undefined),
    ).toBe(true);
  });
});
