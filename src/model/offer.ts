// An offer year by year, and when its shares and options vest within the years (a cliff, equal
// vests each year), what options cost to exercise, and what leaving early keeps of a sign-on.
// Pure; the schedules' yearly percentages come from data/vesting.json.
import model from '../../data/offer.json' with { type: 'json' };
import vesting from '../../data/vesting.json' with { type: 'json' };
import type { Stage } from './equity.js';

/** A target bonus: a fraction of base (`0.15` for 15%) or an amount in dollars a year. */
export type Bonus = { kind: 'percent'; value: number } | { kind: 'amount'; value: number };

/** A vesting schedule: the percent of a grant that vests in each year after it is granted. */
export interface Vesting {
  /** A preset id from data/vesting.json, or `custom`. */
  id: string;
  percents: readonly number[];
}

/** A named schedule from data/vesting.json. */
export interface VestingPreset extends Vesting {
  label: string;
  /** Months before the first vest, and the equal vests in each year (data/vesting.json). */
  cliffMonths: number;
  vestsPerYear: readonly number[];
  source: string;
  year: number;
  note: string;
}

/** The vesting presets (data/vesting.json), frozen. */
export const vestingPresets: readonly Readonly<VestingPreset>[] = Object.freeze(
  vesting.presets.map((p) => Object.freeze({ ...p, percents: Object.freeze([...p.percents]) })),
);

/** How a schedule's yearly percentages are paid out over the months. */
export interface Cadence {
  /** No share vests before this many months; what would have vested before vests at it. */
  cliffMonths: number;
  /** Equal vests in each year of the schedule (12 monthly, 4 quarterly, 1 at the year's end). */
  vestsPerYear: readonly number[];
}

/** Each year's percentage vesting once, at the year's end: the yearly totals and nothing finer. */
export const YEARLY: Cadence = Object.freeze({ cliffMonths: 0, vestsPerYear: Object.freeze([]) });

/** A sign-on clawback: paid back if you leave within `months` of its payment, in full or prorated. */
export interface Clawback {
  months: number;
  prorated: boolean;
}

export type OptionType = 'iso' | 'nso';

/** An option grant: `count` options at `strike` dollars a share; `fmv`: the 409A (or the market price). */
export interface OptionTerms {
  count: number;
  strike: number;
  fmv: number;
  type: OptionType;
}

/** An offer as typed: whole US dollars unless said otherwise. */
export interface OfferTerms {
  base: number;
  /** The target bonus, or null for none. */
  bonus: Bonus | null;
  /** The whole initial grant at its value on the grant date (0 for none). */
  equity: number;
  vesting: Vesting;
  /** Sign-on paid in year 1, year 2, ... (empty for none). */
  signOn: readonly number[];
  /** A refresher grant each year, at its value on its grant date (0 for none). */
  refresh: number;
  /** The yearly change of the stock price, as a fraction (0.1 for +10%, -0.05 for -5%). */
  growth: number;
  /** The equity is in a private company: paper value, illiquid. */
  private: boolean;
  /** Stock options (then `equity` is 0: the grant is the options). */
  options?: OptionTerms | null;
  /** The last round's preferred price a share, when known. */
  preferred?: number | null;
  /** The company's stage (data/startup.json), when given. */
  stage?: Stage | null;
  /** When within the years the shares vest; yearly totals (`YEARLY`) when absent. */
  cadence?: Cadence;
  /** Leaving after this many months: the years stop there. */
  leaveAt?: number | null;
  clawback?: Clawback | null;
  /** Months to exercise vested options after leaving. */
  exerciseWindow?: number;
  /** A price a share at an exit to value private stock at (instead of paper). */
  exitPrice?: number | null;
}

/** The terms' names in messages (an option grant's parts and the cadence each have theirs). */
export type OfferField =
  Exclude<keyof OfferTerms, 'cadence'> | 'strike' | 'fmv' | 'optionType' | 'cliff' | 'vestEvery';

/** How each term is named in messages: by its flag (cli/options.ts OFFER_FLAGS) or its key in a file. */
export type OfferFieldNames = Readonly<Record<OfferField, string>>;

/** The initial grant's value on paper: the dollar grant, or the options' spread at the paper price. */
export function grantValue(terms: OfferTerms): number {
  const o = terms.options;
  if (!o) return terms.equity;
  return Math.round(o.count * Math.max(0, (terms.preferred ?? o.fmv) - o.strike));
}

/** The target bonus in dollars a year: percent x base, or the amount (0 for none). */
export function targetBonus(terms: OfferTerms): number {
  const bonus = terms.bonus;
  if (bonus === null) return 0;
  return Math.round(bonus.kind === 'percent' ? bonus.value * terms.base : bonus.value);
}

/**
 * The fraction of a grant that vests in months (from, to], for a schedule starting at month
 * `start` (12k for the refresher granted at the end of year k): year j's percentage is split
 * into the cadence's equal vests, each at its month, a vest before the cliff paid at the cliff.
 * A year whose vests all fall in the window counts its percentage exactly.
 */
export function vestedBetween(
  percents: readonly number[],
  cadence: Cadence,
  from: number,
  to: number,
  start = 0,
): number {
  let sum = 0;
  percents.forEach((p, j) => {
    const n = cadence.vestsPerYear[j] ?? 1;
    let k = 0;
    for (let e = 1; e <= n; e++) {
      // 1e-9: 12 * e / n lands on a whole month up to rounding.
      const month = start + Math.max(12 * j + (12 * e) / n, cadence.cliffMonths);
      if (month > from + 1e-9 && month <= to + 1e-9) k++;
    }
    if (k > 0) sum += k === n ? p / 100 : (p * k) / n / 100;
  });
  return sum;
}

/** Whole options of `count` vested by month `to` (rounded down). */
export const optionsVestedBy = (
  count: number,
  percents: readonly number[],
  cadence: Cadence,
  to: number,
): number => Math.floor(count * vestedBetween(percents, cadence, 0, to) + 1e-6);

/**
 * The sign-on of each year paid by month `leaveAt` (year k's at month 12(k-1)) and what a
 * clawback of W months takes back: a payment made s < W months before leaving, whole or
 * (W - s) / W of it when prorated.
 */
export function signOnOnLeaving(
  signOn: readonly number[],
  leaveAt: number,
  clawback: Clawback | null,
): { year: number; paid: number; owed: number }[] {
  return signOn.flatMap((paid, i) => {
    const served = leaveAt - 12 * i;
    if (served <= 0) return [];
    const w = clawback && served < clawback.months ? clawback : null;
    const owed = !w ? 0 : w.prorated ? (paid * (w.months - served)) / w.months : paid;
    return [{ year: i + 1, paid, owed: Math.round(owed) }];
  });
}

/** One year of an option grant, whole dollars but for the per-share FMV. */
export interface OptionYear {
  year: number;
  /** Options that vest this year (up to leaving). */
  vested: number;
  /** vested x strike. */
  exerciseCost: number;
  /** The FMV a share at the year's middle: fmv x (1 + growth)^(year - 1/2), to 1/100 cent. */
  fmv: number;
  /** vested x (fmv - strike), taxed on exercise; 0 under water. */
  spread: number;
  /** On paper: vested x (the preferred price, else the FMV, grown alike - strike), at least 0. */
  paper: number;
}

/**
 * The grant year by year (up to `leaveAt` months when given): options vested by the cadence
 * (whole options, rounded down on the running total), their exercise cost and the spread at the
 * year's mid-year FMV (the growth convention of `offerYears`).
 */
export function optionYears(
  o: OptionTerms,
  preferred: number | null,
  percents: readonly number[],
  cadence: Cadence,
  growth: number,
  leaveAt: number | null,
): OptionYear[] {
  const out: OptionYear[] = [];
  const by = (month: number): number => optionsVestedBy(o.count, percents, cadence, month);
  for (let y = 1; y <= percents.length; y++) {
    const end = Math.min(12 * y, leaveAt ?? Infinity);
    if (end <= 12 * (y - 1)) break;
    const vested = by(end) - by(12 * (y - 1));
    const grown = growth === 0 ? 1 : (1 + growth) ** (y - 0.5);
    const fmv = Math.round(o.fmv * grown * 10000) / 10000;
    out.push({
      year: y,
      vested,
      exerciseCost: Math.round(vested * o.strike),
      fmv,
      spread: Math.round(vested * Math.max(0, fmv - o.strike)),
      paper: Math.round(vested * Math.max(0, (preferred ?? o.fmv) * grown - o.strike)),
    });
  }
  return out;
}

/** One year of an offer, whole dollars; `total` is exactly the sum of its parts. */
export interface OfferYear {
  year: number;
  /** Months worked in the year, when leaving ends it early (absent for a whole year). */
  months?: number;
  base: number;
  bonus: number;
  /** Stock vested that year (options: their spread on paper): the initial grant's and every refresher's. */
  equity: number;
  signOn: number;
  /** Sign-on paid back on leaving (negative), in the year you leave. */
  clawback?: number;
  total: number;
}

/**
 * The offer year by year, from year 1 to the schedule's last year, or to the year you leave.
 *
 * Base is flat and the bonus is its target every year. The sign-on is the list's entry for that
 * year (0 after it ends). Stock is the initial grant's vest plus **stacked refreshers**: a
 * refresher of `refresh` dollars is granted each year from year 1 and vests on the same schedule
 * from the year after its grant (the one granted in year k vests percents[0] in year k+1,
 * percents[1] in year k+2, ...); those granted too late to vest within the schedule's years are
 * not shown. The cadence (cliff, vests a year) decides in which year a vest lands; refreshers
 * have no cliff.
 *
 * Growth convention: every grant's dollar value is fixed on its grant date (the initial grant at
 * the start of year 1, the year-k refresher at the end of year k); its vest in its j-th vesting
 * year is worth grant x percents[j-1] x (1 + growth)^(j - 1/2), the stock price at the middle of
 * that year (shares vest through the year: monthly, quarterly, or in halves). So the initial
 * grant in year y is grant x percents[y-1] x (1 + g)^(y - 1/2). Growth 0 gives exactly
 * grant x percent. Options: their spread on paper (`optionYears`).
 *
 * Leaving after `leaveAt` months: the last year is cut there (base for its months, no bonus
 * for a year not finished, the vests up to then), sign-on is paid only for the years begun, and
 * the clawback owed is in that year's row (`signOnOnLeaving`).
 */
export function offerYears(terms: OfferTerms): OfferYear[] {
  const percents = terms.vesting.percents;
  const cadence = terms.cadence ?? YEARLY;
  const noCliff: Cadence = { cliffMonths: 0, vestsPerYear: cadence.vestsPerYear };
  const leave = terms.leaveAt ?? null;
  const g = terms.growth;
  const grown = (j: number): number => (g === 0 ? 1 : (1 + g) ** (j - 0.5));
  const base = Math.round(terms.base);
  const bonus = targetBonus(terms);
  const options = terms.options
    ? optionYears(terms.options, terms.preferred ?? null, percents, cadence, g, leave)
    : null;
  const owed =
    leave === null
      ? 0
      : signOnOnLeaving(terms.signOn, leave, terms.clawback ?? null).reduce(
          (s, k) => s + k.owed,
          0,
        );
  const out: OfferYear[] = [];
  for (let year = 1; year <= percents.length; year++) {
    const from = 12 * (year - 1);
    const to = leave === null ? 12 * year : Math.min(12 * year, leave);
    if (to <= from) break;
    let stock = options
      ? options[year - 1]!.paper
      : terms.equity * vestedBetween(percents, cadence, from, to) * grown(year);
    // Refreshers granted at the ends of years 1 .. year-1: the one from year k is in its (year - k)-th vest.
    for (let k = 1; k < year && !options; k++)
      stock += terms.refresh * vestedBetween(percents, noCliff, from, to, 12 * k) * grown(year - k);
    const row: OfferYear = { year, base, bonus, equity: Math.round(stock), signOn: 0, total: 0 };
    if (to - from < 12) {
      row.months = to - from;
      row.base = Math.round((terms.base * row.months) / 12);
      row.bonus = 0;
    }
    row.signOn = Math.round(terms.signOn[year - 1] ?? 0);
    const last = leave !== null && to === leave;
    if (last && owed > 0) row.clawback = -owed;
    row.total = row.base + row.bonus + row.equity + row.signOn + (row.clawback ?? 0);
    out.push(row);
    if (last) break;
  }
  return out;
}

/** The first year's total: base, target bonus, stock vested in year 1 and the year-1 sign-on. */
export function firstYear(terms: OfferTerms): number {
  return offerYears(terms)[0]!.total;
}

/** The annualized total and its parts, whole dollars; `total` is exactly their sum. */
export interface Annualized {
  base: number;
  /** The whole initial grant / the schedule's years. */
  equity: number;
  /** The target bonus. */
  bonus: number;
  /** All sign-on / 4. */
  signOn: number;
  total: number;
}

/**
 * The annualized total in levels.fyi's convention for a new offer: base + grant / vesting years
 * + target bonus + (sum of sign-on) / 4 (levels.fyi spreads a sign-on "across a typical 4 year
 * vesting period", whatever the schedule; data/offer.json, `annualized`). No refreshers, no
 * stock growth: it is what the offer letter promises, averaged.
 */
export function annualized(terms: OfferTerms): Annualized {
  const base = Math.round(terms.base);
  const equity = Math.round(grantValue(terms) / terms.vesting.percents.length);
  const bonus = targetBonus(terms);
  const signOnSum = terms.signOn.reduce((a, b) => a + b, 0);
  const signOn = Math.round(signOnSum / model.annualized.signOnYears);
  return { base, equity, bonus, signOn, total: base + equity + bonus + signOn };
}
