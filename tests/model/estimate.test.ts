import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate, levelFor, nationalBase, stackSkillPremiums } from '../../src/model/estimate.js';
import { InputError } from '../../src/errors.js';
import { market } from '../../src/model/market.js';
import type { Estimate, Profile, Range } from '../../src/model/types.js';

const cities = market.locations.map((l) => l.id);
const industries = market.industries.map((i) => i.id);
const skillIds = market.skills.list.map((s) => s.id);
const degreesByRank = [...market.degrees.list].sort((a, b) => a.rank - b.rank).map((d) => d.id);
const COMPONENTS = ['base', 'bonus', 'equity', 'total'] as const;
const ENDS = ['low', 'mid', 'high'] as const;

const profileArb: fc.Arbitrary<Profile> = fc.record({
  years: fc.double({ min: 0, max: 50, noNaN: true }),
  city: fc.constantFrom(...cities),
  industry: fc.constantFrom(...industries),
  skills: fc.uniqueArray(fc.constantFrom(...skillIds), { maxLength: skillIds.length }),
  degree: fc.constantFrom(...degreesByRank),
});

const figures = (e: Estimate): number[] => COMPONENTS.flatMap((c) => ENDS.map((k) => e[c][k]));

function expectNoLower(before: Estimate, after: Estimate): void {
  for (const c of COMPONENTS)
    for (const k of ENDS) expect(after[c][k]).toBeGreaterThanOrEqual(before[c][k]);
}

const at = (p: Partial<Profile> & { years: number }): Estimate =>
  estimate({ city: 'us', industry: 'enterprise', skills: [], degree: 'bachelors', ...p }, market);

const inside = (r: Range, x: number): boolean => r.low <= x && x <= r.high;

describe("001's worked examples land inside the ranges", () => {
  // Marcus: "a senior ML engineer at Google ... $280,000 base ... total compensation of $440,000",
  // "in competitive markets like Silicon Valley". His years are not given: every year of the
  // senior level (6.5 to under 11 years, between 000's 6-10 and 001's 7-12) must hold him.
  it.each([6.5, 7, 8, 9, 10, 10.99])(
    'Marcus: senior at Google in the Bay Area, %s years',
    (years) => {
      const e = at({ years, city: 'sf', industry: 'big-tech' });
      expect(e.level).toBe('senior');
      expect(inside(e.base, 280_000)).toBe(true);
      expect(inside(e.total, 440_000)).toBe(true);
    },
  );

  it('Marcus at 8 years: typical figures near his package', () => {
    const e = at({ years: 8, city: 'sf', industry: 'big-tech' });
    expect(Math.abs(e.base.mid - 280_000) / 280_000).toBeLessThan(0.1);
    expect(Math.abs(e.total.mid - 440_000) / 440_000).toBeLessThan(0.1);
  });

  // "$280,000 base salary with additional stock grants worth $120,000 annually and performance
  // bonuses averaging $40,000": each part inside its own range, at every senior year.
  it.each([6.5, 8, 9.5, 10.99])(
    "Marcus's base, bonus and stock each inside their ranges, %s years",
    (years) => {
      const e = at({ years, city: 'sf', industry: 'big-tech' });
      expect(inside(e.base, 280_000)).toBe(true);
      expect(inside(e.bonus, 40_000)).toBe(true);
      expect(inside(e.equity, 120_000)).toBe(true);
    },
  );

  // Sarah: "a recent computer science graduate ... first ML engineer role at a mid-sized fintech
  // company in Austin. Her base salary was $105,000".
  // "... $8,000 in annual equity grants".
  it.each([0, 0.5, 1])("Sarah: first role at an Austin fintech, %s years, bachelor's", (years) => {
    const e = estimate(
      { years, city: 'austin', industry: 'fintech', skills: [], degree: 'bachelors' },
      market,
    );
    expect(e.level).toBe('entry');
    expect(inside(e.base, 105_000)).toBe(true);
    expect(inside(e.equity, 8_000)).toBe(true);
  });
});

describe('the pay mix follows what the guides say (issue 12)', () => {
  const share = (part: number, of: number): number => part / of;

  it('an entry engineer at big tech in SF gets equity that is a real share of the total, as the guides allow', () => {
    const e = at({ years: 1, city: 'sf', industry: 'big-tech' });
    // 001: entry-level positions "include equity (even if it's small)": real, and small.
    expect(share(e.equity.mid, e.total.mid)).toBeGreaterThan(0.05);
    expect(share(e.equity.mid, e.total.mid)).toBeLessThan(0.2);
    // 001: "your full paycheck often bumps that up by 20-40%" over the base.
    expect(share(e.bonus.mid + e.equity.mid, e.base.mid)).toBeGreaterThanOrEqual(0.2);
    expect(share(e.bonus.mid + e.equity.mid, e.base.mid)).toBeLessThanOrEqual(0.4);
    expect(e.equity.low).toBeGreaterThan(0);
  });

  it('at senior level, stock and bonus are 30-50% of the typical total at big tech and AI startups', () => {
    for (const industry of ['big-tech', 'ai-startup']) {
      for (const years of [8, 9.5, 12, 20]) {
        const e = at({ years, city: 'sf', industry });
        const s = share(e.bonus.mid + e.equity.mid, e.total.mid);
        expect(s, `${industry} ${years}`).toBeGreaterThanOrEqual(0.3);
        expect(s, `${industry} ${years}`).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it('big tech pays at or above an enterprise employer at every level, end and city', () => {
    for (const city of cities) {
      for (let years = 0; years <= 20; years += 0.5) {
        const tech = at({ years, city, industry: 'big-tech' });
        const enterprise = at({ years, city, industry: 'enterprise' });
        for (const c of COMPONENTS) {
          for (const k of ENDS) {
            expect(tech[c][k], `${city} ${years} ${c}.${k}`).toBeGreaterThanOrEqual(
              enterprise[c][k],
            );
          }
        }
      }
    }
  });

  it('bonuses stay within 10-25% of base, except in quantitative finance', () => {
    for (const industry of industries.filter((i) => i !== 'finance')) {
      for (const years of [0, 3, 8, 15]) {
        const e = at({ years, industry });
        for (const k of ENDS) {
          expect(share(e.bonus[k], e.base[k])).toBeGreaterThanOrEqual(0.1 - 1e-4);
          expect(share(e.bonus[k], e.base[k])).toBeLessThanOrEqual(0.25 + 1e-4);
        }
      }
    }
  });

  it("a first-job fintech engineer does not get a hedge fund's bonus", () => {
    const sarah = at({ years: 0, city: 'austin', industry: 'fintech' });
    const quant = at({ years: 0, city: 'austin', industry: 'finance' });
    expect(sarah.bonus.high).toBeLessThanOrEqual(Math.round(sarah.base.high * 0.25));
    expect(sarah.bonus.mid).toBeLessThan(quant.bonus.mid);
    // Even in quantitative finance the bonus grows with the level: a first job's high is well
    // below its base, a senior's reaches it.
    expect(quant.bonus.high).toBeLessThan(quant.base.high * 0.5);
    const senior = at({ years: 8, industry: 'finance' });
    expect(senior.bonus.high).toBeGreaterThanOrEqual(senior.base.high);
  });

  it('AI-startup equity is paper: $0 at the low end, the round price at typical and high', () => {
    const e = at({ years: 15, city: 'remote', industry: 'ai-startup', skills: ['nlp-llm'] });
    expect(e.paper).toBeDefined();
    expect(e.equity.low).toBe(0);
    expect(e.paper!.low).toBeGreaterThan(0);
    expect(e.equity.mid).toBe(e.paper!.mid);
    expect(e.equity.high).toBe(e.paper!.high);
    const label = e.factors.find((f) => f.id === 'equity')!.label;
    expect(label).toMatch(/^Equity \(paper\)/);
    expect(label).toMatch(/\$0 at the low end: private stock may never be sold/);
    expect(e.factors.find((f) => f.id === 'equity')!.sources).toContain('carta');
    // A public employer's equity is not paper.
    expect(at({ years: 15, industry: 'big-tech' }).paper).toBeUndefined();
  });

  it("shows what the open data says for the profile's level, with its postings and year", () => {
    expect(at({ years: 1 }).openData).toMatchObject({
      source: 'aijobs',
      level: 'EN',
      period: '2022-2025',
      postings: { count: 213, median: 148_800, p25: 123_120, p75: 187_625 },
      latest: { year: 2025, count: 56, median: 153_000 },
    });
    expect(at({ years: 4 }).openData.level).toBe('MI');
    expect(at({ years: 8 }).openData.level).toBe('SE');
    const staff = at({ years: 15 }).openData;
    expect(staff.level).toBe('SE');
    expect(staff.note).toMatch(
      /^no staff level in the data: senior-level \/ expert shown; executive-level \/ director: median \$220K \(59 postings\)$/,
    );
    expect(at({ years: 8 }).sources.map((s) => s.id)).toContain('aijobs');
  });

  it("the total's range is its own: inside the sums of the parts' ends, and their sum at the typical end", () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const e = estimate(p, market);
        expect(e.total.mid).toBe(e.base.mid + e.bonus.mid + e.equity.mid);
        expect(e.total.low).toBeGreaterThanOrEqual(e.base.low + e.bonus.low + e.equity.low);
        expect(e.total.high).toBeLessThanOrEqual(e.base.high + e.bonus.high + e.equity.high);
      }),
      { numRuns: 300 },
    );
  });
});

describe('table: figures for known profiles', () => {
  it('a typical national entry profile: the mean of the open data and the guides, with the data spread', () => {
    const e = at({ years: 1 });
    // Typical: (the data's EN median $148,800 + the guides' $119,515) / 2; low and high: the
    // data's P10 and P90 around it (data/market.json experience.national).
    expect(e.base).toEqual({ low: 91_792, mid: 134_158, high: 200_303 });
    // Both guides' entry bands lie inside that range: 001's $95-130K, 000's $130-180K deflated
    // by its 1.225 hub premium ($106-147K).
    expect(e.base.low).toBeLessThanOrEqual(95_000);
    expect(e.base.high).toBeGreaterThanOrEqual(Math.round(180_000 / 1.225));
  });

  it('levels follow the split boundaries', () => {
    expect([0, 2.9, 3, 6.4, 6.5, 10.9, 11, 50].map((y) => levelFor(market, y))).toEqual([
      'entry',
      'entry',
      'mid',
      'mid',
      'senior',
      'senior',
      'staff',
      'staff',
    ]);
  });

  it('the Bay Area pays more than the national band, Austin less', () => {
    const us = at({ years: 5 });
    expect(at({ years: 5, city: 'sf' }).base.mid).toBeGreaterThan(us.base.mid);
    expect(at({ years: 5, city: 'austin' }).base.mid).toBeLessThan(us.base.mid);
  });

  it('industries rank as the guides rank them', () => {
    const total = (industry: string) => at({ years: 8, industry }).total.mid;
    // 000: quant finance and autonomous driving above marketing analytics; FAANG and AI startups at the top.
    expect(total('finance')).toBeGreaterThan(total('marketing-analytics'));
    expect(total('autonomous-driving')).toBeGreaterThan(total('marketing-analytics'));
    expect(total('big-tech')).toBeGreaterThan(total('enterprise'));
    expect(total('ai-startup')).toBeGreaterThan(total('enterprise'));
    // 001: finance pays through bonuses, startups through equity, Google is heavy on base.
    const fin = at({ years: 8, industry: 'finance' });
    const startup = at({ years: 8, industry: 'ai-startup' });
    const google = at({ years: 8, industry: 'big-tech' });
    expect(fin.bonus.mid).toBeGreaterThan(google.bonus.mid);
    expect(startup.equity.mid).toBeGreaterThan(google.equity.mid);
    expect(google.base.mid).toBeGreaterThan(startup.base.mid);
  });

  it("a master's adds its full $17,500 early and a quarter of it after 7 years", () => {
    const gain = (years: number) =>
      at({ years, degree: 'masters' }).base.mid - at({ years }).base.mid;
    expect(gain(1)).toBe(17_500);
    expect(gain(10)).toBe(Math.round(17_500 * 0.25));
  });

  it('one skill adds its full premium to base; a second adds half of its own', () => {
    const plain = at({ years: 5 }).base.mid;
    expect(at({ years: 5, skills: ['nlp-llm'] }).base.mid - plain).toBe(40_000);
    expect(at({ years: 5, skills: ['nlp-llm', 'mlops'] }).base.mid - plain).toBe(40_000 + 15_000);
  });

  it('five skills are worth less than the sum of their premiums', () => {
    const five = ['mlops', 'cloud', 'deep-learning', 'computer-vision', 'nlp-llm'];
    const sum = five.reduce(
      (s, id) => s + market.skills.list.find((x) => x.id === id)!.premium.mid,
      0,
    );
    const plain = at({ years: 5 }).base.mid;
    const stacked = at({ years: 5, skills: five }).base.mid - plain;
    expect(stacked).toBeLessThan(sum);
    expect(stacked).toBeGreaterThan(40_000); // more than the largest alone
    const skills = market.skills.list.filter((s) => five.includes(s.id));
    expect(stackSkillPremiums(skills, 0.5).mid).toBeCloseTo(
      40_000 + 17_500 + 7_500 + 2_812.5 + 937.5,
      6,
    );
  });

  it('factors add up to the typical total and name their sources', () => {
    const e = at({
      years: 6,
      city: 'sf',
      industry: 'big-tech',
      skills: ['mlops', 'nlp-llm'],
      degree: 'masters',
    });
    expect(e.factors.reduce((s, f) => s + f.effect, 0)).toBe(e.total.mid);
    expect(e.factors.map((f) => f.id)).toEqual([
      'experience',
      'city:sf',
      'industry:big-tech',
      'skill:nlp-llm',
      'skill:mlops',
      'degree:masters',
      'bonus',
      'equity',
    ]);
    const known = new Set(market.sources.map((s) => s.id));
    for (const f of e.factors) {
      expect(f.sources.length).toBeGreaterThan(0);
      for (const s of f.sources) expect(known.has(s)).toBe(true);
    }
    expect(e.sources.map((s) => s.file)).toEqual(
      expect.arrayContaining(['000_9709492edcb84f3d.txt', '001_7d385067ae85ddac.txt']),
    );
  });

  // [001] (national) then [000] (hubs), as each states its band; an open-ended band ("$300,000+")
  // is a floor with no high, not the model's top.
  it.each([
    [
      6,
      { level: 'mid', years: '3-7', base: [140_000, 200_000], total: [180_000, 280_000] },
      { level: 'senior', years: '6-10', base: [260_000, 350_000] },
    ],
    [
      14,
      { level: 'staff', years: '12+', base: [300_000, null], total: [500_000, null] },
      { level: 'staff', years: '10+', base: [350_000, 450_000] },
    ],
  ])('shows what each guide says for %s years, unadjusted', (years, article, guide2026) => {
    const [a, g] = at({ years }).guides;
    expect(a).toEqual({
      source: 'article',
      file: '001_7d385067ae85ddac.txt',
      basis: 'national',
      ...article,
    });
    expect(g).toEqual({
      source: 'guide2026',
      file: '000_9709492edcb84f3d.txt',
      basis: 'hub',
      ...guide2026,
    });
  });

  it('rejects what it cannot price, naming the field', () => {
    for (const [p, field] of [
      [{ years: -1 }, 'years'],
      [{ years: 51 }, 'years'],
      [{ years: Number.NaN }, 'years'],
      [{ years: Infinity }, 'years'],
      [{ years: 3, city: 'atlantis' }, 'city'],
      [{ years: 3, industry: 'x' }, 'industry'],
      [{ years: 3, skills: ['juggling'] }, 'skills'],
      // What a plain-JavaScript caller might pass: a name instead of a list, or nothing.
      [{ years: 3, skills: 'mlops' }, 'skills'],
      [{ years: 3, skills: undefined }, 'skills'],
      [{ years: 3, degree: 'x' }, 'degree'],
    ] as const) {
      expect(() => at(p as unknown as Profile)).toThrow(InputError);
      try {
        at(p as unknown as Profile);
      } catch (e) {
        expect((e as InputError).field).toBe(field);
      }
    }
  });
});

describe('properties', () => {
  it('every figure is a finite whole number >= 0, low <= mid <= high, and mids add up', () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const e = estimate(p, market);
        for (const v of figures(e)) {
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        for (const c of COMPONENTS) {
          expect(e[c].low).toBeLessThanOrEqual(e[c].mid);
          expect(e[c].mid).toBeLessThanOrEqual(e[c].high);
        }
        expect(e.total.mid).toBe(e.base.mid + e.bonus.mid + e.equity.mid);
        expect(e.factors.reduce((s, f) => s + f.effect, 0)).toBe(e.total.mid);
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic and does not touch its inputs', () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const before = JSON.stringify({ p, market });
        const a = estimate(p, market);
        const b = estimate(structuredClone(p), structuredClone(market));
        expect(b).toEqual(a);
        expect(JSON.stringify({ p, market })).toBe(before);
      }),
      { numRuns: 200 },
    );
  });

  it('more years never lowers any figure', () => {
    fc.assert(
      fc.property(profileArb, fc.double({ min: 0, max: 50, noNaN: true }), (p, other) => {
        const [lo, hi] = p.years <= other ? [p.years, other] : [other, p.years];
        expectNoLower(estimate({ ...p, years: lo }, market), estimate({ ...p, years: hi }, market));
      }),
      { numRuns: 2000 },
    );
  });

  it('is continuous in years: no jump at any band edge', () => {
    const edges = [0, 1, 2, 3, 4, 5, 6, 6.5, 7, 8, 9.5, 10, 11, 12, 14, 50];
    fc.assert(
      fc.property(profileArb, fc.constantFrom(...edges), (p, edge) => {
        const eps = 1e-6;
        const a = estimate({ ...p, years: Math.max(0, edge - eps) }, market);
        const b = estimate({ ...p, years: Math.min(50, edge + eps) }, market);
        // Rounding to whole dollars can move each of the three summed parts by $1.
        figures(a).forEach((v, i) => expect(Math.abs(figures(b)[i]! - v)).toBeLessThanOrEqual(3));
      }),
      { numRuns: 1000 },
    );
  });

  it('steps of one month move the estimate by at most a few percent (no cliffs)', () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const y = Math.min(p.years, 50 - 1 / 12);
        const a = estimate({ ...p, years: y }, market);
        const b = estimate({ ...p, years: y + 1 / 12 }, market);
        expect(b.total.mid / a.total.mid).toBeLessThan(1.04);
      }),
      { numRuns: 1000 },
    );
  });

  it('adding a skill never lowers any figure', () => {
    fc.assert(
      fc.property(profileArb, fc.constantFrom(...skillIds), (p, extra) => {
        fc.pre(!p.skills.includes(extra));
        expectNoLower(
          estimate(p, market),
          estimate({ ...p, skills: [...p.skills, extra] }, market),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('a higher degree never lowers any figure', () => {
    fc.assert(
      fc.property(profileArb, fc.integer({ min: 0, max: degreesByRank.length - 2 }), (p, i) => {
        const lower = estimate({ ...p, degree: degreesByRank[i]! }, market);
        const higher = estimate({ ...p, degree: degreesByRank[i + 1]! }, market);
        expectNoLower(lower, higher);
      }),
      { numRuns: 2000 },
    );
  });

  it('skill order and duplicates do not matter', () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const shuffled = [...p.skills].reverse();
        const a = estimate(p, market);
        const b = estimate({ ...p, skills: [...shuffled, ...shuffled] }, market);
        expect(figures(b)).toEqual(figures(a));
      }),
      { numRuns: 500 },
    );
  });

  it('stacked premiums are at most 1/(1-d) times the largest single premium', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...market.skills.list), { minLength: 1 }),
        (skills) => {
          const stacked = stackSkillPremiums(skills, market.skills.diminishingFactor);
          const largest = Math.max(...skills.map((s) => s.premium.high));
          expect(stacked.high).toBeLessThanOrEqual(largest / (1 - market.skills.diminishingFactor));
          const sum = skills.reduce((s, x) => s + x.premium.mid, 0);
          if (skills.length > 1) expect(stacked.mid).toBeLessThan(sum);
        },
      ),
    );
  });

  it('the national band is non-decreasing and ordered at every year', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (a, b) => {
          const [x, y] = a <= b ? [a, b] : [b, a];
          const rx = nationalBase(market, x);
          const ry = nationalBase(market, y);
          for (const k of ENDS) expect(ry[k]).toBeGreaterThanOrEqual(rx[k]);
          expect(rx.low).toBeLessThanOrEqual(rx.mid);
          expect(rx.mid).toBeLessThanOrEqual(rx.high);
        },
      ),
    );
  });
});
