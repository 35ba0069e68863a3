import fc from 'fast-check';
import { compileRuleSet } from '../rules/compiled-rule-set';
import type { Mode, Rule, RuleSet } from '../rules/rule-set.schema';
import type {
  AllocationUnit,
  ListingInput,
} from '../model/allocation-unit.types';
import { previewAllocation } from '../preview/allocation-preview';
import { allocateUnit } from './unit-allocator';

const CHANNELS = ['rakuten', 'amazon', 'yahoo', 'shopify', 'qoo10'] as const;
const NOW = Date.parse('2026-12-01T12:00:00+09:00');

const channel = fc.constantFrom(...CHANNELS);
const amount = fc.oneof(
  fc.record({ units: fc.integer({ min: 0, max: 10 }) }),
  fc.record({ percent: fc.integer({ min: 0, max: 50 }) }),
);
const limit = fc.oneof(
  fc.record({ min: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ max: fc.integer({ min: 5, max: 100 }) }),
  fc.record({
    min: fc.integer({ min: 0, max: 5 }),
    max: fc.integer({ min: 5, max: 100 }),
  }),
);

function aspects(options: { withFences: boolean }) {
  return fc.record(
    {
      shares: fc.dictionary(channel, fc.integer({ min: 0, max: 150 }), {
        minKeys: 1,
      }),
      safetyStock: fc.record(
        { all: amount, channels: fc.dictionary(channel, amount) },
        { requiredKeys: ['all'] },
      ),
      priority: fc.record({
        order: fc.shuffledSubarray([...CHANNELS], { minLength: 1 }),
        lowStock: fc.oneof(
          fc.record({ belowUnits: fc.integer({ min: 1, max: 80 }) }),
          fc.record({
            belowDaysOfCover: fc.double({ min: 0.5, max: 5, noNaN: true }),
          }),
        ),
      }),
      ...(options.withFences
        ? {
            ringFences: fc.dictionary(channel, fc.integer({ min: 0, max: 30 })),
          }
        : {}),
      limits: fc.dictionary(channel, limit),
    },
    { requiredKeys: [] },
  );
}

function ruleSetOf(
  mode: Mode,
  rule: Partial<Rule>,
  extra: Partial<RuleSet> = {},
): RuleSet {
  return {
    version: 1,
    mode,
    ...extra,
    rules: [{ id: 'generated', mode, ...rule }],
  };
}

const ruleSets = (modes: readonly Mode[]) =>
  fc
    .tuple(
      fc.constantFrom(...modes),
      aspects({ withFences: true }),
      fc.constantFrom('sainte-lague' as const, 'dhondt' as const),
      fc.boolean(),
    )
    .map(([mode, rule, apportionment, ringFencesOutrankPriority]) =>
      compileRuleSet(
        ruleSetOf(mode, rule, { apportionment, ringFencesOutrankPriority }),
      ),
    );

const listingsFor = (item: ListingInput['item'], code: string) =>
  fc
    .uniqueArray(
      fc.record({
        channel,
        account: fc.constantFrom('main', 'outlet'),
        active: fc.boolean(),
        velocity: fc.integer({ min: 0, max: 10 }),
      }),
      {
        minLength: 1,
        maxLength: 6,
        selector: (listing) => `${listing.channel}/${listing.account}`,
      },
    )
    .map((listings) =>
      listings.map(
        (listing): ListingInput => ({
          listingId: `${code}@${listing.channel}/${listing.account}`,
          channel: listing.channel,
          account: listing.account,
          item,
          active: listing.active,
          velocityPerDay: listing.velocity,
        }),
      ),
    );

const units: fc.Arbitrary<AllocationUnit> = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 3 }),
    fc.integer({ min: 0, max: 2 }),
  )
  .chain(([stocks, bundleCount]) => {
    const skus = stocks.map((available, index) => ({
      sku: `SKU-${index}`,
      available,
    }));
    const bundles = fc.array(
      fc
        .uniqueArray(fc.integer({ min: 0, max: skus.length - 1 }), {
          minLength: 1,
          maxLength: skus.length,
        })
        .chain((componentIndexes) =>
          fc
            .tuple(
              ...componentIndexes.map(() => fc.integer({ min: 1, max: 3 })),
            )
            .map((quantities) =>
              componentIndexes.map((index, line) => ({
                componentSku: skus[index].sku,
                quantity: quantities[line],
              })),
            ),
        ),
      { minLength: bundleCount, maxLength: bundleCount },
    );
    return bundles.chain((bundleComponents) => {
      const bundleDefinitions = bundleComponents.map((components, index) => ({
        bundleId: `SET-${index}`,
        components,
      }));
      const listingGroups = [
        ...skus.map((stock) => listingsFor({ sku: stock.sku }, stock.sku)),
        ...bundleDefinitions.map((bundle) =>
          listingsFor({ bundleId: bundle.bundleId }, bundle.bundleId),
        ),
      ];
      return fc
        .tuple(...listingGroups)
        .map((groups) => ({
          skus,
          bundles: bundleDefinitions,
          listings: groups.flat(),
        }));
    });
  });

function quantities(
  ruleSet: ReturnType<typeof compileRuleSet>,
  unit: AllocationUnit,
): Map<string, number> {
  return new Map(
    allocateUnit(ruleSet, unit, { now: NOW }).listings.map((listing) => [
      listing.listingId,
      listing.quantity,
    ]),
  );
}

function unitsConsumed(
  unit: AllocationUnit,
  listing: ListingInput,
  sku: string,
): number {
  if ('sku' in listing.item) return listing.item.sku === sku ? 1 : 0;
  const bundleId = listing.item.bundleId;
  const bundle = unit.bundles?.find(
    (candidate) => candidate.bundleId === bundleId,
  );
  return (
    bundle?.components
      .filter((component) => component.componentSku === sku)
      .reduce((sum, component) => sum + component.quantity, 0) ?? 0
  );
}

describe('allocation properties', () => {
  it('never publishes a negative or fractional quantity', () => {
    fc.assert(
      fc.property(
        ruleSets(['shared', 'partitioned', 'hybrid']),
        units,
        (ruleSet, unit) => {
          for (const quantity of quantities(ruleSet, unit).values()) {
            expect(Number.isInteger(quantity)).toBe(true);
            expect(quantity).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });

  it('never publishes more than is available in partitioned mode, bundles included', () => {
    fc.assert(
      fc.property(ruleSets(['partitioned']), units, (ruleSet, unit) => {
        const shown = quantities(ruleSet, unit);
        for (const stock of unit.skus) {
          let committed = 0;
          for (const listing of unit.listings)
            committed +=
              (shown.get(listing.listingId) ?? 0) *
              unitsConsumed(unit, listing, stock.sku);
          expect(committed).toBeLessThanOrEqual(stock.available);
        }
      }),
    );
  });

  it('never lowers a listing when stock grows', () => {
    fc.assert(
      fc.property(
        ruleSets(['shared', 'partitioned', 'hybrid']),
        units,
        fc.nat(),
        fc.integer({ min: 1, max: 50 }),
        (ruleSet, unit, pick, extra) => {
          const grown = pick % unit.skus.length;
          const more = {
            ...unit,
            skus: unit.skus.map((stock, index) =>
              index === grown
                ? { ...stock, available: stock.available + extra }
                : stock,
            ),
          };
          const before = quantities(ruleSet, unit);
          const after = quantities(ruleSet, more);
          for (const [listingId, quantity] of before)
            expect(after.get(listingId)).toBeGreaterThanOrEqual(quantity);
        },
      ),
    );
  });

  it('does not depend on the order of the listings', () => {
    fc.assert(
      fc.property(
        ruleSets(['shared', 'partitioned', 'hybrid']),
        units,
        (ruleSet, unit) => {
          const reversed = { ...unit, listings: [...unit.listings].reverse() };
          expect(quantities(ruleSet, reversed)).toEqual(
            quantities(ruleSet, unit),
          );
        },
      ),
    );
  });

  it('in low stock, keeps a lower-priority channel at zero while a higher one is below its target', () => {
    const scenario = fc.record({
      mode: fc.constantFrom<Mode>('shared', 'partitioned', 'hybrid'),
      rule: aspects({ withFences: false }),
      order: fc.shuffledSubarray([...CHANNELS], { minLength: 2 }),
      threshold: fc.integer({ min: 2, max: 80 }),
      available: fc.integer({ min: 0, max: 79 }),
    });
    fc.assert(
      fc.property(scenario, ({ mode, rule, order, threshold, available }) => {
        fc.pre(available < threshold);
        const ruleSet = compileRuleSet(
          ruleSetOf(mode, {
            ...rule,
            priority: { order, lowStock: { belowUnits: threshold } },
          }),
        );
        const listings = order.map(
          (name): ListingInput => ({
            listingId: name,
            channel: name,
            account: 'main',
            item: { sku: 'A' },
            active: true,
          }),
        );
        const now = quantities(ruleSet, {
          skus: [{ sku: 'A', available }],
          listings,
        });
        // A channel's target is what it shows at exactly the threshold.
        const target = quantities(ruleSet, {
          skus: [{ sku: 'A', available: threshold }],
          listings,
        });
        order.forEach((higher, rank) => {
          if ((now.get(higher) ?? 0) >= (target.get(higher) ?? 0)) return;
          for (const lower of order.slice(rank + 1))
            expect(now.get(lower)).toBe(0);
        });
      }),
    );
  });

  it('switches a time window exactly at its bounds', () => {
    const minute = 60_000;
    const scenario = fc.record({
      startMinute: fc.integer({ min: 0, max: 60 * 24 * 365 }),
      lengthMinutes: fc.integer({ min: 1, max: 60 * 24 * 30 }),
    });
    fc.assert(
      fc.property(scenario, ({ startMinute, lengthMinutes }) => {
        const base = Date.parse('2026-01-01T00:00:00+09:00');
        const from = base + startMinute * minute;
        const to = from + lengthMinutes * minute;
        // Written as wall-clock Tokyo time, the way operators write campaign windows.
        const tokyo = (epochMs: number) =>
          new Date(epochMs + 9 * 60 * minute).toISOString().slice(0, 16);
        const ruleSet = compileRuleSet({
          version: 1,
          mode: 'partitioned',
          rules: [
            { id: 'everyday', shares: { rakuten: 50, amazon: 50 } },
            {
              id: 'campaign',
              window: { from: tokyo(from), to: tokyo(to) },
              shares: { rakuten: 90, amazon: 10 },
              precedence: 1,
            },
          ],
        });
        const unit: AllocationUnit = {
          skus: [{ sku: 'A', available: 10 }],
          listings: [],
        };
        const sharesAt = (instant: number) =>
          previewAllocation(ruleSet, unit, { now: instant }).decisions[0]
            .decidedBy.shares;
        expect(sharesAt(from - 1)).toBe('everyday');
        expect(sharesAt(from)).toBe('campaign');
        expect(sharesAt(to - 1)).toBe('campaign');
        expect(sharesAt(to)).toBe('everyday');
      }),
    );
  });
});
