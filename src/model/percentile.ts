import model from '../../data/offer.json' with { type: 'json' };
import type { Range } from './types.js';

/**
 * The percentiles the estimate's low and high stand for, as fractions (low below 0.5, high above).
 * Its typical figure is always the median.
 */
export interface PercentileLevels {
  low: number;
  high: number;
}

/** ml-salary's reading of an estimate: low = P10, high = P90 (data/offer.json, `percentile`). */
export const DEFAULT_LEVELS: Readonly<PercentileLevels> = Object.freeze({
  ...model.percentile.levels,
});

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

/** erfc(x) for x >= 0, with relative accuracy in the tail (no 1 - erf for large x). */
function erfc(x: number): number {
  return x < 2.5 ? 1 - erfSeries(x) : erfcFraction(x);
}

/** The standard normal CDF, Phi(z) = P(Z <= z), accurate to about 1e-15 (tested against libm). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const tail = 0.5 * erfc(Math.abs(z) / Math.SQRT2); // P(Z > |z|)
  return z < 0 ? tail : 1 - tail;
}

const quantiles = new Map<number, number>();

/** The inverse of `normalCdf` for 0 < p < 1, by bisection (remembered: few distinct p are asked). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1))
    throw new RangeError(`normalQuantile: ${p} is not strictly between 0 and 1`);
  let z = quantiles.get(p);
  if (z === undefined) {
    let lo = -40;
    let hi = 40;
    for (let i = 0; i < 200; i++) {
      const m = (lo + hi) / 2;
      if (m === lo || m === hi) break;
      if (normalCdf(m) < p) lo = m;
      else hi = m;
    }
    z = (lo + hi) / 2;
    if (quantiles.size >= 64) quantiles.clear();
    quantiles.set(p, z);
  }
  return z;
}

// ---- the split lognormal through low / typical / high ----

function checkRange(range: Range): void {
  const { low, mid, high } = range;
  if (![low, mid, high].every(Number.isFinite) || low < 0 || low > mid || mid > high) {
    throw new RangeError(`percentile: not a range: ${JSON.stringify(range)}`);
  }
}

function checkLevels(levels: PercentileLevels): void {
  if (!(levels.low > 0 && levels.low < 0.5 && levels.high > 0.5 && levels.high < 1)) {
    throw new RangeError(
      `percentile: levels must be 0 < low < 0.5 < high < 1: ${JSON.stringify(levels)}`,
    );
  }
}

/**
 * The share of the market paid less than `x` (0..1, not rounded or clamped), from a two-piece
 * (split) lognormal fitted through the range: median `mid`, and `low` and `high` at the
 * `levels` (P10 and P90 by default). mu = ln mid; below the median sigma_lo = (mu - ln low) /
 * z(1 - levels.low), above it sigma_hi = (ln high - mu) / z(levels.high); then
 * share = Phi((ln x - mu) / sigma_side). It hits levels.low at low, 1/2 at mid and levels.high
 * at high exactly, and never decreases as x grows.
 *
 * Where the logarithm cannot be taken:
 * - `low = 0 < mid` (illiquid equity whose floor is $0, an employer without a bonus): below the
 *   median the share is linear in dollars, from levels.low at $0 to 1/2 at mid (a lognormal
 *   cannot reach $0). x = 0 then sits at levels.low.
 * - `mid = 0 < high`: above the median the share is linear in dollars, from 1/2 at $0 to
 *   levels.high at high, and keeps its slope beyond (reaching 1 at 1.25 x high for P90).
 * - a piece of zero width (`low = mid` or `mid = high`): a step, the limit of the fit as that
 *   width shrinks to zero: everything below the median is at 0, everything above at 1.
 * - x <= 0 with `low > 0`: 0 (the lognormal's limit).
 */
export function shareBelow(
  x: number,
  range: Range,
  levels: PercentileLevels = DEFAULT_LEVELS,
): number {
  checkRange(range);
  checkLevels(levels);
  if (Number.isNaN(x)) throw new RangeError('percentile: x is NaN');
  const { low, mid, high } = range;
  let share: number;
  if (x === mid) {
    share = 0.5;
  } else if (x < mid) {
    if (low === mid) share = 0;
    else if (low === 0) share = levels.low + (0.5 - levels.low) * (x / mid);
    else if (x <= 0) share = 0;
    else {
      const sigma = (Math.log(mid) - Math.log(low)) / normalQuantile(1 - levels.low);
      share = normalCdf((Math.log(x) - Math.log(mid)) / sigma);
    }
  } else {
    if (high === mid) share = 1;
    else if (mid === 0) share = 0.5 + (levels.high - 0.5) * (x / high);
    else {
      const sigma = (Math.log(high) - Math.log(mid)) / normalQuantile(levels.high);
      share = normalCdf((Math.log(x) - Math.log(mid)) / sigma);
    }
  }
  return Math.min(1, Math.max(0, share));
}

/**
 * The approximate percentile of `x` in the market `range` (see `shareBelow`): a whole number,
 * clamped to 1..99 because three points say nothing about the far tails. Never decreases as x
 * grows; the typical figure is 50; low and high are at the levels (10 and 90 by default).
 */
export function percentileOf(
  x: number,
  range: Range,
  levels: PercentileLevels = DEFAULT_LEVELS,
): number {
  const p = Math.round(100 * shareBelow(x, range, levels));
  return Math.min(CLAMP.max, Math.max(CLAMP.min, p));
}

// ---- verdicts ----

export type Verdict = 'below-range' | 'below' | 'within' | 'above' | 'above-range';

/** The plain words for each verdict. */
export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = Object.freeze({
  'below-range': 'below the range',
  below: 'below the typical range',
  within: 'within the typical range',
  above: 'above the typical range',
  'above-range': 'above the range',
});

/**
 * Where `x` sits: outside the range says so (`below-range` under low, `above-range` over high);
 * inside it, by its `percentile`: under 25 `below`, over 75 `above`, else `within` (the cut-points
 * of data/offer.json, `verdict`, after acehired's).
 */
export function verdictOf(x: number, range: Range, percentile: number): Verdict {
  if (x < range.low) return 'below-range';
  if (x > range.high) return 'above-range';
  if (percentile < CUTS.below) return 'below';
  if (percentile > CUTS.above) return 'above';
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
export function position(
  x: number,
  range: Range,
  levels: PercentileLevels = DEFAULT_LEVELS,
): Position {
  const percentile = percentileOf(x, range, levels);
  return { percentile, verdict: verdictOf(x, range, percentile), gap: x - range.mid };
}
