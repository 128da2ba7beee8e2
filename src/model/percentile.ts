import model from '../../data/offer.json' with { type: 'json' };
import type { Range } from './types.js';

/** The percentiles a Range states, as shares: low, p25, mid, p75, high. */
export const STATED = Object.freeze([0.1, 0.25, 0.5, 0.75, 0.9] as const);

const CLAMP = model.percentile.clamp;
const CUTS = model.verdict;

// ---- the standard normal distribution ----

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * erf(x) for 0 <= x < 3 by its series with positive terms (Abramowitz and Stegun 7.1.6):
 * erf x = 2/sqrt(pi) * exp(-x^2) * sum over n of 2^n x^(2n+1) / (1*3*...*(2n+1)).
 * No term cancels another, so it is accurate to a few units in the last place.
 */
function erfSeries(x: number): number {
  const twoX2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= twoX2 / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return (2 / SQRT_PI) * Math.exp(-x * x) * sum;
}

/**
 * erfc(x) for x >= 2.5 by Laplace's continued fraction (Abramowitz and Stegun 7.1.14):
 * erfc x = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))),
 * evaluated from the bottom; 60 levels are far more than enough at x >= 2.5.
 */
function erfcFraction(x: number): number {
  let f = x;
  for (let n = 60; n >= 1; n--) f = x + n / 2 / f;
  return Math.exp(-x * x) / (SQRT_PI * f);
}

/** The standard normal CDF, Phi(z) = P(Z <= z), accurate to about 1e-15 (tested against libm). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  // P(Z > |z|) = erfc(|z| / sqrt 2) / 2, accurate in the tail (no 1 - erf for large |z|).
  const x = Math.abs(z) / Math.SQRT2;
  const tail = 0.5 * (x < 2.5 ? 1 - erfSeries(x) : erfcFraction(x));
  return z < 0 ? tail : 1 - tail;
}

// ---- the share of the market below a figure, from five stated percentiles ----

/** The normal scores of the stated percentiles, Phi^-1(p) (as bisection on `normalCdf` finds them). */
const Z = [-1.2815515655446008, -0.674489750196082, 0, 0.6744897501960816, 1.2815515655446008];

function checkRange(range: Range): number[] {
  const xs = [range.low, range.p25, range.mid, range.p75, range.high];
  if (!xs.every(Number.isFinite) || xs[0]! < 0 || xs.some((x, i) => i > 0 && x < xs[i - 1]!)) {
    throw new RangeError(`percentile: not five ordered percentiles: ${JSON.stringify(range)}`);
  }
  return xs;
}

/**
 * The share of the market paid less than `x` (0..1, not rounded or clamped), read from the five
 * stated percentiles (P10, P25, P50, P75, P90). Between two of them, where both are above $0,
 * the normal score is straight in log dollars (exact for a lognormal piece); where the lower one
 * is $0 (a part often nil: equity, a bonus), the share is straight in dollars. Below P10 and
 * above P90 the nearest piece goes on with its slope (and below a P10 of $0 nothing is paid
 * less than $0: x = 0 sits at 10%). A piece of zero width is a step. Never decreases as x
 * grows; it is 0.5 at the typical figure and 0.1 / 0.9 at low / high exactly.
 */
export function shareBelow(x: number, range: Range): number {
  const xs = checkRange(range);
  if (Number.isNaN(x)) throw new RangeError('percentile: x is NaN');
  // The typical figure is the median, whatever the pieces around it (a part nil at every
  // percentile included).
  if (x === range.mid) return 0.5;
  // The piece x falls in: the first stated point above x (beyond high: the last piece).
  let i = 1;
  while (i < 4 && x >= xs[i]!) i++;
  const a = xs[i - 1]!;
  const b = xs[i]!;
  if (a === b) {
    // A piece of zero width (only the first or the last can hold x): a step.
    if (x < a) return 0;
    return x > b ? 1 : STATED[i]!;
  }
  if (a === 0) {
    if (x <= 0) return x < 0 ? 0 : STATED[i - 1]!;
    const share = STATED[i - 1]! + ((STATED[i]! - STATED[i - 1]!) * x) / b;
    return Math.min(1, share);
  }
  if (x <= 0) return 0;
  const z = Z[i - 1]! + ((Z[i]! - Z[i - 1]!) * Math.log(x / a)) / Math.log(b / a);
  return normalCdf(z);
}

/**
 * The approximate percentile of `x` in the market `range` (see `shareBelow`): a whole number,
 * clamped to 1..99 because five points say little about the far tails. Never decreases as x
 * grows; the typical figure is 50, low 10, p25 25, p75 75, high 90.
 */
export function percentileOf(x: number, range: Range): number {
  const p = Math.round(100 * shareBelow(x, range));
  // Under P10 it never reads as P10 itself (9.6% rounds to 10), nor as P90 over P90.
  const q = x < range.low ? Math.min(p, 9) : x > range.high ? Math.max(p, 91) : p;
  return Math.min(CLAMP.max, Math.max(CLAMP.min, q));
}

// ---- verdicts ----

export type Verdict = 'below-range' | 'below' | 'within' | 'above' | 'above-range';

/** The plain words for each verdict: typical means between the market's P25 and P75. */
export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = Object.freeze({
  'below-range': 'below P10',
  below: 'below typical (P10-P25)',
  within: 'typical (P25-P75)',
  above: 'above typical (P75-P90)',
  'above-range': 'above P90',
});

/**
 * Where `x` sits: under the market's P10 `below-range`, over its P90 `above-range`; inside, by
 * its `percentile`: under 25 `below`, over 75 `above`, else `within` (typical: P25-P75; the
 * cut-points of data/offer.json, `verdict`), and under P25 or over P75 whatever it rounds to.
 */
export function verdictOf(x: number, range: Range, percentile: number): Verdict {
  if (x < range.low) return 'below-range';
  if (x > range.high) return 'above-range';
  // The figure itself against P25 and P75 too: a percentile rounded to 25 can sit under P25.
  if (percentile < CUTS.below || x < range.p25) return 'below';
  if (percentile > CUTS.above || x > range.p75) return 'above';
  return 'within';
}

/** Where one figure sits against its market range. */
export interface Position {
  /** Approximate percentile, a whole number from 1 to 99 (see `percentileOf`). */
  percentile: number;
  verdict: Verdict;
  /** x - range.mid: signed dollars to the typical figure (negative when below it). */
  gap: number;
}

/** The percentile, verdict and gap to the typical figure of `x` in `range`. */
export function position(x: number, range: Range): Position {
  const percentile = percentileOf(x, range);
  return { percentile, verdict: verdictOf(x, range, percentile), gap: x - range.mid };
}
