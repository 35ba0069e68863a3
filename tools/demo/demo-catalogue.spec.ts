import { listingIdProblem } from '@urikiri/connector-rakuten';
import { parseListingId } from '@urikiri/connector-shopify';
import { allocationUnitOf, DEMO_BUNDLES, DEMO_LOCATIONS, DEMO_OPENING_STOCK, DEMO_PRODUCTS, DEMO_SKUS } from './demo-catalogue';
import { DEMO_CHANNEL_IDS } from './demo-channel-ids';

/** EAN-13 check digit: weights 1 and 3 from the left over the first twelve digits. */
function janIsValid(jan: string): boolean {
  const digits = [...jan].map(Number);
  const sum = digits.slice(0, 12).reduce((s, d, i) => s + d * (i % 2 === 0 ? 1 : 3), 0);
  return jan.length === 13 && (10 - (sum % 10)) % 10 === digits[12];
}

describe('the demo catalogue', () => {
  it('gives every product a barcode JAN with a correct check digit, each its own', () => {
    expect(DEMO_PRODUCTS.filter((p) => !janIsValid(p.jan)).map((p) => p.code)).toEqual([]);
    expect(new Set(DEMO_PRODUCTS.map((p) => p.jan)).size).toBe(DEMO_PRODUCTS.length);
  });

  it('has several bundles made of its own SKUs, and a warehouse that is not for sale', () => {
    expect(DEMO_BUNDLES.length).toBeGreaterThanOrEqual(3);
    const skus = new Set(DEMO_SKUS.map((p) => p.code));
    expect(DEMO_BUNDLES.flatMap((b) => b.components ?? []).filter((c) => !skus.has(c.sku))).toEqual([]);
    expect(DEMO_LOCATIONS.filter((l) => !l.sellable).length).toBe(1);
  });

  it('puts opening stock only on its SKUs and locations, and some in the unsellable one', () => {
    const skus = new Set(DEMO_SKUS.map((p) => p.code));
    const locations = new Set(DEMO_LOCATIONS.map((l) => l.code));
    expect(DEMO_OPENING_STOCK.filter((s) => !skus.has(s.sku) || !locations.has(s.location))).toEqual([]);
    expect(DEMO_OPENING_STOCK.some((s) => DEMO_LOCATIONS.find((l) => l.code === s.location)?.sellable === false)).toBe(true);
  });

  it('lists every product on every channel under an id in that channel\'s format, none twice', () => {
    expect(DEMO_PRODUCTS.map((p) => p.listings.rakuten).filter((id) => listingIdProblem(id) !== null)).toEqual([]);
    expect(DEMO_PRODUCTS.map((p) => p.listings.shopify).filter((id) => parseListingId(id) === null)).toEqual([]);
    // Amazon seller SKUs are the product codes; Yahoo! item codes are code or code:subcode of A-Z a-z 0-9 - _.
    expect(DEMO_PRODUCTS.filter((p) => p.listings.amazon !== p.code)).toEqual([]);
    expect(DEMO_PRODUCTS.map((p) => p.listings.yahoo).filter((id) => !/^[A-Za-z0-9_-]{1,99}(:[A-Za-z0-9_-]{1,99})?$/.test(id))).toEqual([]);
    for (const channel of DEMO_CHANNEL_IDS) expect(new Set(DEMO_PRODUCTS.map((p) => p.listings[channel])).size).toBe(DEMO_PRODUCTS.length);
  });

  it('finds the products one sale moves: the SKU, bundles sharing its stock and their components', () => {
    expect(allocationUnitOf('TOWEL-IMABARI')).toEqual(['TOWEL-IMABARI']);
    expect(allocationUnitOf('YUNOMI-KON')).toEqual(
      expect.arrayContaining(['YUNOMI-KON', 'SET-MEOTO-YUNOMI', 'YUNOMI-SHIRO', 'SET-SENCHA-GIFT', 'TEA-SENCHA-100', 'SET-NOMIKURABE']),
    );
    expect(allocationUnitOf('SET-NOMIKURABE')).toEqual(allocationUnitOf('TEA-MATCHA-30'));
    expect(allocationUnitOf('NO-SUCH-SKU')).toEqual([]);
  });
});
