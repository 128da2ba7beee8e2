// The equity parts of an offer's document: options year by year, a private company's odds at an
// exit (paper, risk-adjusted, a price at exit), what leaving early keeps, and the running totals
// that keep cash apart from stock. Built from the terms; renderers read only the document.
import {
  distribution,
  EQUITY_DATA,
  expectedMultiple,
  expectedValue,
  futureRounds,
  keptThrough,
  multipleAt,
  stageLabel,
  stageOutcomes,
  todayFactor,
  type Distribution,
  type Stage,
} from '../model/equity.js';
import { grantValue, type OfferTerms, type OfferYear } from '../model/offer.js';
import { optionYears, type OptionType, type OptionYear } from '../model/options.js';
import { optionsVestedBy, signOnOnLeaving, vestedBetween, YEARLY } from '../model/vesting.js';
import type { Tax } from '../model/exercise.js';

/** The stage's odds, as the document states them (figures from data/startup.json). */
export interface Odds extends Distribution {
  stage: Stage;
  stageLabel: string;
  /** The per-share multiples of the preferred price behind p50, expected and good. */
  multiples: { p50: number; expected: number; good: number };
  source: string;
  year: number;
  /** The rounds taken to come before an exit, with Carta's median dilution each. */
  futureRounds: { round: string; dilution: number }[];
  /** The share of the company a holding keeps through them. */
  kept: number;
  /** Carta's median years between priced rounds. */
  roundGapYears: number;
  /** The exit figures are in today's dollars: divided by (1 + rate)^years. */
  discount: { years: number; rate: number; source: string; year: number };
}

export interface OptionYearRow extends OptionYear {
  /** The tax on exercising that year's options at the year's FMV (set by the command). */
  tax?: Tax;
}

/** A document's equity: what kind, how the years count it, and what it may be worth. */
export interface EquityView {
  kind: 'rsu' | 'options';
  private: boolean;
  /** What the years' stock column counts: the market price (listed) or paper (private). */
  basis: 'market' | 'paper';
  stage: Stage | null;
  preferred: number | null;
  /** The whole initial grant on paper (options: their spread at the preferred price, or FMV). */
  paper: number;
  options?: {
    count: number;
    strike: number;
    fmv: number;
    type: OptionType;
    exerciseCost: number;
    years: OptionYearRow[];
  };
  /** With a stage: the whole grant's odds at an exit. */
  odds?: Odds;
  /** With a stage: each year's vest at its expected value (risk-adjusted). */
  expectedByYear?: number[];
  /** With an exit price: each year's vest valued at it (in today's dollars as the odds are, with them). */
  atExit?: { price: number; byYear: number[] };
}

/** What leaving early keeps. */
export interface LeaveView {
  months: number;
  cliffMonths: number;
  /** The share of the initial grant vested by then (0 before the cliff). */
  vestedShare: number;
  /** Options vested and forfeited (options), or the grant's dollars on paper (stock). */
  vested: number;
  forfeited: number;
  signOn: { year: number; paid: number; owed: number }[];
  owed: number;
  /** Totals kept by then: cash, and stock on its basis (and risk-adjusted, with a stage). */
  kept: { cash: number; stock: number; expected?: number };
  exercise?: {
    windowMonths: number;
    options: number;
    cost: number;
    fmv: number;
    spread: number;
    type: OptionType;
    tax?: Tax;
    /** The expected value at exit of the shares bought (with a stage). */
    expected?: number;
  };
}

/** Running totals year by year: cash, cash + stock on its basis, and risk-adjusted or at exit. */
export interface Cumulative {
  cash: number[];
  stock: number[];
  expected?: number[];
  atExit?: number[];
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** The stage's odds for a grant of `units` at `price` with `strike` (0 for stock). */
function oddsOf(stage: Stage, units: number, price: number, strike: number): Odds | undefined {
  if (stage === 'public') return undefined;
  const o = stageOutcomes(stage);
  const spec = EQUITY_DATA.stages[stage].outcomes;
  const set = EQUITY_DATA.outcomes[typeof spec === 'string' ? (spec as 'early') : 'late'];
  const rounds = futureRounds(stage);
  return {
    stage,
    stageLabel: stageLabel(stage),
    ...distribution(o, units, price, strike),
    multiples: {
      p50: round4(multipleAt(o, 5000)),
      expected: round4(expectedMultiple(o)),
      good: round4(multipleAt(o, 9000)),
    },
    source: typeof spec === 'string' ? set.source : `${EQUITY_DATA.stagesNote}`,
    year: set.year,
    futureRounds: rounds,
    kept: round4(keptThrough(rounds)),
    roundGapYears: EQUITY_DATA.roundGap.years,
    discount: {
      years: o.years,
      rate: o.rate,
      source: EQUITY_DATA.exit.source,
      year: EQUITY_DATA.exit.year,
    },
  };
}

/** The price a share the odds and an exit price are of: the preferred price, else the FMV, else $1 (a dollar grant). */
export function unitPrice(terms: OfferTerms): number {
  return terms.preferred ?? terms.options?.fmv ?? 1;
}

/**
 * What vests each year, in the units the odds and an exit price are of: options; shares at the
 * preferred price; or the grant's dollars (price $1) when no price a share is known. Ungrown:
 * the odds are of today's price. Refreshers (stock only) vest with no cliff.
 */
export function unitsByYear(terms: OfferTerms, years: readonly OfferYear[]): number[] {
  const o = terms.options ?? null;
  const percents = terms.vesting.percents;
  const cadence = terms.cadence ?? YEARLY;
  if (o) {
    const rows = optionYears(o, null, percents, cadence, 0, percents.length, terms.leaveAt ?? null);
    return rows.map((r) => r.vested);
  }
  const price = unitPrice(terms);
  const noCliff = { cliffMonths: 0, vestsPerYear: cadence.vestsPerYear };
  return years.map((y) => {
    const from = 12 * (y.year - 1);
    const to = y.months === undefined ? 12 * y.year : from + y.months;
    let u = terms.equity * vestedBetween(percents, cadence, from, to);
    for (let k = 1; k < y.year; k++)
      u += terms.refresh * vestedBetween(percents, noCliff, from, to, 12 * k);
    return u / price;
  });
}

/** The equity parts of the document, or undefined for an offer without stock. */
export function equityView(terms: OfferTerms, years: readonly OfferYear[]): EquityView | undefined {
  const o = terms.options ?? null;
  if (!o && terms.equity === 0) return undefined;
  const stage = terms.stage ?? null;
  const preferred = terms.preferred ?? null;
  const percents = terms.vesting.percents;
  const cadence = terms.cadence ?? YEARLY;
  const leave = terms.leaveAt ?? null;
  const view: EquityView = {
    kind: o ? 'options' : 'rsu',
    private: terms.private,
    basis: terms.private ? 'paper' : 'market',
    stage,
    preferred,
    paper: grantValue(terms),
  };
  const price = unitPrice(terms);
  if (o) {
    const rows = optionYears(o, preferred, percents, cadence, terms.growth, percents.length, leave);
    view.options = {
      count: o.count,
      strike: o.strike,
      fmv: o.fmv,
      type: o.type,
      exerciseCost: Math.round(o.count * o.strike),
      years: rows,
    };
  }
  const units = unitsByYear(terms, years);
  const strike = o?.strike ?? 0;
  let today = 1;
  if (stage !== null && stage !== 'public' && (o ? preferred !== null : true)) {
    const total = o ? o.count : terms.equity / price;
    view.odds = oddsOf(stage, total, price, strike);
    const outcomes = stageOutcomes(stage);
    view.expectedByYear = units.map((u) => Math.round(expectedValue(outcomes, u, price, strike)));
    today = todayFactor(outcomes);
  }
  const exit = terms.exitPrice ?? null;
  if (exit !== null) {
    view.atExit = {
      price: exit,
      byYear: units.map((u) => Math.round(u * Math.max(0, exit - strike) * today)),
    };
  }
  return view;
}

/** What leaving at `terms.leaveAt` keeps, or undefined when the offer is not left early. */
export function leaveView(
  terms: OfferTerms,
  years: readonly OfferYear[],
  equity: EquityView | undefined,
): LeaveView | undefined {
  const at = terms.leaveAt ?? null;
  if (at === null) return undefined;
  const cadence = terms.cadence ?? YEARLY;
  const percents = terms.vesting.percents;
  const share = vestedBetween(percents, cadence, 0, at);
  const o = terms.options ?? null;
  const signOn = signOnOnLeaving(terms.signOn, at, terms.clawback ?? null);
  const owed = signOn.reduce((s, k) => s + k.owed, 0);
  const cash = years.reduce((s, y) => s + y.base + y.bonus + y.signOn + (y.clawback ?? 0), 0);
  const stock = years.reduce((s, y) => s + y.equity, 0);
  const view: LeaveView = {
    months: at,
    cliffMonths: cadence.cliffMonths,
    vestedShare: round4(share),
    vested: o ? optionsVestedBy(o.count, percents, cadence, at) : Math.round(terms.equity * share),
    forfeited: 0,
    signOn,
    owed,
    kept: { cash, stock },
  };
  view.forfeited = o ? o.count - view.vested : Math.round(terms.equity - view.vested);
  if (equity?.expectedByYear) view.kept.expected = equity.expectedByYear.reduce((s, v) => s + v, 0);
  if (o && equity?.options) view.exercise = exerciseOnLeaving(terms, equity, view.vested);
  return view;
}

/** Exercising the vested options on leaving: within the window, at the last year's FMV. */
function exerciseOnLeaving(
  terms: OfferTerms,
  equity: EquityView,
  vested: number,
): NonNullable<LeaveView['exercise']> {
  const o = equity.options!;
  const fmv = o.years[o.years.length - 1]?.fmv ?? o.fmv;
  const out: NonNullable<LeaveView['exercise']> = {
    windowMonths: terms.exerciseWindow ?? EQUITY_DATA.exerciseWindow.months,
    options: vested,
    cost: Math.round(vested * o.strike),
    fmv,
    spread: Math.round(vested * Math.max(0, fmv - o.strike)),
    type: o.type,
  };
  const stage = terms.stage ?? null;
  const preferred = terms.preferred ?? null;
  // Bought now: the strike is paid whatever happens, so the shares' value is that of stock.
  if (stage !== null && stage !== 'public' && preferred !== null)
    out.expected = Math.round(expectedValue(stageOutcomes(stage), vested, preferred, 0));
  return out;
}

/** Running totals over the years: cash; cash + stock on its basis; + risk-adjusted; + at exit. */
export function cumulativeOf(
  years: readonly OfferYear[],
  equity: EquityView | undefined,
): Cumulative {
  const run = (xs: number[]): number[] => {
    let s = 0;
    return xs.map((x) => (s += x));
  };
  const cash = years.map((y) => y.base + y.bonus + y.signOn + (y.clawback ?? 0));
  const out: Cumulative = { cash: run(cash), stock: run(years.map((y) => y.total)) };
  if (equity?.expectedByYear) {
    const ev = equity.expectedByYear;
    out.expected = run(cash.map((c, i) => c + (ev[i] ?? 0)));
  } else if (equity && !equity.private) out.expected = out.stock;
  if (equity?.atExit) {
    const at = equity.atExit.byYear;
    out.atExit = run(cash.map((c, i) => c + (at[i] ?? 0)));
  }
  return out;
}
