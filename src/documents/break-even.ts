// Break-even side by side: the stock growth (a listed company's offer) or the price a share at an
// exit (a private one) at which offer B's pay over the first N years equals offer A's.
import { futureRounds, keptThrough, stageOutcomes, todayFactor } from '../model/equity.js';
import { offerYears, type OfferTerms } from '../model/offer.js';
import { sum, unitPrice, unitsByYear } from './equity.js';
import type { OfferDocument } from './offer.js';

export interface BreakEven {
  /** The offer whose stock is varied, and the one it must catch (as given). */
  of: string;
  against: string;
  horizon: number;
  /** A's pay over the horizon, and what it counts for A's stock. */
  target: number;
  basis: 'stock' | 'expected';
  kind: 'growth' | 'exit-price';
  /** `found`, or B is ahead whatever its stock does (`always`) or never catches up (`never`). */
  result: 'found' | 'always' | 'never';
  /** The yearly stock price change found (a fraction). */
  growth?: number;
  /** The price a share at an exit found, its multiple of the preferred price, and of the company. */
  price?: number;
  multiple?: number;
  companyMultiple?: number;
  /** B's pay over the horizon at the value found (whole-dollar years: within a dollar or two); `never` with no stock vesting: its pay. */
  reached?: number;
  /** With a stage, the exit is this many years away and its value discounted at `rate` a year. */
  discount?: { years: number; rate: number };
}

/** B's pay over `n` years at yearly stock growth `g` (its stock at the market price). */
function payAtGrowth(terms: OfferTerms, g: number, n: number): number {
  const years = offerYears({ ...terms, growth: g }).slice(0, n);
  return sum(years.map((y) => y.total));
}

/**
 * Where offer B (`b`, built from `bTerms`) catches offer A (`a`) over the first `horizon` years.
 * A counts as given: its stock at the market price, or for a private company risk-adjusted when
 * it has a stage, else on paper. A listed B: the yearly growth of its stock price, found by
 * bisection from -100% to +1000% (its pay rises with the growth). A private B: the price a
 * share at an exit, valuing what vests in the years at it (less the strike): linear, so solved
 * exactly, then stated to a millionth of a dollar; with a stage, in today's dollars as the
 * risk-adjusted figures are (discounted over the years to an exit), and also as the company's
 * value, a multiple of today's, through the rounds expected before an exit.
 */
export function breakEven(
  a: OfferDocument,
  b: OfferDocument,
  bTerms: OfferTerms,
  horizon: number,
): BreakEven {
  const expected = a.cumulative.expected;
  const basis = expected && a.equity?.private ? 'expected' : 'stock';
  const target = (basis === 'expected' ? expected! : a.cumulative.stock)[horizon - 1]!;
  const out: BreakEven = {
    of: b.label ?? 'offer 2',
    against: a.label ?? 'offer 1',
    horizon,
    target,
    basis,
    kind: bTerms.private ? 'exit-price' : 'growth',
    result: 'found',
  };
  return bTerms.private ? atExit(out, b, bTerms) : atGrowth(out, bTerms);
}

/** A listed B: the growth at which its pay reaches the target, by bisection from -100% to +1000%. */
function atGrowth(out: BreakEven, terms: OfferTerms): BreakEven {
  const { target, horizon } = out;
  const least = payAtGrowth(terms, -1, horizon);
  if (least >= target) return { ...out, result: 'always' };
  const most = payAtGrowth(terms, 10, horizon);
  // No stock vests in the years: growth moves nothing, and `reached` is its pay.
  if (most === least) return { ...out, result: 'never', reached: most };
  if (most < target) return { ...out, result: 'never' };
  let lo = -1;
  let hi = 10;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (payAtGrowth(terms, mid, horizon) >= target) hi = mid;
    else lo = mid;
  }
  const growth = Math.round(hi * 1e8) / 1e8;
  return { ...out, growth, reached: payAtGrowth(terms, growth, horizon) };
}

/** A private B: the price a share at an exit at which its pay reaches the target (linear). */
function atExit(out: BreakEven, b: OfferDocument, terms: OfferTerms): BreakEven {
  const { target, horizon } = out;
  const cash = b.cumulative.cash[horizon - 1]!;
  const units = unitsByYear(terms, b.years).slice(0, horizon);
  const total = sum(units);
  if (cash >= target) return { ...out, result: 'always' };
  if (total <= 0) return { ...out, result: 'never' };
  const strike = terms.options?.strike ?? 0;
  const stage = terms.stage ?? null;
  const when = stage !== null && stage !== 'public' ? stageOutcomes(stage) : null;
  const today = when ? todayFactor(when) : 1;
  const price = Math.ceil((strike + (target - cash) / (total * today)) * 1e6) / 1e6;
  const reached =
    cash + units.reduce((s, u) => s + Math.round(u * Math.max(0, price - strike) * today), 0);
  if (when) out.discount = { years: when.years, rate: when.rate };
  const preferred = terms.preferred ?? null;
  // A grant in dollars with no price a share: the value found is a multiple of its paper value.
  if (!terms.options && preferred === null)
    return { ...out, reached, multiple: Math.round(price * 10000) / 10000 };
  const result: BreakEven = { ...out, price, reached };
  if (preferred === null) return result;
  result.multiple = Math.round((price / unitPrice(terms)) * 10000) / 10000;
  if (stage !== null && stage !== 'public')
    result.companyMultiple =
      Math.round((result.multiple / keptThrough(futureRounds(stage))) * 100) / 100;
  return result;
}
