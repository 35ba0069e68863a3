import { oneStepSse, type ForecastFit } from './forecast-fit';

/**
 * Exponential smoothing with a damped additive trend and an additive or multiplicative season
 * (Holt-Winters). Without two full seasons of history the season is left out (damped Holt).
 * Smoothing constants are picked from a small grid by in-sample one-step error, with a parsimony
 * rule: the smoothest model (lowest constants, no trend) whose error is within 2 % of the best wins.
 * On noisy sales many settings fit almost equally well, and the one that fits the noise best makes
 * the baseline chase the last few weeks' luck. Promotional periods do not update the state; the
 * model carries its prediction across them, which is the baseline they are judged by.
 */
const ALPHAS = [0.01, 0.03, 0.1, 0.2, 0.4];
const BETAS = [0, 0.03];
const GAMMAS = [0.02, 0.1];
const PARSIMONY_TOLERANCE = 0.02;
/** Damping keeps a trend learnt from a few weeks from running away over a forecast horizon. */
const PHI = 0.9;

type Season = 'none' | 'additive' | 'multiplicative';

interface Params {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly season: Season;
}

export function fitHoltWinters(
  values: readonly number[],
  use: readonly boolean[],
  period: number,
  horizon: number,
): ForecastFit {
  const seasonal = period > 1 && values.length >= 2 * period;
  const seasons: Season[] = seasonal ? ['additive', 'multiplicative'] : ['none'];
  const warmUp = seasonal ? period : 1;
  // Simplest first: the order in which ties are settled.
  const fits: { sse: number; fit: ForecastFit }[] = [];
  for (const alpha of ALPHAS) {
    for (const beta of BETAS) {
      for (const gamma of seasonal ? GAMMAS : [0]) {
        for (const season of seasons) {
          const fit = run(values, use, seasonal ? period : 1, horizon, { alpha, beta, gamma, season });
          fits.push({ sse: oneStepSse(values, use, fit.fitted, warmUp), fit });
        }
      }
    }
  }
  const best = Math.min(...fits.map((candidate) => candidate.sse));
  return (fits.find((candidate) => candidate.sse <= best * (1 + PARSIMONY_TOLERANCE)) ?? fits[0]).fit;
}

function run(
  values: readonly number[],
  use: readonly boolean[],
  period: number,
  horizon: number,
  params: Params,
): ForecastFit {
  const { alpha, beta, gamma, season } = params;
  const multiplicative = season === 'multiplicative';
  let level = initialLevel(values, use, Math.min(values.length, 2 * period));
  const seasonal = initialSeason(values, use, period, level, season);
  let trend = 0;
  const fitted = new Array<number>(values.length);
  for (let t = 0; t < values.length; t++) {
    const s = seasonal[t % period];
    const base = level + PHI * trend;
    const prediction = multiplicative ? base * s : base + s;
    fitted[t] = Math.max(0, prediction);
    if (!use[t]) {
      level = base;
      trend = PHI * trend;
      continue;
    }
    const y = values[t];
    const deseasoned = multiplicative ? (s > 0 ? y / s : base) : y - s;
    const nextLevel = alpha * deseasoned + (1 - alpha) * base;
    trend = beta * (nextLevel - level) + (1 - beta) * PHI * trend;
    if (season !== 'none') {
      seasonal[t % period] = multiplicative
        ? nextLevel > 0
          ? gamma * (y / nextLevel) + (1 - gamma) * s
          : s
        : gamma * (y - nextLevel) + (1 - gamma) * s;
    }
    level = Math.max(0, nextLevel);
  }
  const forecast = new Array<number>(horizon);
  let damping = 0;
  let phiPower = 1;
  for (let h = 1; h <= horizon; h++) {
    phiPower *= PHI;
    damping += phiPower;
    const s = seasonal[(values.length + h - 1) % period];
    const base = level + damping * trend;
    forecast[h - 1] = Math.max(0, multiplicative ? base * s : base + s);
  }
  const method =
    season === 'none'
      ? 'damped-holt'
      : multiplicative
        ? 'holt-winters-multiplicative'
        : 'holt-winters-additive';
  return { method, fitted, forecast };
}

function initialLevel(
  values: readonly number[],
  use: readonly boolean[],
  span: number,
): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < span; i++) {
    if (use[i]) {
      sum += values[i];
      count++;
    }
  }
  if (count > 0) return sum / count;
  const all = values.filter((_, i) => use[i]);
  return all.length > 0 ? all.reduce((a, b) => a + b, 0) / all.length : 0;
}

/** Average deviation from the level at each position of the first two seasons, normalised. */
function initialSeason(
  values: readonly number[],
  use: readonly boolean[],
  period: number,
  level: number,
  season: Season,
): number[] {
  const multiplicative = season === 'multiplicative';
  const neutral = multiplicative ? 1 : 0;
  if (season === 'none') return [neutral];
  const sums = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  for (let i = 0; i < Math.min(values.length, 2 * period); i++) {
    if (!use[i]) continue;
    sums[i % period] += multiplicative
      ? level > 0
        ? values[i] / level
        : 1
      : values[i] - level;
    counts[i % period]++;
  }
  const raw = sums.map((sum, i) => (counts[i] > 0 ? sum / counts[i] : neutral));
  const mean = raw.reduce((a, b) => a + b, 0) / period;
  return raw.map((value) =>
    multiplicative ? (mean > 0 ? value / mean : 1) : value - mean,
  );
}
