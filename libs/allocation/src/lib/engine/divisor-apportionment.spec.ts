import fc from 'fast-check';
import { apportion } from './divisor-apportionment';
import type { ApportionmentMethod } from '../rules/rule-set.schema';

/** The textbook definition: hand out units one at a time to the best quotient, lower index on ties. */
function oneByOne(
  house: number,
  weights: readonly number[],
  method: ApportionmentMethod,
): number[] {
  const seats = weights.map(() => 0);
  if (weights.every((weight) => weight === 0)) return seats;
  const divisor = (k: number) => (method === 'dhondt' ? k : 2 * k - 1);
  for (let unit = 0; unit < house; unit++) {
    let best = -1;
    weights.forEach((weight, party) => {
      if (weight === 0) return;
      if (
        best === -1 ||
        weight * divisor(seats[best] + 1) >
          weights[best] * divisor(seats[party] + 1)
      )
        best = party;
    });
    seats[best] += 1;
  }
  return seats;
}

const methods = fc.constantFrom<ApportionmentMethod>('sainte-lague', 'dhondt');
const weightLists = fc.array(fc.integer({ min: 0, max: 100_000 }), {
  minLength: 1,
  maxLength: 7,
});

describe('divisor apportionment', () => {
  it('splits 60/30/10 of 7 units by Sainte-Laguë, and by D’Hondt which favours the largest share', () => {
    expect(apportion(7, [6000, 3000, 1000], 'sainte-lague')).toEqual([4, 2, 1]);
    expect(apportion(7, [6000, 3000, 1000], 'dhondt')).toEqual([5, 2, 0]);
  });

  it('gives a tied unit to the party listed first (the higher-priority channel)', () => {
    expect(apportion(1, [50, 50], 'sainte-lague')).toEqual([1, 0]);
    expect(apportion(3, [1, 1], 'dhondt')).toEqual([2, 1]);
  });

  it('does not suffer the Alabama paradox where largest remainder does', () => {
    // Largest remainder gives [4, 4, 3] for 11 units but [5, 5, 2] for 12: the third party loses.
    const weights = [6, 6, 2];
    const at11 = apportion(11, weights, 'sainte-lague');
    const at12 = apportion(12, weights, 'sainte-lague');
    at11.forEach((seats, party) =>
      expect(at12[party]).toBeGreaterThanOrEqual(seats),
    );
  });

  it('gives nothing when there is nothing to give or nobody has weight', () => {
    expect(apportion(0, [1, 2], 'dhondt')).toEqual([0, 0]);
    expect(apportion(10, [0, 0], 'sainte-lague')).toEqual([0, 0]);
  });

  it('hands out exactly the house whenever someone has weight', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        weightLists,
        methods,
        (house, weights, method) => {
          const seats = apportion(house, weights, method);
          const expected = weights.some((weight) => weight > 0) ? house : 0;
          expect(seats.reduce((sum, value) => sum + value, 0)).toBe(expected);
          weights.forEach(
            (weight, party) => weight === 0 && expect(seats[party]).toBe(0),
          );
        },
      ),
    );
  });

  it('matches handing out the units one at a time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        weightLists,
        methods,
        (house, weights, method) => {
          expect(apportion(house, weights, method)).toEqual(
            oneByOne(house, weights, method),
          );
        },
      ),
    );
  });

  it('is house-monotone: one more unit never takes a unit from anyone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        weightLists,
        methods,
        (house, weights, method) => {
          const before = apportion(house, weights, method);
          const after = apportion(house + 1, weights, method);
          before.forEach((seats, party) =>
            expect(after[party]).toBeGreaterThanOrEqual(seats),
          );
        },
      ),
    );
  });
});
