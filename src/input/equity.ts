// The equity terms of an offer as given (flags, offer files, batch records, answers): options, a
// stage, months, a vesting cadence, a clawback; parsed once, then checked against each other.
// Pure; names in messages come from the caller.
import model from '../../data/offer.json' with { type: 'json' };
import startup from '../../data/startup.json' with { type: 'json' };
import { STAGES, type Stage } from '../model/equity.js';
import { groupThousands, plural } from '../model/format.js';
import type { Clawback, OfferFieldNames, OfferTerms, OptionTerms } from '../model/offer.js';
import type { Vesting, VestingPreset } from '../model/offer.js';
import { parseCount, parsePrice } from './amounts.js';
import { meant } from './names.js';
import { clip, fail, kindOf, textOf, wholeNumber } from './numbers.js';

const key = (t: string): string => t.toLowerCase().replace(/[\s_-]+/g, '');
/** A word's entry in a table of words, never one of Object's own (`constructor`). */
const word = <T>(table: Readonly<Record<string, T>>, text: string): T | undefined =>
  Object.hasOwn(table, key(text)) ? table[key(text)] : undefined;

/** One of `ids` (case, spaces and dashes aside) or an alias, or an error with a did-you-mean. */
function choice<T extends string>(
  value: unknown,
  field: string,
  ids: readonly T[],
  aliases: Readonly<Record<string, T>>,
): T {
  const list = ids.join(', ');
  if (typeof value !== 'string') return fail(field, `must be one of ${list}, got ${kindOf(value)}`);
  const found = ids.find((id) => key(id) === key(value)) ?? word(aliases, value);
  if (found) return found;
  return fail(field, `'${clip(value)}' is not one of ${list}${meant(value.trim(), ids)}`);
}

const series = ['a', 'b', 'c', 'd'].map((s) => [`series${s}`, s]);
/** Words read for a stage and an option type beside their ids. */
const STAGE_WORDS = Object.fromEntries([...series, ['late', 'growth'], ['listed', 'public']]);
const TYPE_WORDS = { incentive: 'iso', nqso: 'nso', nonqualified: 'nso', nqo: 'nso' } as const;

/** `'text' ` for a text value in a message. */
const quoted = (value: unknown): string => (typeof value === 'string' ? `'${clip(value)}' ` : '');

/** Whole months: digits (or a JSON whole number) from `min` to `max`. */
function parseMonths(value: unknown, field: string, min: number, max: number): number {
  const text = typeof value === 'number' ? String(value) : value;
  const n = typeof text === 'string' ? wholeNumber(text) : undefined;
  if (n === undefined)
    return fail(field, `${quoted(value)}must be whole months from ${min} to ${max}, like 18`);
  return n < min || n > max ? fail(field, `${n} is outside ${min} to ${max} months`) : n;
}

const EVERY: Record<string, number> = {
  monthly: 1,
  quarterly: 3,
  halfyearly: 6,
  semiannually: 6,
  yearly: 12,
  annually: 12,
};

/** Months between vests: 1, 3, 6 or 12 (or monthly, quarterly, half-yearly, yearly). */
function parseVestEvery(value: unknown, field: string): number {
  const months =
    (typeof value === 'string' && word(EVERY, value)) || parseMonths(value, field, 1, 12);
  return [1, 3, 6, 12].includes(months)
    ? months
    : fail(
        field,
        `${months} does not divide a year: give 1, 3, 6 or 12 months (monthly, quarterly, half-yearly, yearly)`,
      );
}

/** A clawback: months, prorated by default: `12`, `12:full`, `12:prorated`. */
function parseClawback(value: unknown, field: string): Clawback {
  const text = typeof value === 'number' ? String(value) : value;
  const m =
    typeof text === 'string' ? /^\s*(\d+)\s*(?::\s*(full|prorated)\s*)?$/i.exec(text) : null;
  if (!m)
    return fail(field, `${quoted(value)}must be months, prorated or full, like 12 or 12:full`);
  return { months: parseMonths(m[1]!, field, 1, 60), prorated: m[2]?.toLowerCase() !== 'full' };
}

/** A price a share, as text or a JSON number. */
const price = (value: unknown, field: string, zero = false): number =>
  parsePrice(textOf(value, field, 'a price a share like 1.20', true), field, zero);

/** Each equity term's parser, in the order they are parsed (input/offer.ts parses them). */
export const EQUITY_PARSE = {
  options: (v, f) => parseCount(textOf(v, f, 'a number of options', true), f),
  strike: (v, f) => price(v, f, true),
  fmv: price,
  preferred: price,
  exitPrice: price,
  optionType: (v, f) => choice(v, f, ['iso', 'nso'] as const, TYPE_WORDS),
  stage: (v, f) => choice(v, f, STAGES, STAGE_WORDS as Record<string, Stage>),
  cliff: (v, f) => parseMonths(v, f, 0, 120),
  vestEvery: parseVestEvery,
  leaveAt: (v, f) => parseMonths(v, f, 1, 120),
  clawback: parseClawback,
  exerciseWindow: (v, f) => parseMonths(v, f, 0, 120),
} satisfies Record<string, (value: unknown, field: string) => unknown>;

/** The equity terms, each parsed on its own (`vestEvery`: months between vests). */
export type ParsedEquity = {
  [K in keyof typeof EQUITY_PARSE]?: ReturnType<(typeof EQUITY_PARSE)[K]>;
};
/** The raw equity terms, under their offer-file keys. */
export type RawEquity = { [K in keyof ParsedEquity]?: unknown };

/** The cliff, the vests' cadence, a clawback or an exercise window: only with leaving early. */
export function checkLeaving(e: ParsedEquity, names: OfferFieldNames): void {
  for (const k of ['cliff', 'vestEvery', 'clawback', 'exerciseWindow'] as const)
    if (e[k] !== undefined && e.leaveAt === undefined)
      fail(names[k], `shapes what leaving early keeps: give ${names.leaveAt} too`);
}

/**
 * Refuse a term that means nothing without another: a strike, FMV or type without options;
 * options without their strike or FMV; the cliff, the vests' cadence, a clawback or an exercise
 * window without leaving early (the window: without options either); a stage without stock.
 */
export function checkTogether(e: ParsedEquity, equityGiven: boolean, names: OfferFieldNames): void {
  const need = (bad: boolean, field: keyof RawEquity, needs: keyof RawEquity, why: string) => {
    if (bad) fail(names[field], `${why}: give ${names[needs]} too`);
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
  checkLeaving(e, names);
  need(
    e.exerciseWindow !== undefined && !options,
    'exerciseWindow',
    'options',
    'is for stock options',
  );
  const none = `the offer has none (${names.equity} or ${names.options})`;
  if (e.stage && !options && !equityGiven) fail(names.stage, `describes the equity, but ${none}`);
  // A cadence of no stock would be ignored without a word (review6 D23).
  const cadence = (['cliff', 'vestEvery'] as const).find((k) => e[k] !== undefined);
  if (cadence && !options && !equityGiven)
    fail(names[cadence], `shapes when the stock vests, but ${none}`);
}

type EquityTerms = Omit<OfferTerms, 'base' | 'bonus' | 'vesting' | 'signOn' | 'refresh' | 'growth'>;

/**
 * The equity terms: options (ISO unless said), whose dollar grant `equity` is their value at the
 * preferred price (the price is equity / options, and the dollar grant 0; the price given too is
 * refused); the stage; whether the stock is private (as given, else a private stage's, else
 * options are a private company's); the cadence: a private company's the startup norm of
 * data/startup.json, a listed one's its preset's (`even` for a custom schedule), the cliff and
 * the vests a year replaced when given; leaving early and an exit price.
 */
export function equityTerms(
  e: ParsedEquity,
  equity: number,
  givenPrivate: boolean | undefined,
  vesting: Vesting,
  preset: VestingPreset,
  names: OfferFieldNames,
): EquityTerms {
  let preferred = e.preferred ?? null;
  if (e.options !== undefined && equity > 0) {
    if (preferred !== null)
      fail(names.equity, `and ${names.preferred} both price the options: give one`);
    preferred = Math.round((equity / e.options) * 10000) / 10000;
    equity = 0;
  }
  const stage = e.stage ?? null;
  const isPrivate = givenPrivate ?? (stage !== null ? stage !== 'public' : e.options !== undefined);
  const norm = startup.vesting;
  const perYear = e.vestEvery ? 12 / e.vestEvery : isPrivate ? 12 / norm.everyMonths : undefined;
  const vests = preset.vestsPerYear;
  return {
    equity,
    private: isPrivate,
    options:
      e.options === undefined
        ? null
        : { count: e.options, strike: e.strike!, fmv: e.fmv!, type: e.optionType ?? 'iso' },
    preferred,
    stage,
    cadence: {
      cliffMonths: e.cliff ?? (isPrivate ? norm.cliffMonths : preset.cliffMonths),
      vestsPerYear: vesting.percents.map(
        (_, i) => perYear ?? vests[i] ?? vests[vests.length - 1] ?? 1,
      ),
    },
    leaveAt: e.leaveAt ?? null,
    clawback: e.clawback ?? null,
    exerciseWindow: e.exerciseWindow,
    exitPrice: e.exitPrice ?? null,
  };
}

const LIMITS = model.limits;

/**
 * Check the equity terms against each other (each was bounded as parsed): the grant; a stage, a
 * preferred or an exit price need stock; the stage; the cliff and leaving lie within the
 * schedule; an exit price values private stock, with a price a share to compare it with.
 */
export function checkEquity(terms: OfferTerms, f: OfferFieldNames): void {
  const { options: o, private: isPrivate } = terms;
  const preferred = terms.preferred ?? null;
  if (o) checkGrant(o, preferred, f);
  for (const k of ['stage', 'preferred', 'exitPrice'] as const)
    if (terms[k] != null && !o && terms.equity === 0)
      fail(f[k], 'describes the equity, but the offer has none');
  if (terms.stage) checkStage(terms.stage, terms, f);
  const months = 12 * terms.vesting.percents.length;
  const within = (value: number | null | undefined, min: number, field: string) => {
    if (value != null && (value < min || value > months))
      fail(
        field,
        `must be from ${min} to ${months} months (the ${o || terms.equity > 0 ? 'vesting' : 'offer'} runs ${plural(months / 12, 'year')})`,
      );
  };
  within(terms.cadence?.cliffMonths, 0, f.cliff);
  within(terms.leaveAt, 1, f.leaveAt);
  if (terms.exitPrice == null) return;
  if (!isPrivate) fail(f.exitPrice, 'values private stock at an exit; this stock is listed');
  if (!o && preferred === null)
    fail(f.exitPrice, `is a price a share: give the grant's ${f.preferred} price too`);
}

/** A private stage is private stock (with a preferred price for options); `public` is not. */
function checkStage(stage: Stage, terms: OfferTerms, f: OfferFieldNames): void {
  if (stage === 'public') {
    if (terms.private) fail(f.stage, `public is a listed company, but ${f.private} says private`);
    return;
  }
  if (terms.options && terms.preferred == null)
    fail(
      f.stage,
      `${stage}: the odds at an exit are of the last preferred price; give ${f.preferred} (or ${f.equity}, the grant's value at it)`,
    );
  if (!terms.private) fail(f.stage, `${stage} is a private company: give ${f.private} too`);
}

/** An option grant worth at most `limits.maxAmount`; a derived preferred price within bounds. */
function checkGrant(o: OptionTerms, preferred: number | null, f: OfferFieldNames): void {
  const max = LIMITS.maxSharePrice;
  if (preferred !== null && !(preferred > 0 && preferred <= max))
    fail(f.preferred, `must be a price a share above $0 and at most $${groupThousands(max)}`);
  const top = Math.max(o.fmv, preferred ?? 0);
  if (o.count * top > LIMITS.maxAmount)
    fail(
      f.options,
      `${groupThousands(o.count)} options at $${top} a share are worth more than the maximum grant of $${groupThousands(LIMITS.maxAmount)}`,
    );
}
