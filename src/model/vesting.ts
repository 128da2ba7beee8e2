// When shares and options vest within the years (a cliff, equal vests each year), what options
// cost to exercise, and what leaving early keeps of a sign-on. Pure; the schedules' yearly
// percentages come from data/vesting.json.

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

export type OptionType = 'iso' | 'nso';

/** An option grant: `count` options at `strike` dollars a share; `fmv`: the 409A (or the market price). */
export interface OptionTerms {
  count: number;
  strike: number;
  fmv: number;
  type: OptionType;
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
