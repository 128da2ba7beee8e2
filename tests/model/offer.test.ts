import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount, parseAmountList, parseBonus, parseVesting } from '../../src/input/amounts.js';
import { estimate } from '../../src/model/estimate.js';
import { market } from '../../src/model/market.js';
import {
  annualized,
  firstYear,
  offerYears,
  targetBonus,
  vestingPresets,
  type OfferTerms,
} from '../../src/model/offer.js';
import { offerPosition, type OfferMarket } from '../../src/model/offer-position.js';
import { percentileOf } from '../../src/model/percentile.js';
import type { Profile, Range } from '../../src/model/types.js';

const preset = (id: string) => parseVesting(id, vestingPresets);

/** An offer with nothing but a base, overridden by `over`. */
function offer(over: Partial<OfferTerms> = {}): OfferTerms {
  return {
    base: 200000,
    bonus: null,
    equity: 0,
    vesting: preset('even'),
    signOn: [],
    refresh: 0,
    growth: 0,
    private: false,
    ...over,
  };
}

describe("the issue's done-when offer", () => {
  // ml-salary offer --base 185000 --bonus 15% --equity 400000 --vesting amazon --sign-on 50000,30000
  const terms = offer({
    base: parseAmount('185000', '--base'),
    bonus: parseBonus('15%', '--bonus'),
    equity: parseAmount('400000', '--equity'),
    vesting: parseVesting('amazon', vestingPresets),
    signOn: parseAmountList('50000,30000', '--sign-on'),
  });

  it('vests 20,000 / 60,000 / 160,000 / 160,000 with sign-on 50,000 / 30,000 / 0 / 0', () => {
    const years = offerYears(terms);
    expect(years.map((y) => y.year)).toEqual([1, 2, 3, 4]);
    expect(years.map((y) => y.equity)).toEqual([20000, 60000, 160000, 160000]);
    expect(years.map((y) => y.signOn)).toEqual([50000, 30000, 0, 0]);
    expect(years.map((y) => y.bonus)).toEqual([27750, 27750, 27750, 27750]);
    expect(years.map((y) => y.base)).toEqual([185000, 185000, 185000, 185000]);
    for (const y of years) expect(y.total).toBe(y.base + y.bonus + y.equity + y.signOn);
    expect(firstYear(terms)).toBe(185000 + 27750 + 20000 + 50000);
  });

  it('annualizes to 185,000 + 100,000 + 27,750 + 20,000 = 332,750', () => {
    expect(annualized(terms)).toEqual({
      base: 185000,
      equity: 100000,
      bonus: 27750,
      signOn: 20000,
      total: 332750,
    });
  });
});

describe('stacked refreshers', () => {
  it('two refreshers on even: year 3 is grant x 25% + refresher 1 second vest + refresher 2 first vest', () => {
    const grant = 400000;
    const refresh = 80000;
    const years = offerYears(offer({ equity: grant, refresh }));
    const year3 = grant * 0.25 + refresh * 0.25 + refresh * 0.25; // 100,000 + 20,000 + 20,000
    expect(years[2]!.equity).toBe(year3);
    expect(years.map((y) => y.equity)).toEqual([
      grant * 0.25, // no refresher has vested yet
      grant * 0.25 + refresh * 0.25, // refresher 1, first vest
      year3,
      grant * 0.25 + 3 * refresh * 0.25, // refreshers 1, 2, 3
    ]);
  });

  it('each refresher runs through the schedule from the year after its grant', () => {
    const grant = 1000;
    const refresh = 100;
    const years = offerYears(
      offer({ equity: grant, refresh, vesting: parseVesting('10/20/30/40', []) }),
    );
    expect(years.map((y) => y.equity)).toEqual([
      100, // grant x 10%
      200 + 10, // grant x 20% + refresher 1 x 10%
      300 + 20 + 10, // grant x 30% + refresher 1's 2nd vest (20%) + refresher 2's 1st (10%)
      400 + 30 + 20 + 10,
    ]);
  });
});

describe('stock growth', () => {
  it('growth 0 gives exactly grant x percent', () => {
    const years = offerYears(offer({ equity: 123457, vesting: preset('google') }));
    expect(years.map((y) => y.equity)).toEqual(
      [38, 32, 20, 10].map((p) => Math.round((123457 * p) / 100)),
    );
  });

  it('values each vest at the middle of its vesting year: (1 + g)^(j - 1/2) from the grant date', () => {
    const g = 0.1;
    const grant = 400000;
    const refresh = 100000;
    const years = offerYears(offer({ equity: grant, refresh, growth: g }));
    const v = (amount: number, j: number) => amount * 0.25 * (1 + g) ** (j - 0.5);
    expect(years.map((y) => y.equity)).toEqual([
      Math.round(v(grant, 1)),
      Math.round(v(grant, 2) + v(refresh, 1)),
      Math.round(v(grant, 3) + v(refresh, 2) + v(refresh, 1)),
      Math.round(v(grant, 4) + v(refresh, 3) + v(refresh, 2) + v(refresh, 1)),
    ]);
    expect(years[0]!.equity).toBe(Math.round(100000 * Math.sqrt(1.1))); // 104,881
  });

  it('a stock that goes to zero vests nothing; a falling one vests less', () => {
    expect(offerYears(offer({ equity: 400000, growth: -1 })).map((y) => y.equity)).toEqual([
      0, 0, 0, 0,
    ]);
    const falling = offerYears(offer({ equity: 400000, growth: -0.2 }));
    expect(falling.map((y) => y.equity)).toEqual(
      [0.5, 1.5, 2.5, 3.5].map((e) => Math.round(100000 * 0.8 ** e)),
    );
  });

  it('does not enter the annualized total', () => {
    expect(annualized(offer({ equity: 400000, growth: 0.5 })).equity).toBe(100000);
  });
});

describe('bonus, sign-on and schedule length', () => {
  it('a bonus amount is paid as is; none is 0', () => {
    expect(targetBonus(offer({ bonus: { kind: 'amount', value: 30000 } }))).toBe(30000);
    expect(targetBonus(offer({ bonus: { kind: 'percent', value: 0.125 }, base: 187001 }))).toBe(
      Math.round(187001 * 0.125),
    );
    expect(targetBonus(offer())).toBe(0);
  });

  it('rows follow the schedule: a 2-year schedule has 2 rows and annualizes the grant over 2', () => {
    const terms = offer({
      equity: 100000,
      vesting: parseVesting('50/50', []),
      signOn: [10000, 30000],
    });
    expect(offerYears(terms).map((y) => [y.equity, y.signOn])).toEqual([
      [50000, 10000],
      [50000, 30000],
    ]);
    // sign-on is still spread over levels.fyi's 4 years, whatever the schedule
    expect(annualized(terms)).toEqual({
      base: 200000,
      equity: 50000,
      bonus: 0,
      signOn: 10000,
      total: 260000,
    });
  });

  it('a one-year schedule vests everything in year 1', () => {
    expect(offerYears(offer({ equity: 90000, vesting: parseVesting('100', []) }))).toEqual([
      { year: 1, base: 200000, bonus: 0, equity: 90000, signOn: 0, total: 290000 },
    ]);
  });
});

const profile: Profile = {
  years: 5,
  city: 'seattle',
  industry: 'big-tech',
  skills: [],
  degree: 'bachelors',
};

describe('offerPosition', () => {
  it('an offer equal to the typical figures sits at the 50th percentile, for every profile', () => {
    const cities = market.locations.map((l) => l.id);
    const industries = market.industries.map((i) => i.id);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.constantFrom(...cities),
        fc.constantFrom(...industries),
        fc.constantFrom(...vestingPresets.map((p) => p.id)),
        (years, city, industry, schedule) => {
          const e = estimate({ ...profile, years, city, industry }, market);
          const terms = offer({
            base: e.base.mid,
            bonus: { kind: 'percent', value: e.bonus.mid / e.base.mid },
            equity: e.equity.mid * 4,
            vesting: preset(schedule),
            signOn: [50000],
          });
          const pos = offerPosition(terms, e);
          for (const part of ['base', 'bonus', 'equity', 'total'] as const) {
            expect(Math.abs(pos[part].percentile - 50)).toBeLessThanOrEqual(1);
            expect(pos[part].verdict).toBe('within');
            expect(Math.abs(pos[part].gap)).toBeLessThanOrEqual(1);
          }
          expect(pos.cash).toBeUndefined();
        },
      ),
    );
  });

  it('judges each part against its own range; the total leaves the sign-on out', () => {
    const m: OfferMarket = {
      base: { low: 150000, p25: 165000, mid: 180000, p75: 200000, high: 220000 },
      bonus: { low: 10000, p25: 18000, mid: 25000, p75: 35000, high: 45000 },
      equity: { low: 30000, p25: 55000, mid: 80000, p75: 110000, high: 150000 },
      total: { low: 200000, p25: 240000, mid: 285000, p75: 340000, high: 400000 },
    };
    const terms = offer({
      base: 185000,
      bonus: { kind: 'percent', value: 0.15 },
      equity: 400000,
      vesting: preset('amazon'),
      signOn: [50000, 30000],
    });
    const pos = offerPosition(terms, m);
    expect(pos.base).toEqual({
      percentile: percentileOf(185000, m.base),
      verdict: 'within',
      gap: 5000,
    });
    expect(pos.bonus.gap).toBe(27750 - 25000);
    expect(pos.equity.gap).toBe(100000 - 80000);
    expect(pos.total.gap).toBe(185000 + 27750 + 100000 - 285000);
    expect(pos.total.percentile).toBe(percentileOf(312750, m.total));
    const moreSignOn = offerPosition({ ...terms, signOn: [500000, 300000] }, m);
    expect(moreSignOn.total).toEqual(pos.total);
  });

  it('a private offer also judges its cash against the sum of the cash ranges', () => {
    const e = estimate({ ...profile, industry: 'ai-startup' }, market);
    const terms = offer({
      base: e.base.mid,
      bonus: { kind: 'amount', value: e.bonus.mid },
      equity: 1_000_000,
      private: true,
    });
    const pos = offerPosition(terms, e);
    const cash: Range = {
      low: e.base.low + e.bonus.low,
      p25: e.base.p25 + e.bonus.p25,
      mid: e.base.mid + e.bonus.mid,
      p75: e.base.p75 + e.bonus.p75,
      high: e.base.high + e.bonus.high,
    };
    expect(pos.cash).toEqual({ percentile: 50, verdict: 'within', gap: 0 });
    expect(offerPosition({ ...terms, base: e.base.high }, e).cash!.gap).toBe(
      e.base.high + e.bonus.mid - cash.mid,
    );
    // the equity is still judged, at its paper value
    expect(pos.equity.gap).toBe(250000 - e.equity.mid);
  });
});

/** Market ranges, often with low = 0 and zero-width pieces. */
const rangeArb = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_500_000 })), {
    minLength: 5,
    maxLength: 5,
  })
  .map((xs): Range => {
    const [low, p25, mid, p75, high] = [...xs].sort((a, b) => a - b) as number[];
    return { low: low!, p25: p25!, mid: mid!, p75: p75!, high: high! };
  });

const marketArb: fc.Arbitrary<OfferMarket> = fc.record({
  base: rangeArb,
  bonus: rangeArb,
  equity: rangeArb,
  total: rangeArb,
});

const termsArb: fc.Arbitrary<OfferTerms> = fc
  .record({
    base: fc.integer({ min: 1, max: 2_000_000 }),
    bonus: fc.oneof(
      fc.constant(null),
      fc.record({
        kind: fc.constant('percent' as const),
        value: fc.double({ min: 0, max: 2, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant('amount' as const),
        value: fc.integer({ min: 0, max: 500_000 }),
      }),
    ),
    equity: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 4_000_000 })),
    vesting: fc.constantFrom(...vestingPresets.map((p) => preset(p.id))),
    signOn: fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 4 }),
    refresh: fc.integer({ min: 0, max: 500_000 }),
    growth: fc.double({ min: -1, max: 1, noNaN: true }),
    private: fc.boolean(),
  })
  .map((t) => (t.equity === 0 ? { ...t, refresh: 0, growth: 0, private: false } : t))
  // A bonus amount is at most 200% of base, as a percentage is (checkBonus).
  .map((t) =>
    t.bonus?.kind === 'amount' && t.bonus.value > 2 * t.base
      ? { ...t, bonus: { ...t.bonus, value: 2 * t.base } }
      : t,
  );

describe('offer properties', () => {
  const raise = fc.integer({ min: 1, max: 1_000_000 });

  it('raising any component never lowers its percentile, nor the total or cash percentile', () => {
    fc.assert(
      fc.property(termsArb, marketArb, raise, (terms, m, d) => {
        const before = offerPosition(terms, m);
        const bonusUp =
          terms.bonus === null
            ? ({ kind: 'amount', value: Math.min(2 * terms.base, d) } as const)
            : terms.bonus.kind === 'amount'
              ? { ...terms.bonus, value: Math.min(2 * terms.base, terms.bonus.value + d) }
              : { ...terms.bonus, value: Math.min(2, terms.bonus.value + d / 1e6) };
        const raised: [OfferTerms, 'base' | 'bonus' | 'equity'][] = [
          [{ ...terms, base: terms.base + d }, 'base'],
          [{ ...terms, bonus: bonusUp }, 'bonus'],
          [{ ...terms, equity: terms.equity + d }, 'equity'],
        ];
        for (const [up, part] of raised) {
          const after = offerPosition(up, m);
          expect(after[part].percentile).toBeGreaterThanOrEqual(before[part].percentile);
          expect(after.total.percentile).toBeGreaterThanOrEqual(before.total.percentile);
          if (before.cash)
            expect(after.cash!.percentile).toBeGreaterThanOrEqual(before.cash.percentile);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('years add up, are whole dollars, and the annualized total is its parts', () => {
    fc.assert(
      fc.property(termsArb, (terms) => {
        const years = offerYears(terms);
        expect(years).toHaveLength(terms.vesting.percents.length);
        for (const y of years) {
          for (const v of [y.base, y.bonus, y.equity, y.signOn, y.total]) {
            expect(Number.isSafeInteger(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
          }
          expect(y.total).toBe(y.base + y.bonus + y.equity + y.signOn);
        }
        const a = annualized(terms);
        expect(a.total).toBe(a.base + a.equity + a.bonus + a.signOn);
        expect(firstYear(terms)).toBe(years[0]!.total);
      }),
    );
  });

  it('with no growth and no refresher, the years vest exactly the grant', () => {
    fc.assert(
      fc.property(termsArb, (terms) => {
        const flat = { ...terms, growth: 0, refresh: 0 };
        const vested = offerYears(flat).reduce((s, y) => s + y.equity, 0);
        expect(Math.abs(vested - flat.equity)).toBeLessThanOrEqual(flat.vesting.percents.length);
      }),
    );
  });
});
