// The document of `ml-salary offer` (schemas/offer.schema.json): an offer year by year, beside the
// market estimate for its profile, with where each part sits. Built once; every renderer and
// --json read it, and nothing else.
import { dataOf, SCHEMA_VERSION, type DataIn, type Head } from './estimate.js';
import {
  annualized,
  firstYear,
  offerYears,
  targetBonus,
  type Annualized,
  type OfferTerms,
  type OfferYear,
} from '../model/offer.js';
import { offerPosition, type OfferPosition } from '../model/offer-position.js';
import { breakEven, type BreakEven } from './break-even.js';
import {
  cashOf,
  cumulativeOf,
  equityView,
  leaveView,
  type Cumulative,
  type EquityView,
  type LeaveView,
} from './equity.js';
import type { TakeHomeView } from '../model/take-home.js';
import type { BenefitsView } from './benefits.js';
import type { CounterView } from './counter.js';
import type {
  Estimate,
  Level,
  Profile,
  ProfileField,
  ProfileLabels,
  Range,
} from '../model/types.js';

/** The offer as the document states it: the terms, with the bonus also in dollars. */
export interface OfferStated {
  base: number;
  bonus: { kind: 'percent' | 'amount'; value: number; amount: number } | null;
  equity: number;
  vesting: { id: string; percents: number[] };
  signOn: number[];
  refresh: number;
  growth: number;
  private: boolean;
  options?: { count: number; strike: number; fmv: number; type: 'iso' | 'nso' };
  preferred?: number;
  stage?: string;
  cliffMonths?: number;
  vestsPerYear?: number[];
  leaveAt?: number;
  clawback?: { months: number; prorated: boolean };
  exerciseWindow?: number;
  exitPrice?: number;
}

export interface OfferYearRow extends OfferYear {
  /** Cash paid that year: base + bonus + sign-on (less any paid back). */
  cash: number;
  /** With --take-home: what this year's pay comes to after tax. */
  takeHome?: TakeHomeView;
}

export interface OfferDocument extends Head<'offer'> {
  label?: string;
  profile: Profile;
  labels: ProfileLabels;
  level: Level;
  offer: OfferStated;
  years: OfferYearRow[];
  firstYear: number;
  annualized: Annualized;
  /** The market estimate for the profile (the `--json` estimate's ranges). */
  market: { base: Range; bonus: Range; equity: Range; total: Range; paper?: Range };
  /** Where each part sits in the market's range (total: sign-on excluded, as the market's). */
  position: OfferPosition;
  /** The percentile each key of the market's ranges stands for. */
  percentiles: { low: 10; p25: 25; mid: 50; p75: 75; high: 90 };
  /** The stock: options, a private company's odds, on its basis (absent: no stock). */
  equity?: EquityView;
  /** With --leave-at: what is kept. */
  leave?: LeaveView;
  /** Running totals: cash, cash + stock on its basis, risk-adjusted, at an exit price. */
  cumulative: Cumulative;
  /** A 401(k) match and an ESPP, a value a year apart from the totals (absent: none given). */
  benefits?: BenefitsView;
  /** With --counter: what to ask for, and why (documents/counter.ts). */
  counter?: CounterView;
  /**
   * What to know to read the figures: a startup's grant counted as listed, a city's factor that
   * is an estimate.
   */
  notes?: string[];
}

/** The equity terms as stated (only those given or in force). */
function statedEquity(terms: OfferTerms): Partial<OfferStated> {
  const out: Partial<OfferStated> = {};
  const o = terms.options;
  if (o) out.options = { count: o.count, strike: o.strike, fmv: o.fmv, type: o.type };
  if (terms.preferred != null) out.preferred = terms.preferred;
  if (terms.stage != null) out.stage = terms.stage;
  if ((o || terms.equity > 0) && terms.cadence) {
    out.cliffMonths = terms.cadence.cliffMonths;
    out.vestsPerYear = [...terms.cadence.vestsPerYear];
  }
  if (terms.leaveAt != null) out.leaveAt = terms.leaveAt;
  if (terms.clawback) out.clawback = { ...terms.clawback };
  if (terms.exerciseWindow !== undefined) out.exerciseWindow = terms.exerciseWindow;
  if (terms.exitPrice != null) out.exitPrice = terms.exitPrice;
  return out;
}

/** Build the document of one offer against the estimate for its profile (`label` after
 * `dataVersion`: key order is what a reader sees first). */
export function toOfferDocument(
  terms: OfferTerms,
  estimate: Estimate,
  defaulted: readonly ProfileField[],
  data: DataIn,
  label?: string,
  notes: readonly string[] = [],
): OfferDocument {
  const { base, bonus, equity: stock, total, paper } = estimate;
  const market = { base, bonus, equity: stock, total, ...(paper ? { paper } : {}) };
  const years = offerYears(terms);
  const rows = years.map((y) => ({ ...y, cash: cashOf(y) }));
  const equity = equityView(terms, years);
  const doc: OfferDocument = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'offer',
    currency: 'USD',
    period: 'year',
    ...dataOf(data),
    ...(label === undefined ? {} : { label }),
    profile: estimate.profile,
    labels: estimate.labels,
    defaulted: [...defaulted],
    level: estimate.level,
    offer: {
      base: terms.base,
      bonus: terms.bonus && { ...terms.bonus, amount: targetBonus(terms) },
      equity: terms.equity,
      vesting: { id: terms.vesting.id, percents: [...terms.vesting.percents] },
      signOn: [...terms.signOn],
      refresh: terms.refresh,
      growth: terms.growth,
      private: terms.private,
      ...statedEquity(terms),
    },
    years: rows,
    firstYear: firstYear(terms),
    annualized: annualized(terms),
    market,
    position: offerPosition(terms, market),
    percentiles: { low: 10, p25: 25, mid: 50, p75: 75, high: 90 },
    cumulative: cumulativeOf(years, equity),
  };
  if (equity) doc.equity = equity;
  if (notes.length > 0) doc.notes = [...notes];
  const leave = leaveView(terms, years, equity);
  if (leave) doc.leave = leave;
  return doc;
}

/** Several offers side by side, each year's total against the first offer's. */
export interface OffersDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  kind: 'offers';
  offers: OfferDocument[];
  /**
   * Each offer against the first: dollars more (negative: less), year by year for the years both
   * offers have (a year either lacks has no difference, so it is left out, never counted as $0).
   */
  difference: {
    label: string;
    firstYear: number;
    annualized: number;
    /** `total` counts stock on its basis (a private company's on paper); `cash` leaves it out. */
    years: { year: number; total: number; cash: number }[];
  }[];
  /** With --break-even: where each offer after the first catches it. */
  breakEven?: BreakEven[];
}

/**
 * Several offers side by side; with `breakEven` (the terms of each offer and a horizon in
 * years), where each one after the first catches the first.
 */
export function toOffersDocument(
  offers: OfferDocument[],
  breakEvenOf?: { terms: readonly OfferTerms[]; horizon: number },
): OffersDocument {
  const first = offers[0]!;
  const doc: OffersDocument = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'offers',
    offers,
    difference: offers.map((o, i) => ({
      label: o.label ?? `offer ${i + 1}`,
      firstYear: o.firstYear - first.firstYear,
      annualized: o.annualized.total - first.annualized.total,
      years: o.years.flatMap((y) => {
        const f = first.years.find((r) => r.year === y.year);
        return f ? [{ year: y.year, total: y.total - f.total, cash: y.cash - f.cash }] : [];
      }),
    })),
  };
  if (breakEvenOf) {
    doc.breakEven = offers
      .slice(1)
      .map((b, i) => breakEven(first, b, breakEvenOf.terms[i + 1]!, breakEvenOf.horizon));
  }
  return doc;
}
