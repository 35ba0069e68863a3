import {
  allocate,
  listingsOf,
  oneSku,
  rules,
} from '../../../test/allocation-fixtures';

describe('safety stock', () => {
  it('holds the safety stock back from every channel', () => {
    const ruleSet = rules(
      'version: 1\nmode: shared\nrules: [{ id: keep-5, safetyStock: { all: { units: 5 } } }]',
    );
    expect(allocate(ruleSet, oneSku(40, ['rakuten', 'amazon']))).toEqual({
      rakuten: 35,
      amazon: 35,
    });
  });

  it('rounds a percentage up so at least that share stays in the warehouse', () => {
    const ruleSet = rules(
      'version: 1\nmode: shared\nrules: [{ id: keep-10pct, safetyStock: { all: { percent: 10 } } }]',
    );
    expect(allocate(ruleSet, oneSku(41, ['rakuten']))).toEqual({ rakuten: 36 });
  });

  it('keeps Amazon away from the last units with a channel-only buffer', () => {
    const ruleSet = rules(
      'version: 1\nmode: shared\nrules: [{ id: amazon-buffer, safetyStock: { channels: { amazon: { units: 3 } } } }]',
    );
    expect(allocate(ruleSet, oneSku(10, ['rakuten', 'amazon']))).toEqual({
      rakuten: 10,
      amazon: 7,
    });
    expect(allocate(ruleSet, oneSku(2, ['rakuten', 'amazon']))).toEqual({
      rakuten: 2,
      amazon: 0,
    });
  });

  it('shows zero everywhere when the safety stock is larger than the stock', () => {
    const ruleSet = rules(
      'version: 1\nmode: partitioned\nrules: [{ id: keep-50, safetyStock: { all: { units: 50 } } }]',
    );
    expect(allocate(ruleSet, oneSku(30, ['rakuten', 'amazon']))).toEqual({
      rakuten: 0,
      amazon: 0,
    });
  });
});

describe('shares', () => {
  const split = rules(
    'version: 1\nmode: partitioned\nrules: [{ id: split, shares: { rakuten: 60, amazon: 30, shopify: 10 } }]',
  );

  it('splits Rakuten 60 / Amazon 30 / own shop 10 with nothing shown twice', () => {
    expect(
      allocate(split, oneSku(100, ['rakuten', 'amazon', 'shopify'])),
    ).toEqual({ rakuten: 60, amazon: 30, shopify: 10 });
  });

  it('still gives the own shop a unit when only 7 are left (Sainte-Laguë)', () => {
    expect(
      allocate(split, oneSku(7, ['rakuten', 'amazon', 'shopify'])),
    ).toEqual({ rakuten: 4, amazon: 2, shopify: 1 });
  });

  it('favours the largest share when the rule set asks for D’Hondt', () => {
    const dhondt = rules(
      'version: 1\nmode: partitioned\napportionment: dhondt\nrules: [{ id: split, shares: { rakuten: 60, amazon: 30, shopify: 10 } }]',
    );
    expect(
      allocate(dhondt, oneSku(7, ['rakuten', 'amazon', 'shopify'])),
    ).toEqual({ rakuten: 5, amazon: 2, shopify: 0 });
  });

  it('shows a percentage of the same units on every channel in shared mode', () => {
    const ruleSet = rules(
      'version: 1\nmode: shared\nrules: [{ id: both-60, shares: { rakuten: 60, amazon: 60 } }]',
    );
    expect(allocate(ruleSet, oneSku(10, ['rakuten', 'amazon']))).toEqual({
      rakuten: 6,
      amazon: 6,
    });
  });

  it('holds back what shares under 100 % leave over', () => {
    const ruleSet = rules(
      'version: 1\nmode: partitioned\nrules: [{ id: half, shares: { rakuten: 30, amazon: 20 } }]',
    );
    expect(allocate(ruleSet, oneSku(100, ['rakuten', 'amazon']))).toEqual({
      rakuten: 30,
      amazon: 20,
    });
  });

  it('gives each Rakuten shop its own share', () => {
    const ruleSet = rules(
      'version: 1\nmode: partitioned\nrules: [{ id: shops, shares: { rakuten/shop-a: 50, rakuten/shop-b: 20, amazon: 30 } }]',
    );
    const unit = {
      skus: [{ sku: 'TSHIRT-M', available: 100 }],
      listings: [
        ...listingsOf('TSHIRT-M', ['rakuten'], {
          listingId: 'shop-a',
          account: 'shop-a',
        }),
        ...listingsOf('TSHIRT-M', ['rakuten'], {
          listingId: 'shop-b',
          account: 'shop-b',
        }),
        ...listingsOf('TSHIRT-M', ['amazon']),
      ],
    };
    expect(allocate(ruleSet, unit)).toEqual({
      'shop-a': 50,
      'shop-b': 20,
      amazon: 30,
    });
  });

  it('splits a channel’s share evenly between its accounts', () => {
    const ruleSet = rules(
      'version: 1\nmode: partitioned\nrules: [{ id: split, shares: { rakuten: 60, amazon: 40 } }]',
    );
    const unit = {
      skus: [{ sku: 'TSHIRT-M', available: 100 }],
      listings: [
        ...listingsOf('TSHIRT-M', ['rakuten'], {
          listingId: 'shop-a',
          account: 'shop-a',
        }),
        ...listingsOf('TSHIRT-M', ['rakuten'], {
          listingId: 'shop-b',
          account: 'shop-b',
        }),
        ...listingsOf('TSHIRT-M', ['amazon']),
      ],
    };
    expect(allocate(ruleSet, unit)).toEqual({
      'shop-a': 30,
      'shop-b': 30,
      amazon: 40,
    });
  });

  it('shows nothing on a channel the shares leave out', () => {
    expect(allocate(split, oneSku(10, ['rakuten', 'yahoo']))).toEqual({
      rakuten: 10,
      yahoo: 0,
    });
  });
});

describe('min / max per channel', () => {
  it('shows at most 20 on Amazon', () => {
    const ruleSet = rules(
      'version: 1\nmode: shared\nrules: [{ id: amazon-20, limits: { amazon: { max: 20 } } }]',
    );
    expect(allocate(ruleSet, oneSku(50, ['rakuten', 'amazon']))).toEqual({
      rakuten: 50,
      amazon: 20,
    });
  });

  it('shows 0 on Qoo10 below 3 units', () => {
    const ruleSet = rules(
      'version: 1\nmode: shared\nrules: [{ id: qoo10-min, limits: { qoo10: { min: 3 } } }]',
    );
    expect(allocate(ruleSet, oneSku(2, ['rakuten', 'qoo10']))).toEqual({
      rakuten: 2,
      qoo10: 0,
    });
    expect(allocate(ruleSet, oneSku(3, ['rakuten', 'qoo10']))).toEqual({
      rakuten: 3,
      qoo10: 3,
    });
  });

  it('lets an account limit override its channel’s limit', () => {
    const ruleSet = rules(
      'version: 1\nmode: shared\nrules: [{ id: caps, limits: { amazon: { max: 10 }, amazon/outlet: { max: 2 } } }]',
    );
    const unit = {
      skus: [{ sku: 'TSHIRT-M', available: 50 }],
      listings: [
        ...listingsOf('TSHIRT-M', ['amazon']),
        ...listingsOf('TSHIRT-M', ['amazon'], {
          listingId: 'outlet',
          account: 'outlet',
        }),
      ],
    };
    expect(allocate(ruleSet, unit)).toEqual({ amazon: 10, outlet: 2 });
  });
});

describe('inactive listings', () => {
  it('gives a suspended listing nothing and hands its share to the others', () => {
    const ruleSet = rules(
      'version: 1\nmode: partitioned\nrules: [{ id: split, shares: { rakuten: 60, amazon: 30, shopify: 10 } }]',
    );
    const unit = oneSku(10, ['rakuten', 'amazon', 'shopify']);
    const suspended = {
      ...unit,
      listings: unit.listings.map((listing) =>
        listing.channel === 'amazon' ? { ...listing, active: false } : listing,
      ),
    };
    expect(allocate(ruleSet, suspended)).toEqual({
      rakuten: 9,
      amazon: 0,
      shopify: 1,
    });
  });

  it('shows 0 on a deleted listing even in shared mode', () => {
    const ruleSet = rules(
      'version: 1\nmode: shared\nrules: [{ id: all, limits: { amazon: { max: 100 } } }]',
    );
    const unit = oneSku(10, ['rakuten', 'amazon']);
    const deleted = {
      ...unit,
      listings: unit.listings.map((listing) => ({
        ...listing,
        active: listing.channel !== 'amazon',
      })),
    };
    expect(allocate(ruleSet, deleted)).toEqual({ rakuten: 10, amazon: 0 });
  });
});
