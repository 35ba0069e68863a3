import type { RandomSource } from './seeded-random';

/** Exponential with the given mean. */
export function exponential(random: RandomSource, mean: number): number {
  return -Math.log(1 - random.next()) * mean;
}

/** Standard normal by Box-Muller (one value per call: simplicity over the spare value). */
export function standardNormal(random: RandomSource): number {
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, scale 1) by Marsaglia-Tsang, with the shape < 1 boost. */
export function gamma(random: RandomSource, shape: number): number {
  if (shape < 1) {
    const boost = Math.pow(1 - random.next(), 1 / shape);
    return gamma(random, shape + 1) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Poisson count. Small means by multiplying uniforms; large means by the normal approximation with
 * continuity correction, which at a mean above 60 is well inside the noise of any demand forecast.
 */
export function poisson(random: RandomSource, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 60) {
    return Math.max(
      0,
      Math.round(mean + Math.sqrt(mean) * standardNormal(random)),
    );
  }
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random.next();
  while (product > limit) {
    count++;
    product *= random.next();
  }
  return count;
}

/**
 * Negative binomial as a gamma-mixed Poisson: mean `mean`, variance mean + mean² / dispersion.
 * A non-finite dispersion is plain Poisson.
 */
export function negativeBinomial(
  random: RandomSource,
  mean: number,
  dispersion: number,
): number {
  if (!Number.isFinite(dispersion)) return poisson(random, mean);
  return poisson(random, (mean * gamma(random, dispersion)) / dispersion);
}
