import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalCdf,
  percentileOf,
  position,
  shareBelow,
  verdictOf,
} from '../../src/model/percentile.js';
import type { Range } from '../../src/model/types.js';

describe('normalCdf', () => {
  it('hits the textbook values', () => {
    expect(normalCdf(1.2815515655446004)).toBeCloseTo(0.9, 14);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-1.96)).toBeCloseTo(0.025, 4);
  });

  // Reference values: Python 3's 0.5 * math.erfc(-z / math.sqrt(2)) (the C library's erfc).
  it.each([
    [-1.96, 0.024997895148220435],
    [1, 0.8413447460685429],
    [-1, 0.15865525393145707],
    [-0.5, 0.3085375387259869],
    [2.5, 0.9937903346742238],
    [3, 0.9986501019683699],
    [-3, 0.0013498980316300957],
    [5, 0.9999997133484281],
    [-6, 9.865876450377012e-10],
    [-8, 6.220960574271819e-16],
  ])('Phi(%d) = %d to 1e-13 relative', (z, p) =>
    expect(Math.abs(normalCdf(z) - p) / p).toBeLessThan(1e-13),
  );

  it('is symmetric, monotone and bounded', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -40, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (z, step) => {
          const p = normalCdf(z);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          expect(normalCdf(z + step)).toBeGreaterThanOrEqual(p);
          expect(p + normalCdf(-z)).toBeCloseTo(1, 14);
        },
      ),
    );
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
  });
});

describe('percentileOf: five stated percentiles, log-normal pieces between them', () => {
  const range: Range = { low: 100, p25: 120, mid: 150, p75: 190, high: 300 };

  it('puts each stated percentile at its own level', () => {
    expect(percentileOf(100, range)).toBe(10);
    expect(percentileOf(120, range)).toBe(25);
    expect(percentileOf(150, range)).toBe(50);
    expect(percentileOf(190, range)).toBe(75);
    expect(percentileOf(300, range)).toBe(90);
    expect(shareBelow(100, range)).toBeCloseTo(0.1, 12);
    expect(shareBelow(120, range)).toBeCloseTo(0.25, 12);
    expect(shareBelow(190, range)).toBeCloseTo(0.75, 12);
    expect(shareBelow(300, range)).toBeCloseTo(0.9, 12);
  });

  // Reference: Python, the normal score straight in log dollars between the two stated points
  // around x (the outer pieces carried on beyond P10 and P90), then statistics.NormalDist().cdf.
  it.each([
    [90, 5.130160077445684],
    [110, 16.74716490191624],
    [135, 37.50641199080613],
    [170, 63.95023334714964],
    [250, 85.06521048880131],
    [400, 95.1933779580935],
  ])('x = %d is at %d', (x, p) => expect(100 * shareBelow(x, range)).toBeCloseTo(p, 9));

  it('clamps to 1..99 far outside the range', () => {
    expect(percentileOf(1, range)).toBe(1);
    expect(percentileOf(1e9, range)).toBe(99);
  });

  it('x <= 0 with a positive low is the lowest percentile', () => {
    expect(shareBelow(0, range)).toBe(0);
    expect(percentileOf(-5, range)).toBe(1);
  });

  it('a stated $0 (a part often nil): straight in dollars from it to the next point', () => {
    const equity: Range = { low: 0, p25: 0, mid: 40, p75: 80, high: 160 };
    expect(shareBelow(0, equity)).toBe(0.25);
    expect(shareBelow(20, equity)).toBeCloseTo(0.375, 12);
    expect(shareBelow(40, equity)).toBe(0.5);
    expect(shareBelow(-1, equity)).toBe(0);
    const some: Range = { low: 0, p25: 10, mid: 40, p75: 80, high: 160 };
    expect(shareBelow(0, some)).toBe(0.1);
    expect(shareBelow(5, some)).toBeCloseTo(0.175, 12);
  });

  it('a piece of zero width at either end is a step', () => {
    const flat: Range = { low: 100, p25: 100, mid: 150, p75: 300, high: 300 };
    expect(shareBelow(99, flat)).toBe(0);
    expect(shareBelow(100, flat)).toBeCloseTo(0.25, 12);
    expect(shareBelow(300, flat)).toBe(0.9);
    expect(shareBelow(301, flat)).toBe(1);
  });

  it('refuses what is not five ordered percentiles', () => {
    expect(() => shareBelow(1, { low: 2, p25: 1, mid: 3, p75: 4, high: 5 })).toThrow(RangeError);
    expect(() => shareBelow(1, { low: -1, p25: 1, mid: 3, p75: 4, high: 5 })).toThrow(RangeError);
    expect(() => shareBelow(Number.NaN, range)).toThrow(RangeError);
  });

  const ordered = fc
    .array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 5, maxLength: 5 })
    .map((xs) => xs.sort((a, b) => a - b))
    .map(([low, p25, mid, p75, high]) => ({ low, p25, mid, p75, high }) as Range);

  it('a figure under P10 reads under 10, over P90 over 90, however close (regressA F2)', () => {
    // An Austin fintech new grad's total: $105,000 is 9.6% of the way, which rounded to 'P10'.
    const total = { low: 105_721, p25: 124_654, mid: 146_652, p75: 181_848, high: 208_245 };
    expect(percentileOf(105_000, total)).toBe(9);
    expect(percentileOf(105_721, total)).toBe(10);
    expect(percentileOf(208_245, total)).toBe(90);
    expect(percentileOf(208_900, total)).toBe(91);
    fc.assert(
      fc.property(ordered, fc.integer({ min: 0, max: 3_000_000 }), (r, x) => {
        const p = percentileOf(x, r);
        if (x < r.low) expect(p).toBeLessThan(10);
        if (x > r.high) expect(p).toBeGreaterThan(90);
      }),
    );
  });

  it('raising x never lowers its percentile; always a whole number in 1..99', () => {
    fc.assert(
      fc.property(
        ordered,
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (r, x, step) => {
          const p = percentileOf(x, r);
          expect(Number.isInteger(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(1);
          expect(p).toBeLessThanOrEqual(99);
          expect(shareBelow(x + step, r)).toBeGreaterThanOrEqual(shareBelow(x, r));
        },
      ),
    );
  });

  it('the stated points sit at their levels when the pieces around them have width', () => {
    fc.assert(
      fc.property(ordered, (r) => {
        fc.pre(r.low > 0 && r.low < r.p25 && r.p25 < r.mid && r.mid < r.p75 && r.p75 < r.high);
        expect(shareBelow(r.low, r)).toBeCloseTo(0.1, 9);
        expect(shareBelow(r.p25, r)).toBeCloseTo(0.25, 9);
        expect(shareBelow(r.mid, r)).toBeCloseTo(0.5, 9);
        expect(shareBelow(r.p75, r)).toBeCloseTo(0.75, 9);
        expect(shareBelow(r.high, r)).toBeCloseTo(0.9, 9);
      }),
    );
  });
});

describe('verdicts: typical means P25-P75', () => {
  const range: Range = { low: 100, p25: 120, mid: 150, p75: 190, high: 300 };

  it('below P10 is below-range, above P90 above-range; between, the quartiles decide', () => {
    expect(verdictOf(99, range, percentileOf(99, range))).toBe('below-range');
    expect(verdictOf(110, range, percentileOf(110, range))).toBe('below');
    expect(verdictOf(120, range, percentileOf(120, range))).toBe('within');
    expect(verdictOf(190, range, percentileOf(190, range))).toBe('within');
    expect(verdictOf(250, range, percentileOf(250, range))).toBe('above');
    expect(verdictOf(301, range, percentileOf(301, range))).toBe('above-range');
  });

  it('a figure under P25 (over P75) is below (above) typical even where its percentile rounds to 25 (75)', () => {
    // The offer report's bonus: $18,500 against P10 $0, P25 $18,921 is P24.6, printed ≈P25; it was
    // called "typical (P25-P75)" beside a typical range starting at $18,921 (review6).
    const bonus: Range = { low: 0, p25: 18_921, mid: 25_961, p75: 39_130, high: 57_213 };
    expect(position(18_500, bonus)).toMatchObject({ percentile: 25, verdict: 'below' });
    expect(position(18_921, bonus).verdict).toBe('within');
    const near = 39_130 * 1.005;
    expect(position(near, bonus)).toMatchObject({ percentile: 75, verdict: 'above' });
  });

  it('position gives the percentile, the verdict and the signed gap to the typical figure', () => {
    expect(position(135, range)).toEqual({ percentile: 38, verdict: 'within', gap: -15 });
    expect(position(400, range)).toEqual({ percentile: 95, verdict: 'above-range', gap: 250 });
  });
});
