// When shares vest within the years (a cliff, equal vests each year) and what leaving early keeps
// of a sign-on. Pure; the schedules' yearly percentages come from data/vesting.json.

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
 * `start` (0 for the initial grant, 12k for the refresher granted at the end of year k): year
 * j's percentage is split into the cadence's equal vests for that year, each at its month, and
 * a vest before the cliff (counted from `start`) is paid at the cliff. A year whose vests all
 * fall in the window counts its percentage exactly (no sum of twelfths).
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

/** Whole options vested by month `to`: the grant's fraction vested, rounded down. */
export function optionsVestedBy(
  count: number,
  percents: readonly number[],
  cadence: Cadence,
  to: number,
): number {
  return Math.floor(count * vestedBetween(percents, cadence, 0, to) + 1e-6);
}

/** What leaving at month `leaveAt` costs of each year's sign-on, paid at the start of its year. */
export interface SignOnKept {
  year: number;
  paid: number;
  /** Paid back: 0 when served out (or no clawback), the whole or a prorated share otherwise. */
  owed: number;
}

/**
 * The sign-on of each year paid by month `leaveAt` (year k's at month 12(k-1), so only those
 * with 12(k-1) < leaveAt), and what a clawback takes back of it: with W months, a payment made
 * s < W months before leaving is owed back whole, or (W - s) / W of it when prorated.
 */
export function signOnOnLeaving(
  signOn: readonly number[],
  leaveAt: number,
  clawback: Clawback | null,
): SignOnKept[] {
  return signOn.flatMap((amount, i) => {
    const paidAt = 12 * i;
    if (leaveAt <= paidAt) return [];
    const served = leaveAt - paidAt;
    let owed = 0;
    if (clawback && served < clawback.months) {
      owed = clawback.prorated ? (amount * (clawback.months - served)) / clawback.months : amount;
    }
    return [{ year: i + 1, paid: amount, owed: Math.round(owed) }];
  });
}
