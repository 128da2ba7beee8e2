// Stock options in an offer: how many vest each year, what exercising them costs and the spread
// it is taxed on. Pure; the limits come from data/offer.json.
import model from '../../data/offer.json' with { type: 'json' };
import { InputError } from '../errors.js';
import { groupThousands } from './format.js';
import type { OfferFieldNames, OfferTerms } from './offer.js';
import { optionsVestedBy, type Cadence } from './vesting.js';

export type OptionType = 'iso' | 'nso';

/** An option grant: `count` options at `strike` dollars a share. */
export interface OptionTerms {
  count: number;
  strike: number;
  /** The common stock's fair market value today (the 409A, or the market price if listed). */
  fmv: number;
  type: OptionType;
}

/** How the option fields are named in messages (flags, or an offer file's keys). */
export interface OptionFieldNames {
  options: string;
  strike: string;
  fmv: string;
  preferred: string;
}

const LIMITS = model.limits;

/**
 * Check a grant: a whole number of options from 1 to `limits.maxOptions`, prices per share
 * above $0 (a strike may be $0) up to `limits.maxSharePrice`, and the grant's value at the
 * preferred price (or the FMV) at most `limits.maxAmount`, as for --equity.
 */
export function checkOptions(
  o: OptionTerms,
  preferred: number | null,
  names: OptionFieldNames,
): void {
  if (!Number.isSafeInteger(o.count) || o.count < 1 || o.count > LIMITS.maxOptions) {
    throw new InputError(
      `${names.options} must be a whole number of options from 1 to ${groupThousands(LIMITS.maxOptions)}`,
      names.options,
    );
  }
  const prices: [number | null, string, boolean][] = [
    [o.strike, names.strike, true],
    [o.fmv, names.fmv, false],
    [preferred, names.preferred, false],
  ];
  for (const [p, name, zero] of prices) {
    if (p === null) continue;
    if (!Number.isFinite(p) || p < 0 || (!zero && p === 0) || p > LIMITS.maxSharePrice) {
      throw new InputError(
        `${name} must be a price a share above $0${zero ? ' (or $0)' : ''} and at most $${groupThousands(LIMITS.maxSharePrice)}`,
        name,
      );
    }
  }
  const top = Math.max(o.fmv, preferred ?? 0);
  const worth = o.count * top;
  if (worth > LIMITS.maxAmount) {
    throw new InputError(
      `${names.options} ${groupThousands(o.count)} options at $${top} a share are worth more than the maximum grant of $${groupThousands(LIMITS.maxAmount)}`,
      names.options,
    );
  }
}

/** One year of an option grant, whole dollars but for the per-share FMV. */
export interface OptionYear {
  year: number;
  /** Options that vest this year (up to leaving, when given). */
  vested: number;
  /** What exercising them costs: vested x strike. */
  exerciseCost: number;
  /** The FMV a share at the year's middle: fmv x (1 + growth)^(year - 1/2). */
  fmv: number;
  /** The spread at that FMV, taxed on exercise: vested x (fmv - strike), 0 when under water. */
  spread: number;
  /** On paper: vested x (the preferred price, else the FMV, grown alike - strike), at least 0. */
  paper: number;
}

/** Round a per-share price to a hundredth of a cent. */
const cents = (x: number): number => Math.round(x * 10000) / 10000;

/**
 * The grant year by year over `years` years (up to `leaveAt` months when given): options vested
 * by the cadence (whole options, rounded down on the running total), their exercise cost and
 * the spread at the year's mid-year FMV (the growth convention of `offerYears`).
 */
export function optionYears(
  o: OptionTerms,
  preferred: number | null,
  percents: readonly number[],
  cadence: Cadence,
  growth: number,
  years: number,
  leaveAt: number | null,
): OptionYear[] {
  const out: OptionYear[] = [];
  for (let y = 1; y <= years; y++) {
    const end = leaveAt === null ? 12 * y : Math.min(12 * y, leaveAt);
    if (end <= 12 * (y - 1)) break;
    const vested =
      optionsVestedBy(o.count, percents, cadence, end) -
      optionsVestedBy(o.count, percents, cadence, 12 * (y - 1));
    const grown = growth === 0 ? 1 : (1 + growth) ** (y - 0.5);
    const fmv = cents(o.fmv * grown);
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

/** Whole months from `min` to `max`, or an InputError naming `field`. */
function checkMonths(value: number, min: number, max: number, field: string, what: string): void {
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new InputError(`${field} must be ${what} from ${min} to ${max} months`, field);
}

/**
 * Check the equity terms beyond a dollar grant (`checkOffer` calls this): an option grant
 * (`checkOptions`) is the whole grant (no `equity` beside it), a stage or a preferred price needs
 * stock, a private stage is private stock and `public` is not, the cliff lies within the
 * schedule, leaving falls within its months, and an exit price is for private stock with a
 * price a share to compare it with.
 */
export function checkEquity(terms: OfferTerms, f: OfferFieldNames): void {
  checkStock(terms, f);
  checkStage(terms, f);
  checkLeaving(terms, f);
  checkExit(terms, f);
}

/** Options are the whole grant; a stage, a preferred price or an exit price need stock. */
function checkStock(terms: OfferTerms, f: OfferFieldNames): void {
  const o = terms.options ?? null;
  const preferred = terms.preferred ?? null;
  if (o) {
    checkOptions(o, preferred, f);
    if (terms.equity > 0)
      throw new InputError(
        `${f.equity} and ${f.options} both give the grant: with options, ${f.equity} is their value at the preferred price (give one of ${f.equity} and ${f.preferred})`,
        f.equity,
      );
  }
  const stock = o !== null || terms.equity > 0;
  for (const [value, field] of [
    [terms.stage, f.stage],
    [preferred, f.preferred],
    [terms.exitPrice, f.exitPrice],
  ] as const) {
    if (value !== null && value !== undefined && !stock)
      throw new InputError(`${field} describes the equity, but the offer has none`, field);
  }
  if (preferred !== null && !o)
    checkOptions({ count: 1, strike: 0, fmv: preferred, type: 'iso' }, preferred, f);
}

/** A private stage is private stock (with a preferred price for options); `public` is listed. */
function checkStage(terms: OfferTerms, f: OfferFieldNames): void {
  const stage = terms.stage ?? null;
  if (stage === null) return;
  if (stage === 'public') {
    if (terms.private)
      throw new InputError(
        `${f.stage} public is a listed company, but ${f.private} says private`,
        f.stage,
      );
    return;
  }
  if (terms.options && (terms.preferred ?? null) === null)
    throw new InputError(
      `${f.stage} ${stage}: the odds at an exit are of the last preferred price; give ${f.preferred} (or ${f.equity}, the grant's value at it)`,
      f.stage,
    );
  if (!terms.private)
    throw new InputError(
      `${f.stage} ${stage} is a private company: give ${f.private} too`,
      f.stage,
    );
}

/** The cliff within the schedule, the cadence's vests, leaving within its months, the windows. */
function checkLeaving(terms: OfferTerms, f: OfferFieldNames): void {
  const months = 12 * terms.vesting.percents.length;
  const c = terms.cadence;
  if (c) {
    checkMonths(c.cliffMonths, 0, months, f.cliff, 'a cliff');
    if (c.vestsPerYear.some((n) => ![1, 2, 4, 12].includes(n)))
      throw new InputError(`${f.vestEvery} must be 1, 3, 6 or 12 months`, f.vestEvery);
  }
  if (terms.leaveAt !== null && terms.leaveAt !== undefined)
    checkMonths(terms.leaveAt, 1, months, f.leaveAt, 'leaving after');
  if (terms.clawback) checkMonths(terms.clawback.months, 1, 60, f.clawback, 'a clawback');
  if (terms.exerciseWindow !== undefined)
    checkMonths(terms.exerciseWindow, 0, 120, f.exerciseWindow, 'an exercise window');
}

/** An exit price values private stock, against a price a share. */
function checkExit(terms: OfferTerms, f: OfferFieldNames): void {
  const exit = terms.exitPrice ?? null;
  if (exit === null) return;
  if (!terms.private)
    throw new InputError(
      `${f.exitPrice} values private stock at an exit; this stock is listed`,
      f.exitPrice,
    );
  if (!terms.options && (terms.preferred ?? null) === null)
    throw new InputError(
      `${f.exitPrice} is a price a share: give the grant's ${f.preferred} price too`,
      f.exitPrice,
    );
  checkOptions({ count: 1, strike: 0, fmv: exit, type: 'iso' }, null, { ...f, fmv: f.exitPrice });
}
