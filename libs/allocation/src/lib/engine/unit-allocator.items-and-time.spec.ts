import { allocateUnit, AllocationInputError } from '../../index';
import {
  allocate,
  listingsOf,
  oneSku,
  rules,
} from '../../../test/allocation-fixtures';

describe('bundles (セット商品)', () => {
  it('shows as many sets as the scarcest component allows', () => {
    const ruleSet = rules(
      'version: 1\nmode: shared\nrules: [{ id: plain, mode: shared }]',
    );
    const unit = {
      skus: [
        { sku: 'CUP', available: 10 },
        { sku: 'SAUCER', available: 3 },
      ],
      bundles: [
        {
          bundleId: 'TEA-SET',
          components: [
            { componentSku: 'CUP', quantity: 1 },
            { componentSku: 'SAUCER', quantity: 2 },
          ],
        },
      ],
      listings: [
        ...listingsOf('CUP', ['rakuten'], { listingId: 'cup' }),
        ...listingsOf('SAUCER', ['amazon'], { listingId: 'saucer' }),
        {
          listingId: 'tea-set',
          channel: 'rakuten',
          account: 'main',
          item: { bundleId: 'TEA-SET' },
          active: true,
        },
      ],
    };
    expect(allocate(ruleSet, unit)).toEqual({
      cup: 10,
      saucer: 3,
      'tea-set': 1,
    });
  });

  it('never lets a set and its component listings sell the same units in partitioned mode', () => {
    const ruleSet = rules(
      'version: 1\nmode: partitioned\nrules: [{ id: split, shares: { rakuten: 50, amazon: 50 } }]',
    );
    const unit = {
      skus: [{ sku: 'CUP', available: 10 }],
      bundles: [
        {
          bundleId: 'CUP-PAIR',
          components: [{ componentSku: 'CUP', quantity: 2 }],
        },
      ],
      listings: [
        ...listingsOf('CUP', ['rakuten'], { listingId: 'rakuten-cup' }),
        ...listingsOf('CUP', ['amazon'], { listingId: 'amazon-cup' }),
        {
          listingId: 'rakuten-pair',
          channel: 'rakuten',
          account: 'main',
          item: { bundleId: 'CUP-PAIR' },
          active: true,
        },
      ],
    };
    const result = allocate(ruleSet, unit);
    expect(result).toEqual({
      'rakuten-cup': 3,
      'amazon-cup': 5,
      'rakuten-pair': 1,
    });
    expect(
      result['rakuten-cup'] + result['amazon-cup'] + 2 * result['rakuten-pair'],
    ).toBeLessThanOrEqual(10);
  });

  it('applies the bundle’s own limits to the bundle listing', () => {
    const ruleSet = rules(
      'version: 1\nmode: shared\nrules: [{ id: set-cap, scope: { skus: [CUP-PAIR] }, limits: { rakuten: { max: 1 } } }]',
    );
    const unit = {
      skus: [{ sku: 'CUP', available: 10 }],
      bundles: [
        {
          bundleId: 'CUP-PAIR',
          components: [{ componentSku: 'CUP', quantity: 2 }],
        },
      ],
      listings: [
        ...listingsOf('CUP', ['rakuten'], { listingId: 'cup' }),
        {
          listingId: 'pair',
          channel: 'rakuten',
          account: 'main',
          item: { bundleId: 'CUP-PAIR' },
          active: true,
        },
      ],
    };
    expect(allocate(ruleSet, unit)).toEqual({ cup: 10, pair: 1 });
  });
});

describe('locations', () => {
  const ruleSet = rules(
    'version: 1\nmode: shared\nrules: [{ id: plain, mode: shared }]',
  );

  it('shows only Osaka’s stock on a listing that ships from Osaka', () => {
    const unit = {
      skus: [
        { sku: 'TSHIRT-M', available: 10, byLocation: { tokyo: 8, osaka: 2 } },
      ],
      listings: [
        ...listingsOf('TSHIRT-M', ['rakuten']),
        ...listingsOf('TSHIRT-M', ['amazon'], { locations: ['osaka'] }),
      ],
    };
    expect(allocate(ruleSet, unit)).toEqual({ rakuten: 10, amazon: 2 });
  });

  it('asks for stock per location when a listing is restricted', () => {
    const unit = {
      skus: [{ sku: 'TSHIRT-M', available: 10 }],
      listings: listingsOf('TSHIRT-M', ['amazon'], { locations: ['osaka'] }),
    };
    expect(() => allocateUnit(ruleSet, unit, { now: 0 })).toThrow(
      AllocationInputError,
    );
    expect(() => allocateUnit(ruleSet, unit, { now: 0 })).toThrow(
      /^skus\[0\]\.byLocation: is required because listing amazon/,
    );
  });
});

describe('unreadable units', () => {
  const ruleSet = rules(
    'version: 1\nmode: shared\nrules: [{ id: plain, mode: shared }]',
  );

  it('names a negative or fractional stock', () => {
    expect(() =>
      allocateUnit(ruleSet, oneSku(-1, ['rakuten']), { now: 0 }),
    ).toThrow(
      'skus[0].available: must be a whole number between 0 and 1,000,000,000',
    );
    expect(() =>
      allocateUnit(ruleSet, oneSku(1.5, ['rakuten']), { now: 0 }),
    ).toThrow('skus[0].available');
  });

  it('names a listing of an item the unit does not hold', () => {
    const unit = {
      skus: [{ sku: 'A', available: 1 }],
      listings: listingsOf('B', ['rakuten']),
    };
    expect(() => allocateUnit(ruleSet, unit, { now: 0 })).toThrow(
      'listings[0].item.sku: "B" is not among the unit\'s skus',
    );
  });

  it('names a bundle component the unit does not hold', () => {
    const unit = {
      skus: [{ sku: 'A', available: 1 }],
      bundles: [
        { bundleId: 'S', components: [{ componentSku: 'Z', quantity: 1 }] },
      ],
      listings: [],
    };
    expect(() => allocateUnit(ruleSet, unit, { now: 0 })).toThrow(
      'bundles[0].components[0].componentSku: "Z" is not among the unit\'s skus',
    );
  });
});

describe('time windows', () => {
  const campaign = rules(`
version: 1
mode: partitioned
rules:
  - id: everyday
    shares: { rakuten: 50, amazon: 50 }
  - id: super-sale
    window: { from: 2026-12-04T20:00, to: 2026-12-11T02:00 }
    shares: { rakuten: 80, amazon: 20 }
    precedence: 1
`);
  const unit = oneSku(10, ['rakuten', 'amazon']);
  const at = (iso: string) => allocate(campaign, unit, Date.parse(iso));

  it('shifts stock to Rakuten exactly from 20:00 Tokyo time when the Super SALE starts', () => {
    expect(at('2026-12-04T19:59:59.999+09:00')).toEqual({
      rakuten: 5,
      amazon: 5,
    });
    expect(at('2026-12-04T20:00:00.000+09:00')).toEqual({
      rakuten: 8,
      amazon: 2,
    });
  });

  it('shifts it back exactly when the sale ends', () => {
    expect(at('2026-12-11T01:59:59.999+09:00')).toEqual({
      rakuten: 8,
      amazon: 2,
    });
    expect(at('2026-12-11T02:00:00.000+09:00')).toEqual({
      rakuten: 5,
      amazon: 5,
    });
  });

  it('reads a window in the time zone it names', () => {
    const pacific = rules(`
version: 1
mode: partitioned
rules:
  - { id: everyday, shares: { amazon: 50, shopify: 50 } }
  - id: black-friday
    window: { from: 2026-11-27T00:00, timezone: America/Los_Angeles }
    shares: { shopify: 100 }
    precedence: 1
`);
    const unit = oneSku(10, ['amazon', 'shopify']);
    expect(
      allocate(pacific, unit, Date.parse('2026-11-27T07:59:59.999Z')),
    ).toEqual({ amazon: 5, shopify: 5 });
    expect(
      allocate(pacific, unit, Date.parse('2026-11-27T08:00:00.000Z')),
    ).toEqual({ amazon: 0, shopify: 10 });
  });

  it('lets the campaign with the higher precedence win where two overlap', () => {
    const overlapping = rules(`
version: 1
mode: partitioned
rules:
  - { id: everyday, shares: { rakuten: 50, amazon: 50 } }
  - { id: marathon, window: { from: 2026-12-04T20:00, to: 2026-12-10T00:00 }, shares: { rakuten: 100 }, precedence: 1 }
  - { id: prime, window: { from: 2026-12-05T00:00, to: 2026-12-06T00:00 }, shares: { amazon: 100 }, precedence: 2 }
`);
    expect(
      allocate(overlapping, unit, Date.parse('2026-12-04T23:00:00+09:00')),
    ).toEqual({ rakuten: 10, amazon: 0 });
    expect(
      allocate(overlapping, unit, Date.parse('2026-12-05T12:00:00+09:00')),
    ).toEqual({ rakuten: 0, amazon: 10 });
  });

  it('accepts the instant as a Date as well', () => {
    const result = allocateUnit(campaign, unit, {
      now: new Date('2026-12-05T00:00:00+09:00'),
    });
    expect(result.listings.map((listing) => listing.quantity)).toEqual([8, 2]);
  });
});
