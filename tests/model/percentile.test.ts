import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalCdf,
  normalQuantile,
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

  it('normalQuantile inverts it', () => {
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 12);
    expect(normalQuantile(0.1)).toBeCloseTo(-1.2815515655446004, 12);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 14);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(() => normalQuantile(1)).toThrow(RangeError);
    expect(() => normalQuantile(0)).toThrow(RangeError);
  });
});

describe('percentileOf: the split lognormal through P10 / P50 / P90', () => {
  const range: Range = { low: 100, mid: 150, high: 300 };

  it('puts low at 10, the typical figure at 50 and high at 90', () => {
    expect(percentileOf(100, range)).toBe(10);
    expect(percentileOf(150, range)).toBe(50);
    expect(percentileOf(300, range)).toBe(90);
    expect(shareBelow(100, range)).toBeCloseTo(0.1, 12);
    expect(shareBelow(300, range)).toBeCloseTo(0.9, 12);
  });

  // Reference: Python, sigma_lo = ln(150/100) / 1.2815515655446004, sigma_hi = ln(300/150) / the
  // same, 100 * Phi(ln(x/150) / sigma) with Phi from math.erfc.
  it.each([
    [90, 5.320257042065707],
    [120, 24.031528905339076],
    [140, 41.36890667018839],
    [200, 70.25995858945451],
    [250, 82.75325329987011],
    [350, 94.13910869871972],
  ])('x = %d is at %d', (x, p) => {
    expect(100 * shareBelow(x, range)).toBeCloseTo(p, 10);
    expect(percentileOf(x, range)).toBe(Math.round(p));
  });

  it('takes other outer levels as parameters', () => {
    const quartiles = { low: 0.25, high: 0.75 };
    expect(percentileOf(100, range, quartiles)).toBe(25);
    expect(percentileOf(300, range, quartiles)).toBe(75);
    // Python: 100 * Phi(ln(200/150) / (ln(300/150) / 0.6744897501960817)) = 61.02376706074075
    expect(100 * shareBelow(200, range, quartiles)).toBeCloseTo(61.02376706074075, 9);
    expect(() => percentileOf(1, range, { low: 0.6, high: 0.9 })).toThrow(RangeError);
  });

  it('clamps to 1..99 far outside the range', () => {
    expect(percentileOf(1, range)).toBe(1);
    expect(percentileOf(1e9, range)).toBe(99);
  });

  it('x <= 0 with a positive low is the lowest percentile', () => {
    expect(percentileOf(0, range)).toBe(1);
    expect(percentileOf(-5, range)).toBe(1);
  });

  it('low = 0 (equity whose floor is $0): linear in dollars below the median', () => {
    const equity: Range = { low: 0, mid: 40000, high: 120000 };
    expect(percentileOf(0, equity)).toBe(10);
    expect(percentileOf(10000, equity)).toBe(20); // 10 + 40 * 1/4
    expect(percentileOf(20000, equity)).toBe(30);
    expect(percentileOf(40000, equity)).toBe(50);
    expect(percentileOf(120000, equity)).toBe(90); // lognormal above the median
    expect(percentileOf(-1, equity)).toBe(10); // the line continues: just under 10, rounds to 10
  });

  it('mid = 0: linear in dollars above the median', () => {
    const bonus: Range = { low: 0, mid: 0, high: 20000 };
    expect(percentileOf(0, bonus)).toBe(50);
    expect(percentileOf(10000, bonus)).toBe(70); // 50 + 40 * 1/2
    expect(percentileOf(20000, bonus)).toBe(90);
    expect(percentileOf(24000, bonus)).toBe(98);
    expect(percentileOf(25000, bonus)).toBe(99);
    expect(percentileOf(-1, bonus)).toBe(1); // below a zero-width lower piece: a step
  });

  it('a zero-width piece is a step', () => {
    const flatBelow: Range = { low: 150, mid: 150, high: 300 };
    expect(percentileOf(149, flatBelow)).toBe(1);
    expect(percentileOf(150, flatBelow)).toBe(50);
    expect(percentileOf(300, flatBelow)).toBe(90);
    const flatAbove: Range = { low: 100, mid: 150, high: 150 };
    expect(percentileOf(100, flatAbove)).toBe(10);
    expect(percentileOf(150, flatAbove)).toBe(50);
    expect(percentileOf(151, flatAbove)).toBe(99);
    const zero: Range = { low: 0, mid: 0, high: 0 };
    expect(percentileOf(0, zero)).toBe(50);
    expect(percentileOf(1, zero)).toBe(99);
  });

  it('refuses what is not a range', () => {
    expect(() => percentileOf(1, { low: 2, mid: 1, high: 3 })).toThrow(RangeError);
    expect(() => percentileOf(1, { low: -1, mid: 1, high: 3 })).toThrow(RangeError);
    expect(() => percentileOf(1, { low: 1, mid: Number.NaN, high: 3 })).toThrow(RangeError);
    expect(() => percentileOf(Number.NaN, range)).toThrow(RangeError);
  });
});

/** Ranges with low <= mid <= high, often with low = 0 and with zero-width pieces. */
const anyRange = fc
  .tuple(
    fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000 })),
    fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000 })),
    fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000 })),
  )
  .map(([a, b, c]): Range => {
    const [low, mid, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
    return { low, mid, high };
  });

/** Ranges with 0 < low < mid < high. */
const strictRange = fc
  .tuple(
    fc.integer({ min: 1, max: 1_000_000 }),
    fc.integer({ min: 1, max: 1_000_000 }),
    fc.integer({ min: 1, max: 1_000_000 }),
  )
  .map(([low, up, up2]): Range => ({ low, mid: low + up, high: low + up + up2 }));

const amount = fc.integer({ min: 0, max: 5_000_000 });

describe('percentile properties', () => {
  it('raising x never lowers its percentile; always a whole number in 1..99', () => {
    fc.assert(
      fc.property(anyRange, amount, amount, (range, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const p = percentileOf(lo, range);
        expect(Number.isInteger(p)).toBe(true);
        expect(p).toBeGreaterThanOrEqual(1);
        expect(p).toBeLessThanOrEqual(99);
        expect(percentileOf(hi, range)).toBeGreaterThanOrEqual(p);
      }),
      { numRuns: 2000 },
    );
  });

  it('the typical figure is at 50', () => {
    fc.assert(
      fc.property(anyRange, (range) => {
        expect(percentileOf(range.mid, range)).toBe(50);
      }),
    );
  });

  it('P10 at low and P90 at high when 0 < low < mid < high', () => {
    fc.assert(
      fc.property(strictRange, (range) => {
        expect(percentileOf(range.low, range)).toBe(10);
        expect(percentileOf(range.high, range)).toBe(90);
      }),
      { numRuns: 2000 },
    );
  });

  it('below low is below-range, above high is above-range', () => {
    fc.assert(
      fc.property(anyRange, fc.integer({ min: 1, max: 1_000_000 }), (range, d) => {
        if (range.low > 0) {
          const x = Math.max(0, range.low - d);
          expect(position(x, range).verdict).toBe('below-range');
        }
        expect(position(range.high + d, range).verdict).toBe('above-range');
        const inside = position(range.mid, range).verdict;
        expect(inside).toBe('within');
      }),
    );
  });
});

describe('verdictOf and position', () => {
  const range: Range = { low: 100, mid: 150, high: 300 };

  it.each([
    [24, 'below'],
    [25, 'within'],
    [50, 'within'],
    [75, 'within'],
    [76, 'above'],
  ] as const)('percentile %d inside the range is %s', (p, verdict) =>
    expect(verdictOf(150, range, p)).toBe(verdict),
  );

  it('outside the range says so, whatever the percentile', () => {
    expect(verdictOf(99, range, 50)).toBe('below-range');
    expect(verdictOf(301, range, 50)).toBe('above-range');
    expect(verdictOf(100, range, 10)).toBe('below');
    expect(verdictOf(300, range, 90)).toBe('above');
  });

  it('position gives the percentile, the verdict and the signed gap to the typical figure', () => {
    expect(position(120, range)).toEqual({ percentile: 24, verdict: 'below', gap: -30 });
    expect(position(200, range)).toEqual({ percentile: 70, verdict: 'within', gap: 50 });
    expect(position(350, range)).toEqual({ percentile: 94, verdict: 'above-range', gap: 200 });
    expect(position(90, range)).toEqual({ percentile: 5, verdict: 'below-range', gap: -60 });
  });
});
