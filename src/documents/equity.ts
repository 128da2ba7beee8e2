// The equity parts of an offer's document: options year by year, a private company's odds at an
// exit (paper, risk-adjusted, a price at exit), what leaving early keeps, and the running totals
// that keep cash apart from stock. Built from the terms; renderers read only the document.
import {
  distribution,
  EQUITY_DATA as DATA,
  expectedMultiple,
  expectedValue,
  futureRounds,
  keptThrough,
  multipleAt,
  privateStage,
  stageLabel,
  stageOutcomes,
  todayFactor,
  type Distribution,
  type PrivateStage,
  type Stage,
} from '../model/equity.js';
import {
  grantValue,
  optionYears,
  optionsVestedBy,
  signOnOnLeaving,
  vestedBetween,
  YEARLY,
  type OptionTerms,
  type OptionType,
  type OptionYear,
  type OfferTerms,
  type OfferYear,
} from '../model/offer.js';
import type { Tax } from '../model/exercise.js';

/** A stage's odds at an exit for the whole grant (data/startup.json). */
export interface Odds extends Distribution {
  stage: Stage;
  stageLabel: string;
  /** The per-share multiples of the preferred price behind p50, expected and good. */
  multiples: { p50: number; expected: number; good: number };
  source: string;
  year: number;
  /** The rounds before an exit with Carta's median dilution, the share a holding keeps through them. */
  futureRounds: { round: string; dilution: number }[];
  kept: number;
  roundGapYears: number;
  /** The exit figures are in today's dollars: divided by (1 + rate)^years. */
  discount: { years: number; rate: number; source: string; year: number };
}

/** A document's equity: what kind, how the years count it (`basis`), and what it may be worth. */
export interface EquityView {
  kind: 'rsu' | 'options';
  private: boolean;
  basis: 'market' | 'paper';
  stage: Stage | null;
  preferred: number | null;
  /** The whole initial grant on paper (options: their spread at the preferred price, or FMV). */
  paper: number;
  /** Each year's `tax`: on exercising its options at its FMV (added by the command). */
  options?: OptionTerms & { exerciseCost: number; years: (OptionYear & { tax?: Tax })[] };
  /** With a stage: the whole grant's odds, and each year's vest risk-adjusted. */
  odds?: Odds;
  expectedByYear?: number[];
  /** With an exit price: each year's vest valued at it (in today's dollars, as the odds are). */
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
  /** Exercising the vested options within the window; `expected`: the shares', with a stage. */
  exercise?: {
    windowMonths: number;
    options: number;
    cost: number;
    fmv: number;
    spread: number;
    type: OptionType;
    tax?: Tax;
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
export const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

/** A year's cash: base + bonus + sign-on, less any paid back. */
export const cashOf = (y: OfferYear): number => y.base + y.bonus + y.signOn + (y.clawback ?? 0);

/** The price a share the odds and an exit price are of: the preferred price, else the FMV, else $1 (a dollar grant). */
export const unitPrice = (terms: OfferTerms): number => terms.preferred ?? terms.options?.fmv ?? 1;

/**
 * What vests each year, in the units the odds and an exit price are of: options; shares at the
 * preferred price; or the grant's dollars (price $1). Ungrown: the odds are of today's price.
 * Refreshers (stock only) vest with no cliff.
 */
export function unitsByYear(terms: OfferTerms, years: readonly OfferYear[]): number[] {
  const { percents } = terms.vesting;
  const cadence = terms.cadence ?? YEARLY;
  if (terms.options)
    return optionYears(terms.options, null, percents, cadence, 0, terms.leaveAt ?? null).map(
      (r) => r.vested,
    );
  const noCliff = { cliffMonths: 0, vestsPerYear: cadence.vestsPerYear };
  const price = unitPrice(terms);
  return years.map((y) => {
    const from = 12 * (y.year - 1);
    const to = from + (y.months ?? 12);
    let u = terms.equity * vestedBetween(percents, cadence, from, to);
    for (let k = 1; k < y.year; k++)
      u += terms.refresh * vestedBetween(percents, noCliff, from, to, 12 * k);
    return u / price;
  });
}

/** The stage's odds for a grant of `units` at `price` with `strike` (0 for stock). */
function oddsOf(stage: PrivateStage, units: number, price: number, strike: number): Odds {
  const o = stageOutcomes(stage);
  const spec = DATA.stages[stage].outcomes;
  const set = DATA.outcomes[typeof spec === 'string' ? (spec as 'early') : 'late'];
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
    // Series B averages two sets: both are named, each with its year (the late one's follows).
    source:
      typeof spec === 'string'
        ? set.source
        : `${DATA.stagesNote} Early: ${DATA.outcomes.early.source} (${DATA.outcomes.early.year}). Late: ${set.source}`,
    year: set.year,
    futureRounds: rounds,
    kept: round4(keptThrough(rounds)),
    roundGapYears: DATA.roundGap.years,
    discount: { years: o.years, rate: o.rate, source: DATA.exit.source, year: DATA.exit.year },
  };
}

/** The equity parts of the document, or undefined for an offer without stock. */
export function equityView(terms: OfferTerms, years: readonly OfferYear[]): EquityView | undefined {
  const o = terms.options ?? null;
  if (!o && terms.equity === 0) return undefined;
  const preferred = terms.preferred ?? null;
  const view: EquityView = {
    kind: o ? 'options' : 'rsu',
    private: terms.private,
    basis: terms.private ? 'paper' : 'market',
    stage: terms.stage ?? null,
    preferred,
    paper: grantValue(terms),
  };
  const { percents } = terms.vesting;
  const cadence = terms.cadence ?? YEARLY;
  if (o) {
    const rows = optionYears(o, preferred, percents, cadence, terms.growth, terms.leaveAt ?? null);
    view.options = { ...o, exerciseCost: Math.round(o.count * o.strike), years: rows };
  }
  const units = unitsByYear(terms, years);
  const price = unitPrice(terms);
  const strike = o?.strike ?? 0;
  const stage = privateStage(terms.stage);
  let today = 1;
  if (stage && (!o || preferred !== null)) {
    view.odds = oddsOf(stage, o ? o.count : terms.equity / price, price, strike);
    const outcomes = stageOutcomes(stage);
    view.expectedByYear = units.map((u) => Math.round(expectedValue(outcomes, u, price, strike)));
    today = todayFactor(outcomes);
  }
  const exit = terms.exitPrice ?? null;
  if (exit !== null)
    view.atExit = {
      price: exit,
      byYear: units.map((u) => Math.round(u * Math.max(0, exit - strike) * today)),
    };
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
  const { percents } = terms.vesting;
  const share = vestedBetween(percents, cadence, 0, at);
  const o = terms.options ?? null;
  const signOn = signOnOnLeaving(terms.signOn, at, terms.clawback ?? null);
  const vested = o
    ? optionsVestedBy(o.count, percents, cadence, at)
    : Math.round(terms.equity * share);
  const view: LeaveView = {
    months: at,
    cliffMonths: cadence.cliffMonths,
    vestedShare: round4(share),
    vested,
    forfeited: o ? o.count - vested : Math.round(terms.equity - vested),
    signOn,
    owed: sum(signOn.map((k) => k.owed)),
    kept: { cash: sum(years.map(cashOf)), stock: sum(years.map((y) => y.equity)) },
  };
  if (equity?.expectedByYear) view.kept.expected = sum(equity.expectedByYear);
  const opts = equity?.options;
  if (!o || !opts) return view;
  // Exercised within the window at the last year's FMV; bought, the shares' value is that of stock.
  const fmv = opts.years[opts.years.length - 1]?.fmv ?? o.fmv;
  view.exercise = {
    windowMonths: terms.exerciseWindow ?? DATA.exerciseWindow.months,
    options: vested,
    cost: Math.round(vested * o.strike),
    fmv,
    spread: Math.round(vested * Math.max(0, fmv - o.strike)),
    type: o.type,
  };
  const stage = privateStage(terms.stage);
  if (stage && terms.preferred != null) {
    view.exercise.expected = Math.round(
      expectedValue(stageOutcomes(stage), vested, terms.preferred, 0),
    );
    // Options kept on leaving must be bought within the window: worth the shares less their
    // cost (its tax comes off too, where the CLI works it out), or nothing (review6 D17).
    view.kept.expected = Math.max(0, view.exercise.expected - view.exercise.cost);
  }
  return view;
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
  const cash = years.map(cashOf);
  const plus = (xs: number[]): number[] => run(cash.map((c, i) => c + (xs[i] ?? 0)));
  const out: Cumulative = { cash: run(cash), stock: run(years.map((y) => y.total)) };
  if (equity?.expectedByYear) out.expected = plus(equity.expectedByYear);
  else if (!equity?.private) out.expected = out.stock;
  if (equity?.atExit) out.atExit = plus(equity.atExit.byYear);
  return out;
}
