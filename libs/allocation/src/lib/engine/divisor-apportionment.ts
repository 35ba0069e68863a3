import type { ApportionmentMethod } from '../rules/rule-set.schema';
import { floorDiv } from './integer-arithmetic';

/**
 * Splits `house` whole units between parties in proportion to integer `weights` by a divisor
 * method (Sainte-Laguë/Webster or D'Hondt/Jefferson). Divisor methods are house-monotone: every
 * unit goes to the best remaining quotient, so the result for house + 1 is the result for house plus
 * one unit, and no party can lose when stock grows (largest remainder can: the Alabama paradox).
 *
 * Seats form one total order, quotient first and then party index, so a lower index (a
 * higher-priority channel) wins ties. Instead of handing out units one by one, the split starts
 * from every seat whose quotient reaches the mean divisor W / house, which is a prefix of that
 * order, and then adds or removes single seats at the edge: at most about one step per party.
 */
export function apportion(
  house: number,
  weights: readonly number[],
  method: ApportionmentMethod,
): number[] {
  const seats = new Array<number>(weights.length).fill(0);
  let totalWeight = 0;
  for (const weight of weights) totalWeight += weight;
  if (house <= 0 || totalWeight === 0) return seats;

  let given = 0;
  for (let party = 0; party < weights.length; party++) {
    seats[party] =
      method === 'dhondt'
        ? floorDiv(weights[party] * house, totalWeight)
        : floorDiv(2 * weights[party] * house + totalWeight, 2 * totalWeight);
    given += seats[party];
  }
  while (given < house) {
    seats[bestNextSeat(seats, weights, method)] += 1;
    given += 1;
  }
  while (given > house) {
    seats[weakestHeldSeat(seats, weights, method)] -= 1;
    given -= 1;
  }
  return seats;
}

/** The divisor of a party's k-th unit: k for D'Hondt, 2k − 1 for Sainte-Laguë (scaled by 2). */
function divisor(k: number, method: ApportionmentMethod): number {
  return method === 'dhondt' ? k : 2 * k - 1;
}

function bestNextSeat(
  seats: readonly number[],
  weights: readonly number[],
  method: ApportionmentMethod,
): number {
  let best = -1;
  for (let party = 0; party < weights.length; party++) {
    if (weights[party] === 0) continue;
    // weights[party] / d(party) > weights[best] / d(best), compared without division.
    if (
      best === -1 ||
      weights[party] * divisor(seats[best] + 1, method) >
        weights[best] * divisor(seats[party] + 1, method)
    ) {
      best = party;
    }
  }
  return best;
}

function weakestHeldSeat(
  seats: readonly number[],
  weights: readonly number[],
  method: ApportionmentMethod,
): number {
  let weakest = -1;
  for (let party = weights.length - 1; party >= 0; party--) {
    if (seats[party] === 0) continue;
    if (
      weakest === -1 ||
      weights[party] * divisor(seats[weakest], method) <
        weights[weakest] * divisor(seats[party], method)
    ) {
      weakest = party;
    }
  }
  return weakest;
}
