import model from '../../data/offer.json' with { type: 'json' };
import vesting from '../../data/vesting.json' with { type: 'json' };
import { InputError } from '../errors.js';
import { position, type Position } from './percentile.js';
import type { Range } from './types.js';

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
  source: string;
  year: number;
  note: string;
}

/** The vesting presets (data/vesting.json), frozen. */
export const vestingPresets: readonly Readonly<VestingPreset>[] = Object.freeze(
  vesting.presets.map((p) => Object.freeze({ ...p, percents: Object.freeze([...p.percents]) })),
);

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
}

/** How each term is named in messages: the `ml-salary offer` flags unless told otherwise. */
export type OfferFieldNames = Readonly<Record<keyof OfferTerms, string>>;

export const OFFER_FLAGS: OfferFieldNames = Object.freeze({
  base: '--base',
  bonus: '--bonus',
  equity: '--equity',
  vesting: '--vesting',
  signOn: '--sign-on',
  refresh: '--refresh',
  growth: '--growth',
  private: '--private',
});

const LIMITS = model.limits;
/** Percentages in a schedule may add up to 100 within this, so 33.33/33.33/33.33 passes. */
const SUM_TOLERANCE = 0.01;

function usd(n: number): string {
  return `$${Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

/** Show a sum of percentages as a person would: 99.999999 -> "99.999999", 90.00000000001 -> "90". */
function shownSum(sum: number): string {
  return String(Number(sum.toFixed(6)));
}

/**
 * A fraction as a percentage for a message about a bound: one decimal (500, 233.3), or as many
 * as it takes not to read as the bound itself (200.0004 is not "200").
 */
function shownPercent(fraction: number, bound: number): string {
  const percent = fraction * 100;
  const short = Math.round(percent * 10) / 10;
  return short === bound ? shownSum(percent) : String(short);
}

/**
 * Check a list of yearly vesting percentages: 1 to 10 years (data/offer.json, `limits`), each a
 * finite number >= 0, adding up to 100 within 0.01. Throws an InputError naming `field`.
 */
export function checkVestingPercents(percents: readonly number[], field: string): void {
  const accepted = `yearly percentages adding up to 100, like 25/25/25/25 or 10/20/30/40`;
  if (percents.length < 1 || percents.length > LIMITS.maxVestingYears) {
    throw new InputError(
      `${field} has ${percents.length} years: a schedule has 1 to ${LIMITS.maxVestingYears}; expected ${accepted}`,
      field,
    );
  }
  percents.forEach((p, i) => {
    if (typeof p !== 'number' || !Number.isFinite(p)) {
      throw new InputError(`${field} year ${i + 1} is not a number: expected ${accepted}`, field);
    }
    if (p < 0) {
      throw new InputError(
        `${field} year ${i + 1} (${p}) cannot be negative: expected ${accepted}`,
        field,
      );
    }
  });
  const sum = percents.reduce((a, b) => a + b, 0);
  // The 1e-9 keeps a sum of exactly 99.99 (33.33 x 3, in floating point 99.98999...) inside.
  if (Math.abs(sum - 100) > SUM_TOLERANCE + 1e-9) {
    throw new InputError(
      `${field} ${percents.join('/')} adds up to ${shownSum(sum)}, not 100: expected ${accepted}`,
      field,
    );
  }
}

function checkAmount(value: unknown, field: string, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InputError(`${field} must be an amount in dollars${what}`, field);
  }
  if (value < 0) throw new InputError(`${field}${what} cannot be negative`, field);
  if (value > LIMITS.maxAmount) {
    throw new InputError(
      `${field}${what} ${usd(value)} is above the maximum of ${usd(LIMITS.maxAmount)}`,
      field,
    );
  }
}

/**
 * Check a target bonus against the base it is paid on: a percentage from 0% to 200% of base, or
 * an amount (at most $100,000,000) that comes to no more than 200% of base (data/offer.json,
 * `limits`). Throws an InputError naming `fields.bonus`, with the share of base an amount is.
 */
export function checkBonus(
  bonus: Bonus,
  base: number,
  fields: Pick<OfferFieldNames, 'bonus' | 'base'>,
): void {
  const max = LIMITS.maxBonusPercent;
  if (bonus.kind === 'percent') {
    if (typeof bonus.value !== 'number' || !Number.isFinite(bonus.value) || bonus.value < 0) {
      throw new InputError(
        `${fields.bonus} must be a percentage of base from 0% to ${max}%`,
        fields.bonus,
      );
    }
    if (bonus.value > max / 100) {
      throw new InputError(
        `${fields.bonus} ${shownSum(bonus.value * 100)}% is above ${max}% of base`,
        fields.bonus,
      );
    }
  } else if (bonus.kind === 'amount') {
    checkAmount(bonus.value, fields.bonus, '');
    // The same bound as for a percentage: an amount is judged as the share of base it is.
    if (bonus.value * 100 > base * max) {
      throw new InputError(
        `${fields.bonus} ${usd(bonus.value)} is ${shownPercent(bonus.value / base, max)}% of ${fields.base} ${usd(base)}, above ${max}% of base`,
        fields.bonus,
      );
    }
  } else {
    throw new InputError(`${fields.bonus} must be a percentage of base or an amount`, fields.bonus);
  }
}

/**
 * Check that a sign-on is paid within the years the schedule shows: no more entries than
 * `vesting` has years. The message shows the schedule as given: its preset id, or its yearly
 * percentages (`10/20/30/40`), never the id `custom`.
 */
export function checkSignOnYears(
  signOn: readonly number[],
  vesting: Vesting,
  fields: Pick<OfferFieldNames, 'signOn' | 'vesting'>,
): void {
  const years = vesting.percents.length;
  if (signOn.length > years) {
    const shown = vesting.id === 'custom' ? vesting.percents.join('/') : vesting.id;
    throw new InputError(
      `${fields.signOn} lists ${signOn.length} years, more than the ${years} of the vesting schedule (${fields.vesting} ${shown})`,
      fields.signOn,
    );
  }
}

/**
 * Check an offer for values out of bounds and for terms that contradict each other, throwing an
 * InputError that names the flag (or the name in `fields`, for an offer file or a batch record):
 * a base of $0; a bonus over 200% of base (`checkBonus`); more sign-on years than vesting years
 * (`checkSignOnYears`); `--refresh` or `--private` without `--equity`; a schedule that is not
 * 1-10 years adding up to 100; a growth outside -100%..+1000%.
 */
export function checkOffer(terms: OfferTerms, fields: OfferFieldNames = OFFER_FLAGS): void {
  checkAmount(terms.base, fields.base, '');
  if (terms.base === 0) throw new InputError(`${fields.base} must be more than $0`, fields.base);
  if (terms.bonus !== null) checkBonus(terms.bonus, terms.base, fields);

  checkAmount(terms.equity, fields.equity, '');
  checkVestingPercents(terms.vesting.percents, fields.vesting);

  terms.signOn.forEach((s, i) => checkAmount(s, fields.signOn, ` year ${i + 1}`));
  checkSignOnYears(terms.signOn, terms.vesting, fields);

  checkAmount(terms.refresh, fields.refresh, '');
  if (terms.refresh > 0 && terms.equity === 0) {
    throw new InputError(
      `${fields.refresh} needs ${fields.equity}: a refresher adds to a stock grant, and the offer has none`,
      fields.refresh,
    );
  }

  const g = LIMITS.growthPercent;
  if (typeof terms.growth !== 'number' || !Number.isFinite(terms.growth)) {
    throw new InputError(
      `${fields.growth} must be a percentage from ${g.min}% to ${g.max}%`,
      fields.growth,
    );
  }
  if (terms.growth < g.min / 100 || terms.growth > g.max / 100) {
    throw new InputError(
      `${fields.growth} ${shownSum(terms.growth * 100)}% is outside ${g.min}% to ${g.max}% a year`,
      fields.growth,
    );
  }

  if (terms.private && terms.equity === 0) {
    throw new InputError(
      `${fields.private} describes the equity, but the offer has none (${fields.equity})`,
      fields.private,
    );
  }
}

/** The target bonus in dollars a year: percent x base, or the amount (0 for none). */
export function targetBonus(terms: OfferTerms): number {
  const bonus = terms.bonus;
  if (bonus === null) return 0;
  return Math.round(bonus.kind === 'percent' ? bonus.value * terms.base : bonus.value);
}

/** One year of an offer, whole dollars; `total` is exactly the sum of the four parts. */
export interface OfferYear {
  year: number;
  base: number;
  bonus: number;
  /** Stock vested that year: the initial grant's share plus every refresher's. */
  equity: number;
  signOn: number;
  total: number;
}

/**
 * The offer year by year, from year 1 to the schedule's last year.
 *
 * Base is flat and the bonus is its target every year. The sign-on is the list's entry for that
 * year (0 after it ends). Stock is the initial grant's vest plus **stacked refreshers**: a
 * refresher of `refresh` dollars is granted each year from year 1 and vests on the same schedule
 * from the year after its grant (the one granted in year k vests percents[0] in year k+1,
 * percents[1] in year k+2, ...); those granted too late to vest within the schedule's years are
 * not shown.
 *
 * Growth convention: every grant's dollar value is fixed on its grant date (the initial grant at
 * the start of year 1, the year-k refresher at the end of year k); its vest in its j-th vesting
 * year is worth grant x percents[j-1] x (1 + growth)^(j - 1/2), the stock price at the middle of
 * that year (shares vest through the year: monthly, quarterly, or in halves). So the initial
 * grant in year y is grant x percents[y-1] x (1 + g)^(y - 1/2). Growth 0 gives exactly
 * grant x percent.
 */
export function offerYears(terms: OfferTerms): OfferYear[] {
  checkOffer(terms);
  const percents = terms.vesting.percents;
  const g = terms.growth;
  const grown = (j: number): number => (g === 0 ? 1 : (1 + g) ** (j - 0.5));
  const vest = (grant: number, j: number): number => ((grant * percents[j - 1]!) / 100) * grown(j);
  const base = Math.round(terms.base);
  const bonus = targetBonus(terms);
  return percents.map((_, i) => {
    const year = i + 1;
    let stock = vest(terms.equity, year);
    // Refreshers granted in years 1 .. year-1: the one from year k is in its (year - k)-th vest.
    for (let k = 1; k < year; k++) stock += vest(terms.refresh, year - k);
    const equity = Math.round(stock);
    const signOn = Math.round(terms.signOn[i] ?? 0);
    return { year, base, bonus, equity, signOn, total: base + bonus + equity + signOn };
  });
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
  checkOffer(terms);
  const base = Math.round(terms.base);
  const equity = Math.round(terms.equity / terms.vesting.percents.length);
  const bonus = targetBonus(terms);
  const signOnSum = terms.signOn.reduce((a, b) => a + b, 0);
  const signOn = Math.round(signOnSum / model.annualized.signOnYears);
  return { base, equity, bonus, signOn, total: base + equity + bonus + signOn };
}

/** The market ranges an offer is judged against (the estimate's, whole dollars a year). */
export interface OfferMarket {
  base: Range;
  bonus: Range;
  equity: Range;
  total: Range;
}

/** Where each part of an offer sits against the market; `cash` only for a private company. */
export interface OfferPosition {
  base: Position;
  bonus: Position;
  equity: Position;
  total: Position;
  cash?: Position;
}

/**
 * Where the offer sits against the market, per component and for the total, each from its own
 * range (percentiles of parts do not add up to the total's):
 * - base vs the market base; bonus (the target) vs the market bonus;
 * - equity per year (grant / vesting years) vs the market equity, which is a yearly grant value;
 * - total = base + target bonus + grant / vesting years vs the market total. **Sign-on is left
 *   out**, because the market figures have none: the estimate is base + bonus + equity.
 * - With `private: true`, also `cash` = base + target bonus vs the market's cash range (the sums
 *   of base's and bonus's percentiles, P10 + P10 and so on: an approximation). The equity, and so the
 *   total, is judged at its paper value, as stated: a private grant cannot be sold, and Carta's
 *   advice is that its lower bound is $0 ("The lower bound value of your option grant is $0. That
 *   is also the default value.", Carta's offer letter, https://carta.com/blog/a-better-offer-letter/),
 *   which is why the cash is judged on its own.
 */
export function offerPosition(terms: OfferTerms, market: OfferMarket): OfferPosition {
  const a = annualized(terms);
  const result: OfferPosition = {
    base: position(a.base, market.base),
    bonus: position(a.bonus, market.bonus),
    equity: position(a.equity, market.equity),
    total: position(a.base + a.bonus + a.equity, market.total),
  };
  if (terms.private) {
    const { base, bonus } = market;
    const cash: Range = {
      low: base.low + bonus.low,
      p25: base.p25 + bonus.p25,
      mid: base.mid + bonus.mid,
      p75: base.p75 + bonus.p75,
      high: base.high + bonus.high,
    };
    result.cash = position(a.base + a.bonus, cash);
  }
  return result;
}
