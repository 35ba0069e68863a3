import { listingIdProblem, parseRakutenListingId } from './rakuten-listing-id.codec';

describe('Rakuten listing ids', () => {
  it('accepts manageNumber:variantId within 32 bytes of a-z, 0-9, - and _, keeping the variantId case', () => {
    expect(parseRakutenListingId('tshirt-01:Red_M')).toEqual({ manageNumber: 'tshirt-01', variantId: 'Red_M' });
    expect(listingIdProblem(`${'a'.repeat(32)}:${'B'.repeat(32)}`)).toBeNull();
  });

  it.each([
    ['tshirt-01', /must be "manageNumber:variantId"/],
    ['TShirt-01:red', /manageNumber "TShirt-01" has upper-case letters.*use "tshirt-01:red"/],
    [`${'a'.repeat(33)}:red`, /manageNumber ".*" is 33 bytes; Rakuten accepts at most 32/],
    ['tshirt:赤', /variantId "赤" has characters Rakuten does not accept; use only a-z, A-Z, 0-9, "-" and "_"/],
    ['tshirt:', /variantId is empty/],
    ['a:b:c', /must be "manageNumber:variantId"/],
  ])('refuses %s, naming the field and what is accepted', (id, message) => {
    expect(listingIdProblem(id)).toMatch(message);
    expect(() => parseRakutenListingId(id)).toThrow(message);
  });
});
