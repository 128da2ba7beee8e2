// The equity model against the hand-worked examples of docs/offers.md (worked by hand and in
// /work/stage-equity/handwork.py, independently of this code; the discount to today's dollars
// by hand and with a separate script, described in /work/notes/equity2.md).
import { describe, expect, it } from 'vitest';
import { amtOn } from '../../src/model/exercise.js';
import {
  distribution,
  expectedMultiple,
  futureRounds,
  keptThrough,
  multipleAt,
  stageOutcomes,
  todayFactor,
} from '../../src/model/equity.js';
import { offerYears, signOnOnLeaving, vestedBetween } from '../../src/model/offer.js';
import { resolveOffer } from '../../src/input/offer.js';
import { OFFER_FLAGS } from '../../src/cli/options.js';

/** The terms the flags give (as typed), resolved as the command resolves them. */
const terms = (flags: Record<string, string | boolean>) => resolveOffer(flags, OFFER_FLAGS);

const bigTech = {
  base: '185k',
  equity: '400k',
  vesting: 'amazon',
  signOn: '50k,30k',
  clawback: '12',
  leaveAt: '18',
};
const seed = {
  base: '160k',
  options: '40000',
  strike: '1.20',
  fmv: '1.20',
  preferred: '4.00',
  stage: 'seed',
};

describe('the seed-stage outcomes (Correlation Ventures, 2004-2013 financings)', () => {
  const o = stageOutcomes('seed');
  it('are 65% nothing, then 25/6/2.5/1/0.5% in the ranges above 1x', () => {
    expect(o.nothingBp).toBe(6500);
    expect(o.buckets.map((b) => b.bp)).toEqual([2500, 600, 250, 100, 50]);
  });
  it('average 1.9922x the preferred price; P50 is 0x and P90 5x', () => {
    expect(expectedMultiple(o)).toBeCloseTo(1.992224, 6);
    expect(multipleAt(o, 5000)).toBe(0);
    expect(multipleAt(o, 9000)).toBe(5);
  });
  it('are 10.5 years from an exit (5 x 2.1), discounted at 9.94% a year: a factor of 2.7048', () => {
    expect(o).toMatchObject({ years: 10.5, rate: 0.0994 });
    // 1.0994^10.5 = exp(10.5 x ln 1.0994) = exp(0.995034) = 2.704800
    expect(1 / todayFactor(o)).toBeCloseTo(2.7048, 4);
  });
  it('give 40,000 options at $1.20 with a $4.00 preferred price: EV $301,956 at the exit, $111,637 today', () => {
    const d = distribution(o, 40000, 4, 1.2);
    // $301,956 / 2.7048 = $111,637; P90 40,000 x (5 x $4.00 - $1.20) = $752,000 / 2.7048 = $278,024
    expect(d).toMatchObject({ nothing: 0.65, p50: 0, expected: 111637, good: 278024 });
    expect(d.expectedAtExit).toBe(301956);
    expect(d.fromTenfold).toBeCloseTo(0.4907, 4);
  });
  it('take 2.1 years for each round still to come and for the exit', () => {
    const years = (['seed', 'a', 'b', 'c', 'd', 'growth'] as const).map(
      (s) => stageOutcomes(s).years,
    );
    expect(years).toEqual([10.5, 8.4, 6.3, 4.2, 2.1, 2.1]);
  });
  it('Series B averages the early and late outcomes', () => {
    const b = stageOutcomes('b');
    expect(b.nothingBp).toBe(5100);
    expect(b.buckets.reduce((s, x) => s + x.bp, b.nothingBp)).toBe(10000);
  });
  it('a seed company keeps 52.26% through Series A to D (Carta 2023 medians)', () => {
    expect(futureRounds('seed').map((r) => r.round)).toEqual(['a', 'b', 'c', 'd']);
    expect(keptThrough(futureRounds('seed'))).toBeCloseTo(0.522553, 6);
  });
});

describe('vesting cadence and leaving early (hand-worked example A: Amazon, left at 18 months)', () => {
  const t = terms(bigTech);
  it('Amazon vests 5% at the 12-month cliff and the next 15% only at month 24', () => {
    expect(vestedBetween([5, 15, 40, 40], t.cadence!, 0, 18)).toBeCloseTo(0.05, 12);
    expect(vestedBetween([5, 15, 40, 40], t.cadence!, 0, 24)).toBeCloseTo(0.2, 12);
  });
  it('owes back half the year-2 sign-on (6 of 12 months served, prorated)', () => {
    expect(signOnOnLeaving([50000, 30000], 18, { months: 12, prorated: true })).toEqual([
      { year: 1, paid: 50000, owed: 0 },
      { year: 2, paid: 30000, owed: 15000 },
    ]);
    expect(signOnOnLeaving([50000, 30000], 18, { months: 12, prorated: false })[1]!.owed).toBe(
      30000,
    );
  });
  it('keeps $362,500: base $277,500 + stock $20,000 + sign-on $80,000 - $15,000', () => {
    expect(offerYears(t)).toEqual([
      { year: 1, base: 185000, bonus: 0, equity: 20000, signOn: 50000, total: 255000 },
      {
        year: 2,
        months: 6,
        base: 92500,
        bonus: 0,
        equity: 0,
        signOn: 30000,
        clawback: -15000,
        total: 107500,
      },
    ]);
  });
});

describe('hand-worked example B: seed options left at 18 months', () => {
  const t = terms({ ...seed, leaveAt: '18' });
  it('vests 15,000 options (10,000 at the cliff, 833.33 a month after) and forfeits 25,000', () => {
    expect(t.cadence).toEqual({ cliffMonths: 12, vestsPerYear: [12, 12, 12, 12] });
    const years = offerYears(t);
    expect(years.map((y) => [y.base, y.equity, y.total])).toEqual([
      [160000, 28000, 188000],
      [80000, 14000, 94000],
    ]);
  });
});

describe('AMT on an ISO exercise (2026, single)', () => {
  it('at $160,000 of wages leaves $34,461 of spread free of AMT', () => {
    expect(amtOn(160000, 0, 27134, 'single')).toMatchObject({ amt: 0, room: 34461 });
  });
  it('a $37,602 spread triggers $817', () => {
    expect(amtOn(160000, 37602, 27134, 'single').amt).toBe(817);
  });
  it('phases the exemption out at 50 cents a dollar from $500,000', () => {
    const a = amtOn(600000, 0, 0, 'single');
    expect(a.exemption).toBe(90100 - 50000);
  });
});
