/**
 * Exact integer division for the engine. A float quotient of two large integers can round up to
 * the next whole number, so the floor is corrected with one exact multiplication; all operands stay
 * below 2^53 (quantities ≤ 1e9, basis points ≤ 1e5).
 */

export function floorDiv(numerator: number, denominator: number): number {
  let quotient = Math.floor(numerator / denominator);
  if (quotient * denominator > numerator) quotient -= 1;
  else if ((quotient + 1) * denominator <= numerator) quotient += 1;
  return quotient;
}

function ceilDiv(numerator: number, denominator: number): number {
  return -floorDiv(-numerator, denominator);
}

export const BASIS_POINTS_PER_WHOLE = 10_000;

/** `basisPoints` of `value`, rounded down: a share never shows a unit it has not fully earned. */
export function shareOf(value: number, basisPoints: number): number {
  return floorDiv(value * basisPoints, BASIS_POINTS_PER_WHOLE);
}

/** `basisPoints` of `value`, rounded up: a safety stock of 10 % holds back at least 10 %. */
export function bufferOf(value: number, basisPoints: number): number {
  return ceilDiv(value * basisPoints, BASIS_POINTS_PER_WHOLE);
}
