/**
 * Scaled errors (Hyndman & Koehler): forecast errors divided by the in-sample error of the seasonal
 * naive method, so series of any volume can be averaged and 1.0 means "as good as seasonal naive".
 */
export interface ScaledErrors {
  readonly mase: number;
  readonly rmsse: number;
}

/** Promotional periods (`use` false) count neither in the scale nor in the errors. */
export function scaledErrors(
  training: readonly number[],
  trainingUse: readonly boolean[],
  actual: readonly number[],
  actualUse: readonly boolean[],
  predicted: readonly number[],
  period: number,
): ScaledErrors | null {
  const lag = training.length > period ? period : 1;
  let absScale = 0;
  let squareScale = 0;
  let count = 0;
  for (let t = lag; t < training.length; t++) {
    if (!trainingUse[t] || !trainingUse[t - lag]) continue;
    const difference = training[t] - training[t - lag];
    absScale += Math.abs(difference);
    squareScale += difference * difference;
    count++;
  }
  if (count === 0 || absScale === 0) return null;
  absScale /= count;
  squareScale /= count;
  let absError = 0;
  let squareError = 0;
  let points = 0;
  for (let h = 0; h < actual.length; h++) {
    if (!actualUse[h]) continue;
    const error = actual[h] - predicted[h];
    absError += Math.abs(error);
    squareError += error * error;
    points++;
  }
  if (points === 0) return null;
  return {
    mase: absError / points / absScale,
    rmsse: Math.sqrt(squareError / points / squareScale),
  };
}
