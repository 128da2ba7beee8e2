// An offer as a user gives it (flags, an offer file, a batch record, answers at the prompts) into
// checked terms. Pure: names in messages come from the caller (`--sign-on` or `signOn`).
import model from '../../data/offer.json' with { type: 'json' };
import {
  checkVestingPercents,
  parseAmount,
  parseAmountList,
  parseBonus,
  parsePercent,
  shownPercent,
  GROWTH_BOUNDS,
} from './amounts.js';
import { InputError } from '../errors.js';
import { fail, kindOf, textOf } from './numbers.js';
import { MAX_FIGURE, money } from '../model/format.js';
import {
  offerYears,
  vestingPresets,
  type Bonus,
  type OfferFieldNames,
  type OfferTerms,
  type Vesting,
} from '../model/offer.js';
import { parseVesting } from './amounts.js';
import { checkEquity, checkLeaving, checkTogether, equityTerms, EQUITY_PARSE } from './equity.js';

/** An offer's terms as given: text from flags and prompts, or JSON values from a file. */
export type RawOffer = { [K in keyof ParsedTerms]?: unknown };

/** Every term's key, in the order a message names the first one given. */
export const OFFER_FIELDS = [
  ...['base', 'bonus', 'equity', 'vesting', 'signOn', 'refresh', 'growth', 'private', 'options'],
  ...['strike', 'fmv', 'preferred', 'optionType', 'stage', 'cliff', 'vestEvery', 'leaveAt'],
  ...['clawback', 'exerciseWindow', 'exitPrice'],
] as readonly (keyof RawOffer)[];

/** Names for messages about an offer file (its own keys) or a batch record's (`offer.base`, ...). */
export const offerKeys = (prefix = ''): OfferFieldNames =>
  Object.freeze(
    Object.fromEntries(OFFER_FIELDS.map((k) => [k, `${prefix}${k}`])),
  ) as OfferFieldNames;
export const OFFER_KEYS = offerKeys();

/** An amount given as text (`185k`) or as a JSON number (whole dollars, as the flags'). */
function amount(value: unknown, field: string): number {
  if (typeof value === 'string') return parseAmount(value, field);
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (value < 0) fail(field, `${value} cannot be negative`);
    return parseAmount(String(value), field);
  }
  fail(field, `must be an amount like 185000 or "185k", got ${kindOf(value)}`);
}

function bonusOf(value: unknown, field: string): Bonus {
  if (typeof value === 'string') return parseBonus(value, field);
  if (typeof value === 'number') return parseBonus(String(value), field);
  fail(field, `must be a percentage like "15%" or an amount like 30000, got ${kindOf(value)}`);
}

function vestingOf(value: unknown, field: string): Vesting {
  if (typeof value === 'string') return parseVesting(value, vestingPresets, field);
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) {
    // Numbers already: checked as they are, not joined into text and parsed again.
    checkVestingPercents(value, field);
    return { id: 'custom', percents: [...(value as number[])] };
  }
  fail(
    field,
    `must be a preset name like "amazon" or yearly percentages like "10/20/30/40" or [10, 20, 30, 40], got ${kindOf(value)}`,
  );
}

function signOnOf(value: unknown, field: string): number[] {
  const list = signOnList(value, field);
  // No schedule holds more years, so no answer could make room for them.
  const most = model.limits.maxVestingYears;
  if (list.length > most)
    fail(field, `lists ${list.length} years, more than the ${most} a vesting schedule may have`);
  return list;
}

function signOnList(value: unknown, field: string): number[] {
  if (typeof value === 'string') return parseAmountList(value, field);
  if (typeof value === 'number') return [amount(value, field)];
  if (Array.isArray(value)) return value.map((v, i) => amount(v, `${field} item ${i + 1}`));
  fail(field, `must be amounts like "50000,30000" or [50000, 30000], got ${kindOf(value)}`);
}

const growthOf = (value: unknown, field: string): number =>
  parsePercent(textOf(value, field, 'a percentage like "10%" or "-5%"'), field, GROWTH_BOUNDS);

function flag(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  fail(field, `must be true or false, got ${kindOf(value)}`);
}

/**
 * Whether a term is given: anything but absent (or JSON `null`, "none" in a file). An empty text
 * is given, and refused by its parser ("--bonus is empty: expected ..."): commander passes
 * `--bonus ""` through, and it is not silently "no bonus". (At the prompts an empty answer is
 * "none": the command leaves it out before the terms get here.)
 */
const given = (v: unknown): boolean => v !== undefined && v !== null;

/** Each term's parser, in the order they are parsed (the first bad one is named). */
const PARSE = {
  base: amount,
  bonus: bonusOf,
  equity: amount,
  vesting: vestingOf,
  signOn: signOnOf,
  refresh: amount,
  growth: growthOf,
  private: flag,
  ...EQUITY_PARSE,
} satisfies Record<string, (value: unknown, field: string) => unknown>;

/** Each term given, parsed on its own (nothing across terms is checked yet). */
type ParsedTerms = { [K in keyof typeof PARSE]?: ReturnType<(typeof PARSE)[K]> };

function parseTerms(raw: RawOffer, names: OfferFieldNames): ParsedTerms {
  const out: Record<string, unknown> = {};
  for (const [k, parse] of Object.entries(PARSE) as [keyof ParsedTerms, typeof amount][]) {
    // `private: null` is refused (must be true or false), not taken as "none".
    if (k === 'private' ? raw[k] !== undefined : given(raw[k])) out[k] = parse(raw[k], names[k]);
  }
  return out as ParsedTerms;
}

/**
 * What the flags give, checked before any question is asked: each term on its own (a typo, or an
 * empty `--bonus ""`, fails at once rather than after the answers), then the relations among
 * flags that no answer can change: a sign-on longer than the schedule given; the shape of
 * leaving early without --leave-at (never asked); a listed stage with --private; a price at an
 * exit for stock that --equity and no private flag make listed.
 */
export function checkEachTerm(raw: RawOffer, names: OfferFieldNames): void {
  const t = parseTerms(raw, names);
  if (t.signOn !== undefined && t.vesting !== undefined)
    checkSignOnYears(t.signOn, t.vesting, names);
  checkLeaving(t, names);
  if (t.stage === 'public' && t.private === true)
    fail(names.stage, `public is a listed company, but ${names.private} says private`);
  const listed = given(raw.equity) && t.options === undefined && t.private !== true;
  if (t.exitPrice !== undefined && listed && (t.stage === undefined || t.stage === 'public'))
    fail(names.exitPrice, `values private stock at an exit; this stock is listed`);
}

/**
 * The offer's terms, parsed and checked (`checkOffer`): `base` is required; a schedule needs a
 * grant (`--vesting` without `--equity` or `--options` is an error, nothing is guessed); with a
 * grant and no schedule the schedule is `even` (25/25/25/25). Options need a strike and the
 * FMV; with options, `equity` is the grant's value at the preferred price (so the preferred
 * price is equity / options). Options are a private company's unless the stage is `public`; a
 * private stage makes the stock private. The cliff, the vests' cadence, a clawback and the
 * exercise window describe leaving early: they need `leaveAt`. An empty text is an error, not
 * "none". Throws InputError naming the field as `names` names it.
 */
export function resolveOffer(raw: RawOffer, names: OfferFieldNames): OfferTerms {
  if (!given(raw.base)) fail(names.base, `is required`);
  const t = parseTerms(raw, names);
  checkTogether(t, t.equity !== undefined, names);
  if (t.vesting !== undefined && !t.equity && t.options === undefined) {
    fail(
      names.vesting,
      `is a schedule for a stock grant: give the grant with ${names.equity} or ${names.options}`,
    );
  }
  const even = vestingPresets.find((p) => p.id === 'even')!;
  const vesting = t.vesting ?? { id: even.id, percents: [...even.percents] };
  const preset = vestingPresets.find((p) => p.id === vesting.id) ?? even;
  const terms: OfferTerms = {
    base: t.base!,
    bonus: t.bonus ?? null,
    vesting,
    signOn: t.signOn ?? [],
    refresh: t.refresh ?? 0,
    growth: t.growth ?? 0,
    ...equityTerms(t, t.equity ?? 0, t.private, vesting, preset, names),
  };
  checkOffer(terms, names);
  return terms;
}

const MAX_BONUS = model.limits.maxBonusPercent;

/**
 * Check a target bonus against the base it is paid on (each was checked on its own as parsed):
 * an amount may come to no more than 200% of base, as a percentage may not (data/offer.json,
 * `limits`). Throws an InputError naming `fields.bonus`, with the share of base an amount is.
 */
export function checkBonus(
  bonus: Bonus,
  base: number,
  fields: Pick<OfferFieldNames, 'bonus' | 'base'>,
): void {
  if (bonus.kind === 'amount' && bonus.value * 100 > base * MAX_BONUS) {
    fail(
      fields.bonus,
      `${money(bonus.value)} is ${shownPercent(bonus.value / base, MAX_BONUS)}% of ${fields.base} ${money(base)}, above ${MAX_BONUS}% of base`,
    );
  }
}

/**
 * Check that a sign-on is paid within the years the offer shows: no more entries than its
 * schedule has years. The message shows the schedule as given: its preset id, or its yearly
 * percentages (`10/20/30/40`), never the id `custom`; an offer without stock shows 4 years.
 */
export function checkSignOnYears(
  signOn: readonly number[],
  vesting: Vesting,
  fields: Pick<OfferFieldNames, 'signOn' | 'vesting' | 'equity'>,
  stock = true,
): void {
  const years = vesting.percents.length;
  if (signOn.length <= years) return;
  const why = stock
    ? `the ${years} of the vesting schedule (${fields.vesting} ${vesting.id === 'custom' ? vesting.percents.join('/') : vesting.id})`
    : `the ${years} years shown for an offer without stock (with ${fields.equity}, a ${fields.vesting} of ${signOn.length} years or more shows them all)`;
  fail(fields.signOn, `lists ${signOn.length} years, more than ${why}`);
}

/**
 * Check the terms against each other, once, after each was parsed and checked on its own: a
 * base above $0, a bonus within 200% of base, no more sign-on years than the schedule has, no
 * refresher, growth or private flag without stock, the equity terms together (checkEquity), and
 * no year above MAX_FIGURE (issue 20 item 9: a year of a $100M grant growing 1000% a year went
 * past 2^53). Throws InputError naming the field as `fields` names it.
 */
export function checkOffer(terms: OfferTerms, fields: OfferFieldNames): void {
  if (terms.base === 0) fail(fields.base, `must be more than $0`);
  if (terms.bonus !== null) checkBonus(terms.bonus, terms.base, fields);
  const stock = terms.equity > 0 || !!terms.options;
  checkSignOnYears(terms.signOn, terms.vesting, fields, stock);
  if (terms.refresh > 0 && terms.equity === 0) {
    fail(
      fields.refresh,
      `needs ${fields.equity}: a refresher adds to a stock grant, and the offer has none`,
    );
  }
  if (terms.growth !== 0 && !stock) {
    fail(
      fields.growth,
      `needs ${fields.equity}: growth moves the stock's price, and the offer has no stock`,
    );
  }
  if (terms.private && !stock)
    fail(fields.private, `describes the equity, but the offer has none (${fields.equity})`);
  checkEquity(terms, fields);
  for (const y of offerYears(terms)) {
    if (y.total > MAX_FIGURE || y.equity > MAX_FIGURE) {
      throw new InputError(
        `the offer passes ${money(MAX_FIGURE)}, the most ml-salary shows, in year ${y.year}: check ${fields.equity}, ${fields.refresh} and ${fields.growth}`,
        stock ? fields.growth : fields.base,
      );
    }
  }
}
