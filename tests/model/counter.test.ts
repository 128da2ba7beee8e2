// The counter-offer model: worked by hand, and checked over random offers and markets that the
// target never exceeds the market's P90 and never falls below the offer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVesting } from '../../src/input/amounts.js';
import { counterOffer, type CounterMarket } from '../../src/model/counter.js';
import { annualized, offerYears, vestingPresets, type OfferTerms } from '../../src/model/offer.js';

const preset = (id: string) => parseVesting(id, vestingPresets);

function offer(over: Partial<OfferTerms> = {}): OfferTerms {
  return {
    base: 185_000,
    bonus: { kind: 'percent', value: 0.15 },
    equity: 400_000,
    vesting: preset('amazon'),
    signOn: [],
    refresh: 0,
    growth: 0,
    private: false,
    ...over,
  };
}

const MARKET: CounterMarket = {
  total: { p75: 380_000, high: 480_000 },
  base: { p75: 250_000, high: 300_000 },
  bonus: { p75: 60_000, high: 100_000 },
  equity: { high: 250_000 },
};

describe('counterOffer, by hand', () => {
  it('Seattle big tech: the gap to P75 goes 2/3 to stock, 1/3 to base, a sign-on fills years 1-2', () => {
    // Yearly total: 185,000 + 27,750 + 400,000 / 4 = 312,750; the gap to 380,000 is 67,250.
    // Base: 67,250 / 3 / 1.15 (the 15% bonus follows) = 19,492 -> 19,000 (bonus +2,850).
    // Stock: 67,250 - 19,000 x 1.15 = 45,400 a year -> a grant +181,600 -> 180,000.
    const c = counterOffer(offer(), MARKET);
    expect(c.status).toBe('counter');
    expect(c.offer).toBe(312_750);
    expect(c.base).toEqual({ from: 185_000, to: 204_000 });
    expect(c.bonus).toEqual({ from: 27_750, to: 30_600 });
    expect(c.equity).toEqual({ from: 400_000, to: 580_000 });
    // 204,000 + 30,600 + 580,000 / 4 = 379,600: within the aim.
    expect(c.target).toBe(379_600);
    // Amazon vests 5% and 15% in years 1 and 2: 29,000 and 87,000 of the new grant. Year 1
    // without sign-on: 204,000 + 30,600 + 29,000 = 263,600, short of 379,600 by 116,000;
    // year 2: 321,600, short by 58,000.
    expect(c.signOn.to).toEqual([115_000, 55_000]);
    const before = offerYears(offer());
    const after = offerYears(c.terms);
    expect(c.gains.firstYear).toBe(after[0]!.total - before[0]!.total);
    expect(c.gains.years).toBe(4);
    expect(c.gains.total).toBe(
      after.slice(0, 4).reduce((s, y) => s + y.total, 0) - before.reduce((s, y) => s + y.total, 0),
    );
  });

  it('base stops at the market’s P90 of base; the rest goes to stock', () => {
    // Yearly 250,000 + 37,500 + 100,000 = 387,500; the gap to 500,000 is 112,500, a third of it
    // for base would be 32,609, but base's P90 is 255,000: base +5,000, stock the rest.
    const market = {
      ...MARKET,
      total: { p75: 500_000, high: 600_000 },
      base: { p75: 240_000, high: 255_000 },
    };
    const c = counterOffer(offer({ base: 250_000 }), market);
    expect(c.base.to).toBe(255_000);
    // 112,500 - 5,000 x 1.15 = 106,750 a year of stock: the grant +427,000 -> +425,000.
    expect(c.equity.to).toBe(825_000);
    expect(c.target).toBe(255_000 + 38_250 + 825_000 / 4);
    // Stock stops at equity's P90 a year (here 150,000): the target then falls short of the aim.
    const tight = counterOffer(offer({ base: 250_000 }), { ...market, equity: { high: 150_000 } });
    expect(tight.equity.to).toBe(600_000);
    expect(tight.target).toBeLessThan(500_000);
  });

  it('without stock, all of the gap is asked of base (and never a grant)', () => {
    const c = counterOffer(offer({ equity: 0, vesting: preset('even') }), MARKET);
    expect(c.equity).toEqual({ from: 0, to: 0 });
    expect(c.base.to).toBe(300_000); // capped at base's P90
  });

  it('where the mix has no stock (a trading firm), base and bonus share the gap by how far each is under its P75 (review4 N4)', () => {
    const quant = {
      total: { p75: 460_000, high: 560_000 },
      base: { p75: 235_000, high: 267_000 },
      bonus: { p75: 230_000, high: 328_000 },
      equity: { high: 0 },
    };
    const terms = offer({ base: 200_000, bonus: { kind: 'amount', value: 50_000 }, equity: 0 });
    // The gap 460,000 - 250,000 = 210,000; base is 35,000 under its P75, bonus 180,000: base
    // 210,000 x 35 / 215 = 34,186 -> 34,000; the bonus the rest, 176,000 (under its P90).
    const c = counterOffer(terms, quant);
    expect(c.base).toEqual({ from: 200_000, to: 234_000 });
    expect(c.bonus).toEqual({ from: 50_000, to: 226_000 });
    expect(c.equity).toEqual({ from: 0, to: 0 });
    expect(c.target).toBe(460_000);
    expect(c.capped).toEqual([]);
    // A percentage bonus is asked as a higher percentage (whole percents, rounded down): base
    // 34,186 / 1.25 -> +27,000 (the bonus follows, +6,750), the bonus +176,000 more: 232,750
    // of 227,000, 102%.
    const pct = counterOffer({ ...terms, bonus: { kind: 'percent', value: 0.25 } }, quant);
    expect(pct.base.to).toBe(227_000);
    expect(pct.terms.bonus).toEqual({ kind: 'percent', value: 1.02 });
    // The bonus stops at its P90: the target falls short and says which part stopped.
    const tight = counterOffer(terms, { ...quant, bonus: { p75: 230_000, high: 150_000 } });
    expect(tight.bonus.to).toBe(150_000);
    expect(tight.capped).toEqual(['bonus']);
  });

  it('an offer under P75 whose base is at its P90 and has no stock is capped, not at the target', () => {
    const c = counterOffer(offer({ base: 310_000, bonus: null, equity: 0 }), MARKET);
    expect(c.status).toBe('capped');
    expect(c.capped).toEqual(['base']);
    expect(c.target).toBeNull();
  });

  it("options worth $0 at today's FMV with no preferred price still get stock asked: 40% more of them (review3 A11)", () => {
    const opts = { count: 40_000, strike: 1.2, fmv: 1.2, type: 'iso' as const };
    const terms = offer({ base: 310_000, bonus: null, equity: 0, options: opts, private: true });
    const c = counterOffer(terms, MARKET);
    // The gap 380,000 - 310,000 = 70,000 a year: base is at its P90, so all of it to stock; a
    // private company's, at most 40% more options (counterOffer's privateStock), counted $0.
    expect(c.status).toBe('counter');
    expect(c.equity).toEqual({ from: 0, to: 0 });
    expect(c.terms.options).toEqual({ ...opts, count: 56_000 });
    expect(c.target).toBe(310_000);
    // A preferred price at or under the strike: worth $0 at it, no more asked, capped.
    const sunk = counterOffer({ ...terms, preferred: 1 }, MARKET);
    expect(sunk.status).toBe('capped');
    // A listed company's options under water (no preferred price to value them at): the same.
    expect(counterOffer({ ...terms, private: false }, MARKET).status).toBe('capped');
  });

  it("a private company's stock is asked at most 40% more than offered (regressB F10)", () => {
    // Seed: 40,000 options at a $1.20 strike, $4.00 preferred: $112,000, $28,000 a year; base
    // 160,000. The gap to 380,000 is 192,000: base +63,000 (0.3333 of it, rounded down) and
    // stock 129,000 a year, a grant of 516,000 more, stopped at 40% of 112,000: +44,800, 56,000
    // options. The target: 223,000 + 156,800 / 4 = 262,200.
    const opts = { count: 40_000, strike: 1.2, fmv: 1.2, type: 'iso' as const };
    const seed = offer({ base: 160_000, bonus: null, equity: 0, options: opts, private: true });
    const c = counterOffer({ ...seed, preferred: 4 }, MARKET);
    expect(c.status).toBe('counter');
    expect(c.base).toEqual({ from: 160_000, to: 223_000 });
    expect(c.equity).toEqual({ from: 112_000, to: 156_800 });
    expect(c.terms.options?.count).toBe(56_000);
    expect(c.paperCapped).toBe(true);
    expect(c.capped).toEqual([]);
    expect(c.target).toBe(262_200);
    // Private shares: the grant at most 1.4 times; listed stock as before (gap 195,000: base
    // +64,000, stock 131,000 a year, a grant +524,000, rounded down to 520,000).
    const rsu = offer({ base: 160_000, bonus: null, equity: 100_000 });
    expect(counterOffer({ ...rsu, private: true }, MARKET).equity).toEqual({
      from: 100_000,
      to: 140_000,
    });
    expect(counterOffer(rsu, MARKET).equity).toEqual({ from: 100_000, to: 620_000 });
    // Under the cap, nothing changes: 800,000 private (200,000 a year), gap 20,000, base +6,000,
    // stock 14,000 a year: +56,000 (rounded down to 55,000), under 40% (320,000).
    const near = counterOffer({ ...rsu, private: true, equity: 800_000 }, MARKET);
    expect(near.paperCapped).toBe(false);
    expect(near.equity).toEqual({ from: 800_000, to: 855_000 });
  });

  it('an offer at or above P75 gets nothing asked; above P90 says so', () => {
    expect(counterOffer(offer({ base: 250_000 }), MARKET).status).toBe('at-target');
    const high = counterOffer(offer({ base: 400_000 }), MARKET);
    expect(high.status).toBe('above-ceiling');
    expect(high.target).toBeNull();
  });

  it('a sign-on already offered is never asked lower', () => {
    const c = counterOffer(offer({ signOn: [200_000, 10_000] }), MARKET);
    expect(c.signOn.to[0]).toBe(200_000);
    expect(c.signOn.to[1]).toBeGreaterThanOrEqual(10_000);
  });
});

describe('counterOffer, over random offers and markets', () => {
  it('the target is never above the market’s P90 and never below the offer', () => {
    const terms = fc.record({
      base: fc.integer({ min: 40_000, max: 900_000 }),
      bonusPct: fc.integer({ min: 0, max: 50 }),
      equity: fc.integer({ min: 0, max: 3_000_000 }),
      vesting: fc.constantFrom('even', 'amazon', 'google', 'nvidia', '10/20/30/40', '100'),
      signOn: fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 1 }),
    });
    const market = fc
      .tuple(
        fc.integer({ min: 50_000, max: 1_500_000 }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        fc.integer({ min: 40_000, max: 900_000 }),
        fc.integer({ min: 0, max: 800_000 }),
        fc.integer({ min: 0, max: 600_000 }),
      )
      .map(([p75, spread, base, equity, bonus]) => ({
        total: { p75, high: Math.round(p75 * spread) },
        base: { p75: Math.round(base * 0.85), high: base },
        bonus: { p75: Math.round(bonus * 0.7), high: bonus },
        equity: { high: equity % 3 === 0 ? 0 : equity },
      }));
    fc.assert(
      fc.property(terms, market, (t, m) => {
        const o = offer({
          base: t.base,
          bonus: t.bonusPct === 0 ? null : { kind: 'percent', value: t.bonusPct / 100 },
          equity: t.equity,
          vesting: preset(t.equity === 0 ? 'even' : t.vesting),
          signOn: t.signOn,
        });
        const c = counterOffer(o, m);
        const a = annualized(o);
        const offerTotal = a.base + a.bonus + a.equity;
        expect(c.offer).toBe(offerTotal);
        if (c.status === 'counter') {
          expect(c.target!).toBeGreaterThanOrEqual(offerTotal);
          expect(c.target!).toBeLessThanOrEqual(m.total.high);
          const b = annualized(c.terms);
          expect(b.base + b.bonus + b.equity).toBe(c.target);
          expect(c.base.to).toBeGreaterThanOrEqual(c.base.from);
          expect(c.equity.to).toBeGreaterThanOrEqual(c.equity.from);
          c.signOn.from.forEach((s, i) => expect(c.signOn.to[i] ?? 0).toBeGreaterThanOrEqual(s));
          expect(c.gains.firstYear).toBeGreaterThanOrEqual(0);
        } else {
          expect(c.target).toBeNull();
          // Above the data's P90: no target at all; otherwise in the upper half already (or a
          // gap smaller than the rounding of every ask).
          expect(c.status === 'above-ceiling').toBe(offerTotal > m.total.high);
        }
      }),
      { numRuns: 500 },
    );
  });
});
