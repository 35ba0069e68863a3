import {
  allocate,
  listingsOf,
  oneSku,
  rules,
} from '../../../test/allocation-fixtures';

describe('priority in low stock', () => {
  const ownShopFirst = rules(`
version: 1
mode: shared
rules:
  - id: own-shop-first
    priority: { order: [shopify, rakuten, amazon], lowStock: { belowUnits: 10 } }
`);

  it('keeps the own shop selling when stock is low', () => {
    expect(
      allocate(ownShopFirst, oneSku(6, ['rakuten', 'amazon', 'shopify'])),
    ).toEqual({ shopify: 6, rakuten: 0, amazon: 0 });
  });

  it('lets every channel sell again from the threshold up', () => {
    expect(
      allocate(ownShopFirst, oneSku(10, ['rakuten', 'amazon', 'shopify'])),
    ).toEqual({ shopify: 10, rakuten: 10, amazon: 10 });
  });

  it('drops the lowest channels to zero first in partitioned mode', () => {
    const ruleSet = rules(`
version: 1
mode: partitioned
rules:
  - id: split
    shares: { rakuten: 60, amazon: 30, shopify: 10 }
  - id: own-shop-first
    priority: { order: [shopify, rakuten, amazon], lowStock: { belowUnits: 10 } }
`);
    // At the threshold of 10 the split is rakuten 6 / amazon 3 / shopify 1: those are the targets,
    // filled top-down with the 5 units there are.
    expect(
      allocate(ruleSet, oneSku(5, ['rakuten', 'amazon', 'shopify'])),
    ).toEqual({ shopify: 1, rakuten: 4, amazon: 0 });
    expect(
      allocate(ruleSet, oneSku(10, ['rakuten', 'amazon', 'shopify'])),
    ).toEqual({ shopify: 1, rakuten: 6, amazon: 3 });
  });

  it('measures low stock in days of cover from the sales velocity', () => {
    const ruleSet = rules(`
version: 1
mode: shared
rules:
  - id: two-days
    priority: { order: [shopify, rakuten, amazon], lowStock: { belowDaysOfCover: 2 } }
`);
    const velocity: Record<string, number> = {
      shopify: 1,
      rakuten: 3,
      amazon: 2,
    };
    const unitWith = (available: number) => {
      const unit = oneSku(available, ['shopify', 'rakuten', 'amazon']);
      return {
        ...unit,
        listings: unit.listings.map((listing) => ({
          ...listing,
          velocityPerDay: velocity[listing.channel],
        })),
      };
    };
    // 6 units a day, so two days of cover is 12 units.
    expect(allocate(ruleSet, unitWith(11))).toEqual({
      shopify: 11,
      rakuten: 0,
      amazon: 0,
    });
    expect(allocate(ruleSet, unitWith(12))).toEqual({
      shopify: 12,
      rakuten: 12,
      amazon: 12,
    });
  });

  it('drops a channel missing from the order before the named ones', () => {
    const ruleSet = rules(
      'version: 1\nmode: shared\nrules: [{ id: own, priority: { order: [shopify], lowStock: { belowUnits: 5 } } }]',
    );
    expect(allocate(ruleSet, oneSku(3, ['rakuten', 'shopify']))).toEqual({
      shopify: 3,
      rakuten: 0,
    });
  });
});

describe('ring-fenced quotas', () => {
  it('keeps 20 units for the Rakuten Super SALE while the others see the rest', () => {
    const ruleSet = rules(
      'version: 1\nmode: shared\nrules: [{ id: super-sale, ringFences: { rakuten: 20 } }]',
    );
    expect(
      allocate(ruleSet, oneSku(50, ['rakuten', 'amazon', 'shopify'])),
    ).toEqual({ rakuten: 50, amazon: 30, shopify: 30 });
  });

  it('adds the quota on top of Rakuten’s share in partitioned mode', () => {
    const ruleSet = rules(
      'version: 1\nmode: partitioned\nrules: [{ id: sale, ringFences: { rakuten: 20 }, shares: { rakuten: 50, amazon: 50 } }]',
    );
    expect(allocate(ruleSet, oneSku(60, ['rakuten', 'amazon']))).toEqual({
      rakuten: 40,
      amazon: 20,
    });
  });

  it('gives the fenced channel everything when the stock is below the quota', () => {
    const ruleSet = rules(
      'version: 1\nmode: shared\nrules: [{ id: sale, ringFences: { rakuten: 20 } }]',
    );
    expect(allocate(ruleSet, oneSku(12, ['rakuten', 'amazon']))).toEqual({
      rakuten: 12,
      amazon: 0,
    });
  });

  const fenceAndPriority = (outranks: boolean) =>
    rules(`
version: 1
mode: shared
ringFencesOutrankPriority: ${outranks}
rules:
  - id: sale
    ringFences: { rakuten: 5 }
  - id: own-shop-first
    priority: { order: [shopify, rakuten, amazon], lowStock: { belowUnits: 10 } }
`);

  it('keeps the ring-fence in low stock by default', () => {
    expect(
      allocate(
        fenceAndPriority(true),
        oneSku(8, ['shopify', 'rakuten', 'amazon']),
      ),
    ).toEqual({ shopify: 3, rakuten: 5, amazon: 0 });
  });

  it('lets priority come first when the rule set says so', () => {
    expect(
      allocate(
        fenceAndPriority(false),
        oneSku(8, ['shopify', 'rakuten', 'amazon']),
      ),
    ).toEqual({ shopify: 5, rakuten: 3, amazon: 0 });
  });
});

describe('modes', () => {
  it('shows every unit on every channel in shared mode', () => {
    const ruleSet = rules(
      'version: 1\nmode: shared\nrules: [{ id: plain, mode: shared }]',
    );
    expect(
      allocate(ruleSet, oneSku(7, ['rakuten', 'amazon', 'shopify'])),
    ).toEqual({ rakuten: 7, amazon: 7, shopify: 7 });
  });

  it('splits evenly and never shows a unit twice in partitioned mode without shares', () => {
    const ruleSet = rules(
      'version: 1\nmode: partitioned\nrules: [{ id: plain, mode: partitioned }]',
    );
    expect(
      allocate(ruleSet, oneSku(10, ['rakuten', 'amazon', 'shopify'])),
    ).toEqual({ amazon: 4, rakuten: 3, shopify: 3 });
  });

  it('adds the shared remainder to each quota in hybrid mode', () => {
    const ruleSet = rules(
      'version: 1\nmode: hybrid\nrules: [{ id: quotas, shares: { rakuten: 30, amazon: 20 } }]',
    );
    expect(
      allocate(ruleSet, oneSku(100, ['rakuten', 'amazon', 'shopify'])),
    ).toEqual({ rakuten: 80, amazon: 70, shopify: 50 });
  });

  it('switches mode for one category only', () => {
    const ruleSet = rules(
      'version: 1\nmode: shared\nrules: [{ id: food, scope: { categories: [food] }, mode: partitioned }]',
    );
    expect(
      allocate(
        ruleSet,
        oneSku(10, ['rakuten', 'amazon'], { category: 'food' }),
      ),
    ).toEqual({ rakuten: 5, amazon: 5 });
    expect(
      allocate(
        ruleSet,
        oneSku(10, ['rakuten', 'amazon'], { category: 'toys' }),
      ),
    ).toEqual({ rakuten: 10, amazon: 10 });
  });
});

describe('scope and precedence', () => {
  const layered = rules(`
version: 1
mode: partitioned
rules:
  - { id: everyone, shares: { rakuten: 100 }, safetyStock: { all: { units: 2 } } }
  - { id: sale-tag, scope: { tags: [sale] }, shares: { amazon: 100 } }
  - { id: hero, scope: { skus: [TSHIRT-M] }, shares: { shopify: 100 } }
  - { id: outlet-tag, scope: { tags: [outlet] }, shares: { yahoo: 100 }, precedence: 1 }
`);
  const channels = ['rakuten', 'amazon', 'shopify', 'yahoo'];
  const skuWith = (sku: string, tags: string[]) => ({
    skus: [{ sku, available: 12, tags }],
    listings: listingsOf(sku, channels),
  });

  it('lets a SKU list beat a tag, and a tag beat the rule for every SKU', () => {
    expect(allocate(layered, skuWith('TSHIRT-M', ['sale']))).toEqual({
      rakuten: 0,
      amazon: 0,
      shopify: 10,
      yahoo: 0,
    });
    expect(allocate(layered, skuWith('TSHIRT-L', ['sale']))).toEqual({
      rakuten: 0,
      amazon: 10,
      shopify: 0,
      yahoo: 0,
    });
    expect(allocate(layered, skuWith('TSHIRT-L', []))).toEqual({
      rakuten: 10,
      amazon: 0,
      shopify: 0,
      yahoo: 0,
    });
  });

  it('uses precedence between two tags of one SKU', () => {
    expect(allocate(layered, skuWith('TSHIRT-L', ['sale', 'outlet']))).toEqual({
      rakuten: 0,
      amazon: 0,
      shopify: 0,
      yahoo: 10,
    });
  });

  it('takes each setting from the most specific rule that mentions it', () => {
    // The tag rule says nothing about safety stock, so the 2 units of the rule for all still apply.
    expect(allocate(layered, skuWith('TSHIRT-L', ['sale']))['amazon']).toBe(10);
  });
});
