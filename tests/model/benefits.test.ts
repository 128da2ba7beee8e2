// The 401(k) match and the ESPP, worked by hand against the 2026 limits (data/benefits-2026.json).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BENEFIT_LIMITS, esppYear, matchYear } from '../../src/model/benefits.js';
import { benefitsView } from '../../src/documents/benefits.js';

describe('the 2026 limits, as IRS Notice 2025-67 and IRC 423 set them', () => {
  it('are the published figures', () => {
    expect(BENEFIT_LIMITS).toMatchObject({
      taxYear: 2026,
      electiveDeferral: 24_500,
      annualAdditions: 72_000,
      compensation: 360_000,
      purchaseCap: 25_000,
      maxDiscount: 0.15,
    });
  });
});

describe('matchYear', () => {
  it('50% up to 6% of $185K is $5,550 (the issue’s example)', () => {
    expect(matchYear(185_000, [{ rate: 0.5, upTo: 0.06 }])).toEqual({
      deferral: 11_100,
      value: 5_550,
      limits: [],
    });
  });

  it('tiers apply in order: 100% of the first 3%, 50% of the next 2%', () => {
    // 3% of 200,000 = 6,000 matched in full, the next 4,000 by half: 8,000.
    expect(
      matchYear(200_000, [
        { rate: 1, upTo: 0.03 },
        { rate: 0.5, upTo: 0.02 },
      ]).value,
    ).toBe(8_000);
  });

  it('pay counts up to $360,000; deferrals up to $24,500', () => {
    // 6% of 360,000 = 21,600 (not 6% of 500,000 = 30,000): match 10,800.
    expect(matchYear(500_000, [{ rate: 0.5, upTo: 0.06 }])).toEqual({
      deferral: 21_600,
      value: 10_800,
      limits: ['compensation'],
    });
    // 10% of 300,000 = 30,000 wanted, but you can defer only 24,500: a 100% match gives 24,500.
    expect(matchYear(300_000, [{ rate: 1, upTo: 0.1 }])).toEqual({
      deferral: 24_500,
      value: 24_500,
      limits: ['electiveDeferral'],
    });
  });

  it('deferral and match together stay within $72,000', () => {
    // 200% of deferrals up to 10% of 300,000: deferral 24,500, match would be 49,000: 73,500 > 72,000.
    expect(matchYear(300_000, [{ rate: 2, upTo: 0.1 }])).toEqual({
      deferral: 24_500,
      value: 47_500,
      limits: ['electiveDeferral', 'annualAdditions'],
    });
  });

  it('never above the limits, never negative, never more than the rate allows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (base, rate, upTo) => {
          const m = matchYear(base, [{ rate, upTo }]);
          expect(m.value).toBeGreaterThanOrEqual(0);
          expect(m.deferral).toBeLessThanOrEqual(24_500);
          expect(m.deferral + m.value).toBeLessThanOrEqual(72_000 + 1);
          expect(m.value).toBeLessThanOrEqual(rate * upTo * Math.min(base, 360_000) + 1);
        },
      ),
    );
  });
});

describe('esppYear', () => {
  const plain = { discount: 0.15, contribution: null, lookback: false };

  it('15% on the $25,000 the law allows is $3,750 before tax (flat price)', () => {
    expect(esppYear(185_000, plain, 0, 1)).toEqual({
      contributed: 21_250,
      bought: 25_000,
      value: 3_750,
      limits: ['purchaseCap'],
    });
  });

  it('a plan limit of 10% of pay: $18,500 of $185K buys $21,765 of stock, a $3,265 gain', () => {
    const e = esppYear(185_000, { ...plain, contribution: 0.1 }, 0, 1);
    expect(e.contributed).toBe(18_500);
    expect(e.bought).toBe(21_765); // 18,500 / 0.85
    expect(e.value).toBe(3_265);
    expect(e.limits).toEqual([]);
  });

  it('a lookback pays off when the price rises: +10% a year, six-month offerings', () => {
    // Each offering: the cap is 12,500 at its start price p0; the price 6 months on is
    // p0 x 1.1^0.5 = 1.048809 p0; with a lookback you pay 0.85 p0 a share, so each offering
    // gains 12,500 x (1.048809 - 0.85) = 2,485.11; without, 0.15 x 12,500 x 1.048809 = 1,966.52.
    const up = esppYear(185_000, { ...plain, lookback: true }, 0.1, 1);
    expect(up.value).toBe(4_970);
    expect(esppYear(185_000, plain, 0.1, 1).value).toBe(3_933);
    // Falling prices: the lookback buys at the (lower) purchase price, as without one.
    expect(esppYear(185_000, { ...plain, lookback: true }, -0.2, 2).value).toBe(
      esppYear(185_000, plain, -0.2, 2).value,
    );
  });

  it('a part year: no purchase before the first offering ends, one after six months', () => {
    expect(esppYear(92_500, plain, 0, 1, 5).value).toBe(0);
    expect(esppYear(138_750, plain, 0, 1, 9).value).toBe(1_875);
  });

  it('never buys more than $25,000 a year at the offerings’ start prices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.double({ min: 0, max: 0.15, noNaN: true }),
        fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: null }),
        fc.boolean(),
        fc.double({ min: -0.9, max: 3, noNaN: true }),
        (base, discount, contribution, lookback, growth) => {
          const e = esppYear(base, { discount, contribution, lookback }, growth, 1);
          expect(e.value).toBeGreaterThanOrEqual(-1);
          // Bought at the end price; the cap is at the start price, so scale back by the growth.
          const rise = Math.max(1, (1 + growth) ** 0.5);
          expect(e.bought).toBeLessThanOrEqual(25_000 * rise + 1);
        },
      ),
    );
  });
});

describe('benefitsView (the document)', () => {
  it('each offer year from its base and months, the notes naming what bound', () => {
    const years = [
      { year: 1, base: 185_000, total: 200_000 },
      { year: 2, base: 92_500, total: 100_000, months: 6 },
    ];
    const b = benefitsView(
      {
        match: [{ rate: 0.5, upTo: 0.06 }],
        espp: { discount: 0.15, contribution: null, lookback: false },
      },
      years,
      0,
    )!;
    expect(b.years).toEqual([
      { year: 1, match: 5_550, espp: 3_750, total: 9_300, withPay: 209_300 },
      { year: 2, match: 2_775, espp: 1_875, total: 4_650, withPay: 104_650 },
    ]);
    expect(b.notes.at(-1)).toBe(
      'Limits that held the figures down: purchases capped at $25,000 of stock a year (IRC 423(b)(8)).',
    );
    expect(benefitsView({ match: null, espp: null }, years, 0)).toBeUndefined();
  });
});
