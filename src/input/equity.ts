// The equity terms of an offer as given (flags, offer files, batch records, answers): a stage,
// an option type, months, a vesting cadence, a clawback. Pure; names come from the caller.
import startup from '../../data/startup.json' with { type: 'json' };
import { InputError } from '../errors.js';
import { STAGES, type Stage } from '../model/equity.js';
import type { OptionType } from '../model/options.js';
import type { OfferFieldNames, OfferTerms, VestingPreset } from '../model/offer.js';
import type { Cadence, Clawback } from '../model/vesting.js';
import { parseCount, parsePrice } from './amounts.js';
import { didYouMean } from './names.js';
import { clip, kindOf, wholeNumber } from './numbers.js';

const key = (t: string): string =>
  t
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/** One of `ids` (case, spaces, dashes and a `series` prefix aside), or an error with a did-you-mean. */
function choice<T extends string>(
  value: unknown,
  field: string,
  ids: readonly T[],
  aliases: Record<string, T>,
): T {
  if (typeof value !== 'string')
    throw new InputError(`${field} must be one of ${ids.join(', ')}, got ${kindOf(value)}`, field);
  const k = key(value);
  const found = ids.find((id) => key(id) === k) ?? aliases[k];
  if (found) return found;
  const hint = didYouMean(value.trim(), ids);
  throw new InputError(
    `${field} '${clip(value)}' is not one of ${ids.join(', ')}${hint ? ` (did you mean '${hint}'?)` : ''}`,
    field,
  );
}

/** A stage: seed, a, b, c, d, growth or public (`Series A`, `series-b`, `late` are read too). */
export function parseStage(value: unknown, field: string): Stage {
  const series = Object.fromEntries(['a', 'b', 'c', 'd'].map((s) => [`series${s}`, s])) as Record<
    string,
    Stage
  >;
  return choice(value, field, STAGES, { ...series, late: 'growth', listed: 'public' });
}

/** An option type: iso or nso (`incentive`, `nqso`, `non-qualified` are read too). */
export function parseOptionType(value: unknown, field: string): OptionType {
  return choice(value, field, ['iso', 'nso'] as const, {
    incentive: 'iso',
    nqso: 'nso',
    nonqualified: 'nso',
    nqo: 'nso',
  });
}

/** Whole months: digits (or a JSON whole number) from `min` to `max`. */
export function parseMonths(value: unknown, field: string, min: number, max: number): number {
  const text = typeof value === 'number' ? String(value) : value;
  const n = typeof text === 'string' ? wholeNumber(text) : undefined;
  if (n === undefined)
    throw new InputError(
      `${field} ${typeof value === 'string' ? `'${clip(value)}' ` : ''}must be whole months from ${min} to ${max}, like 18`,
      field,
    );
  if (n < min || n > max)
    throw new InputError(`${field} ${n} is outside ${min} to ${max} months`, field);
  return n;
}

const EVERY: Record<string, number> = {
  monthly: 1,
  quarterly: 3,
  halfyearly: 6,
  semiannually: 6,
  yearly: 12,
  annually: 12,
};

/** Vests every 1, 3, 6 or 12 months (or monthly, quarterly, half-yearly, yearly): vests a year. */
export function parseVestEvery(value: unknown, field: string): number {
  const words = typeof value === 'string' ? EVERY[key(value)] : undefined;
  const months = words ?? parseMonths(value, field, 1, 12);
  if (![1, 3, 6, 12].includes(months))
    throw new InputError(
      `${field} ${months} does not divide a year: give 1, 3, 6 or 12 months (monthly, quarterly, half-yearly, yearly)`,
      field,
    );
  return 12 / months;
}

/** A clawback: months, prorated by default: `12`, `12:full`, `12:prorated`. */
export function parseClawback(value: unknown, field: string): Clawback {
  const text = typeof value === 'number' ? String(value) : value;
  const m =
    typeof text === 'string' ? /^\s*(\d+)\s*(?::\s*(full|prorated)\s*)?$/i.exec(text) : null;
  if (!m)
    throw new InputError(
      `${field} ${typeof value === 'string' ? `'${clip(value)}' ` : ''}must be months, prorated or full, like 12 or 12:full`,
      field,
    );
  const months = parseMonths(m[1]!, field, 1, 60);
  return { months, prorated: (m[2] ?? 'prorated').toLowerCase() === 'prorated' };
}

/**
 * The cadence of an offer's schedule: a private company's (options or --private) is the
 * startup norm of data/startup.json (a 12-month cliff, monthly vests), a listed company's its
 * preset's (a custom schedule: the `even` preset's); `cliff` and `vestsPerYear`, when given,
 * replace the cliff and the vests of every year.
 */
export function cadenceOf(
  preset: VestingPreset | undefined,
  years: number,
  isPrivate: boolean,
  given: { cliff?: number; vestsPerYear?: number },
  even: VestingPreset,
): Cadence {
  const from = preset ?? even;
  const norm = startup.vesting;
  const cliffMonths = given.cliff ?? (isPrivate ? norm.cliffMonths : from.cliffMonths);
  const perYear = given.vestsPerYear ?? (isPrivate ? 12 / norm.everyMonths : undefined);
  const vestsPerYear = Array.from(
    { length: years },
    (_, i) =>
      perYear ?? from.vestsPerYear[i] ?? from.vestsPerYear[from.vestsPerYear.length - 1] ?? 1,
  );
  return { cliffMonths, vestsPerYear };
}

/** The equity terms of a raw offer, each parsed on its own (`parseEquity`). */
export interface ParsedEquity {
  options?: number;
  strike?: number;
  fmv?: number;
  preferred?: number;
  optionType?: OptionType;
  stage?: Stage;
  cliff?: number;
  vestsPerYear?: number;
  leaveAt?: number;
  clawback?: Clawback;
  exerciseWindow?: number;
  exitPrice?: number;
}

/** The raw values `parseEquity` reads, under their offer-file keys. */
export interface RawEquity {
  options?: unknown;
  strike?: unknown;
  fmv?: unknown;
  preferred?: unknown;
  optionType?: unknown;
  stage?: unknown;
  cliff?: unknown;
  vestEvery?: unknown;
  leaveAt?: unknown;
  clawback?: unknown;
  exerciseWindow?: unknown;
  exitPrice?: unknown;
}

const asText = (value: unknown, field: string, what: string): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new InputError(`${field} must be ${what}, got ${kindOf(value)}`, field);
};

/** Each equity term that is given (not undefined or null), parsed on its own. */
export function parseEquity(raw: RawEquity, names: Record<keyof RawEquity, string>): ParsedEquity {
  const out: ParsedEquity = {};
  const has = (k: keyof RawEquity): boolean => raw[k] !== undefined && raw[k] !== null;
  const price = (k: 'strike' | 'fmv' | 'preferred' | 'exitPrice', zero = false): number =>
    parsePrice(asText(raw[k], names[k], 'a price a share like 1.20'), names[k], zero);
  if (has('options'))
    out.options = parseCount(
      asText(raw.options, names.options, 'a number of options'),
      names.options,
    );
  if (has('strike')) out.strike = price('strike', true);
  if (has('fmv')) out.fmv = price('fmv');
  if (has('preferred')) out.preferred = price('preferred');
  if (has('exitPrice')) out.exitPrice = price('exitPrice');
  if (has('optionType')) out.optionType = parseOptionType(raw.optionType, names.optionType);
  if (has('stage')) out.stage = parseStage(raw.stage, names.stage);
  if (has('cliff')) out.cliff = parseMonths(raw.cliff, names.cliff, 0, 120);
  if (has('vestEvery')) out.vestsPerYear = parseVestEvery(raw.vestEvery, names.vestEvery);
  if (has('leaveAt')) out.leaveAt = parseMonths(raw.leaveAt, names.leaveAt, 1, 120);
  if (has('clawback')) out.clawback = parseClawback(raw.clawback, names.clawback);
  if (has('exerciseWindow'))
    out.exerciseWindow = parseMonths(raw.exerciseWindow, names.exerciseWindow, 0, 120);
  return out;
}

/**
 * Refuse a flag that means nothing without another: an option's strike, FMV or type without
 * the options; options without their strike or FMV; the cliff, the vests' cadence, a clawback
 * or an exercise window without leaving early (the window: without options either); a stage
 * without stock.
 */
export function checkTogether(
  raw: RawEquity,
  e: ParsedEquity,
  equityGiven: boolean,
  names: OfferFieldNames,
): void {
  const need = (
    what: boolean,
    field: keyof OfferFieldNames,
    needs: keyof OfferFieldNames,
    why: string,
  ): void => {
    if (what)
      throw new InputError(`${names[field]} ${why}: give ${names[needs]} too`, names[field]);
  };
  const options = e.options !== undefined;
  for (const k of ['strike', 'fmv', 'optionType'] as const)
    need(e[k] !== undefined && !options, k, 'options', 'describes stock options');
  need(options && e.strike === undefined, 'options', 'strike', 'needs the price to buy each share');
  need(
    options && e.fmv === undefined,
    'options',
    'fmv',
    "needs the common stock's value today (the 409A)",
  );
  for (const k of ['cliff', 'vestEvery', 'clawback', 'exerciseWindow'] as const) {
    const given = raw[k] !== undefined && raw[k] !== null;
    need(given && e.leaveAt === undefined, k, 'leaveAt', 'shapes what leaving early keeps');
  }
  need(
    e.exerciseWindow !== undefined && !options,
    'exerciseWindow',
    'options',
    'is for stock options',
  );
  if (e.stage !== undefined && !options && !equityGiven)
    throw new InputError(
      `${names.stage} describes the equity, but the offer has none (${names.equity} or ${names.options})`,
      names.stage,
    );
}

/**
 * The grant in dollars and the preferred price: with options, a dollar grant is their value at
 * the preferred price (so the price is equity / options, and the dollar grant is 0); giving
 * the price too is refused.
 */
export function priceOptions(
  e: ParsedEquity,
  equity: number,
  names: OfferFieldNames,
): { equity: number; preferred: number | null } {
  if (e.options === undefined || equity === 0) return { equity, preferred: e.preferred ?? null };
  if (e.preferred !== undefined)
    throw new InputError(
      `${names.equity} and ${names.preferred} both price the options: give one`,
      names.equity,
    );
  return { equity: 0, preferred: Math.round((equity / e.options) * 10000) / 10000 };
}

/**
 * The equity terms: options (ISO unless said), the stage, whether the stock is private (as
 * given, else a private stage's, else options are a private company's), the cadence for that,
 * leaving early and an exit price.
 */
export function equityTerms(
  e: ParsedEquity,
  priced: { equity: number; preferred: number | null },
  givenPrivate: boolean | undefined,
  cadence: (isPrivate: boolean) => Cadence,
): Omit<OfferTerms, 'base' | 'bonus' | 'vesting' | 'signOn' | 'refresh' | 'growth'> {
  const stage = e.stage ?? null;
  const isPrivate = givenPrivate ?? (stage !== null ? stage !== 'public' : e.options !== undefined);
  return {
    equity: priced.equity,
    private: isPrivate,
    options:
      e.options === undefined
        ? null
        : { count: e.options, strike: e.strike!, fmv: e.fmv!, type: e.optionType ?? 'iso' },
    preferred: priced.preferred,
    stage,
    cadence: cadence(isPrivate),
    leaveAt: e.leaveAt ?? null,
    clawback: e.clawback ?? null,
    exerciseWindow: e.exerciseWindow,
    exitPrice: e.exitPrice ?? null,
  };
}
