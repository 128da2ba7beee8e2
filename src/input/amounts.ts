import model from '../../data/offer.json' with { type: 'json' };
import { InputError } from '../errors.js';
import { groupThousands, money } from '../model/format.js';
import { meant, oddCharacter } from './names.js';
import { clip, digitsValue, fail, isPlain, readNumber, type Typed } from './numbers.js';
import type { Bonus, Vesting, VestingPreset } from '../model/offer.js';

const LIMITS = model.limits;

const AMOUNT_FORMS = 'whole dollars like 185000, 185,000, 185k or $1.2M';

/**
 * Below this, a bare number (no `$`, `k`, `m` or commas) is not taken as dollars: `--base 185`
 * is more likely 185k, `--bonus 15` 15%, and nothing is guessed (issue 20 item 6).
 */
const BARE_FLOOR = 1000;

/** "<label> '<text>' <why>: expected <accepted>", an InputError on `field`. */
const bad = (label: string, text: string, why: string, accepted: string, field = label) =>
  new InputError(`${label} '${clip(text)}' ${why}: expected ${accepted}`, field);

/** How a number written `t` reads with a unit: `15` -> "15k ($15,000)". */
const asThousands = (t: string, n: number): string => `${t}k (${money(n * 1000)})`;

/** A typed number's digits with its k or m applied: [whole part, fraction part]. */
function shifted(t: Typed): [string, string] {
  const shift = t.unit === 'k' ? 3 : t.unit === 'm' ? 6 : 0;
  return [
    (t.whole || '0') + t.fraction.slice(0, shift).padEnd(shift, '0'),
    t.fraction.slice(shift),
  ];
}

/** A typed amount, or the InputError naming `label` (`--sign-on item 2`): not `what` it is. */
function typedAmount(text: string, field: string, label: string, what: string, accepted: string) {
  if (text === '') throw new InputError(`${label} is empty: expected ${accepted}`, field);
  const t = readNumber(text);
  if (t?.sign === '-') throw bad(label, text, 'cannot be negative', accepted, field);
  if (t === undefined || t.sign === '+' || t.unit === '%') {
    const why =
      what !== 'an amount'
        ? ''
        : t?.unit === '%'
          ? ' (a percentage is only for --bonus and --growth)'
          : text.includes(',')
            ? ' (commas must separate groups of three digits, like 1,200,000)'
            : '';
    throw bad(label, text, `is not ${what}${why}`, accepted, field);
  }
  return t;
}

/** One amount (see parseAmount); `bare` says what a bare number under BARE_FLOOR might mean. */
function readAmount(
  raw: string,
  field: string,
  label: string,
  accepted: string,
  bare: (text: string, n: number) => string = (text, n) => `did you mean ${asThousands(text, n)}?`,
): number {
  const text = raw.trim();
  const t = typedAmount(text, field, label, 'an amount', accepted);
  const [digits, cents] = shifted(t);
  const value = Number(digits);
  if (isPlain(t) && digitsValue(t) > 0 && digitsValue(t) < BARE_FLOOR) {
    throw new InputError(
      `${label} '${clip(text)}' is not clear: ${bare(text, digitsValue(t))} (a bare number under ${BARE_FLOOR} is not taken as dollars${digitsValue(t) >= 1 ? `: write $${text} for that` : ''})`,
      field,
    );
  }
  if (value > LIMITS.maxAmount)
    throw bad(label, text, `is above the maximum of ${money(LIMITS.maxAmount)}`, accepted, field);
  if (value === 0 && digitsValue(t) > 0)
    throw bad(label, text, 'is less than a dollar', accepted, field);
  // Whole dollars, as documented: cents are refused, never rounded (1.0005k is $1,000.50).
  if (/[1-9]/.test(cents)) throw bad(label, text, 'has cents', accepted, field);
  return value;
}

/**
 * Parse US dollars (`185000`, `185,000`, `185k`, `$185K`, `1.2m`, `$1,200,000.00`) into whole
 * dollars. Refused, naming `field` and the accepted forms: empty, negative, cents (`250000.75`),
 * anything else (`1e5`, `0x10`, `18,50,00`), above `limits.maxAmount` (data/offer.json).
 */
export function parseAmount(text: string, field: string): number {
  return readAmount(text, field, field, AMOUNT_FORMS);
}

/**
 * Parse a price a share written as amounts are (`1.20`, `$0.85`, `$1.5k`), kept to a hundredth
 * of a cent: above $0 unless `zero`, at most `limits.maxSharePrice` (data/offer.json).
 */
export function parsePrice(text: string, field: string, zero = false): number {
  const max = LIMITS.maxSharePrice;
  const accepted = `a price a share in dollars like 1.20 or $0.85, at most $${groupThousands(max)}`;
  const t = text.trim();
  const [whole, rest] = shifted(typedAmount(t, field, field, 'a price', accepted));
  const value = Math.round(Number(`${whole}.${rest || '0'}`) * 1e6) / 1e6;
  if (value > max) throw bad(field, t, 'is above the maximum', accepted);
  if (value === 0 && !zero) fail(field, `must be more than $0: expected ${accepted}`);
  return value;
}

/** Parse a count of options: a whole number written as amounts are (`40k`, `1.5m`), no `$`. */
export function parseCount(text: string, field: string): number {
  const max = LIMITS.maxOptions;
  const accepted = `a whole number of options like 40000, 40,000 or 40k, at most ${groupThousands(max)}`;
  const t = text.trim();
  if (t.startsWith('$')) throw bad(field, t, 'is a number of options, not dollars', accepted);
  const [whole, rest] = shifted(typedAmount(t, field, field, 'a number', accepted));
  if (/[1-9]/.test(rest)) throw bad(field, t, 'is not a whole number', accepted);
  const value = Number(whole);
  if (value < 1 || value > max)
    throw bad(field, t, `is outside 1 to ${groupThousands(max)}`, accepted);
  return value;
}

/**
 * Parse a comma-separated list of amounts, one per year (`--sign-on 50000,30000`). A comma-part
 * of exactly three digits after a part of 1 to 3 digits (`$` allowed), or after such a merged
 * group, continues that number: `50,000,30,000` is [50000, 30000], `1,200,000` one amount (its
 * last group may carry decimals). A space after a comma starts a new item. Each item is an
 * amount as for `parseAmount`; an empty item is an error.
 */
export function parseAmountList(text: string, field: string): number[] {
  const accepted = `amounts separated by commas, one per year, like 50000,30000 or 50k,30k`;
  if (text.trim() === '') fail(field, `is empty: expected ${accepted}`);
  // `1,00,000` (lakh grouping) would split into [1, 0]: commas here group threes or separate
  // years, and the whole is refused rather than read as the wrong years.
  if (/(?:^|\D)\d{1,2}(?:,\d\d)+,\d{3}(?!\d)/.test(text)) {
    fail(
      field,
      `'${clip(text.trim())}' is not a list of amounts (commas must separate groups of three digits, like 1,200,000, or years, like 50000,30000)`,
    );
  }
  const items: string[] = [];
  let open = false; // the last item can take a thousands group
  for (const part of text.split(',')) {
    if (open && /^\d{3}(?:\.\d+)?\s*$/.test(part)) {
      items[items.length - 1] += `,${part}`;
      open = /^\d{3}$/.test(part);
    } else {
      items.push(part);
      open = /^\s*\$?\d{1,3}$/.test(part);
    }
  }
  return items.map((item, i) => {
    const label = items.length === 1 ? field : `${field} item ${i + 1}`;
    if (item.trim() === '') throw new InputError(`${label} is empty: expected ${accepted}`, field);
    return readAmount(item, field, label, `${AMOUNT_FORMS}; ${accepted}`);
  });
}

/** Parse a target bonus: a percentage of base (`15%`, up to `limits`) or an amount (`30k`). */
export function parseBonus(text: string, field: string): Bonus {
  const max = LIMITS.maxBonusPercent;
  const accepted = `a percentage of base from 0% to ${max}% like 15%, or an amount like 30000 or 30k`;
  const t = text.trim();
  const typed = readNumber(t);
  if (typed === undefined && t.endsWith('%')) throw bad(field, t, 'is not a percentage', accepted);
  if (typed?.unit !== '%')
    return { kind: 'amount', value: readAmount(t, field, field, accepted, bonusMeant) };
  if (typed.sign === '-') throw bad(field, t, 'cannot be negative', accepted);
  if (typed.sign === '+' || typed.dollar || typed.grouped)
    throw bad(field, t, 'is not a percentage', accepted);
  const percent = digitsValue(typed);
  if (percent > max) fail(field, `${clip(t)} is above ${max}% of base: expected ${accepted}`);
  return { kind: 'percent', value: percent / 100 };
}

/** What a bare bonus under BARE_FLOOR may have meant: a percentage, a fraction of base, thousands. */
function bonusMeant(text: string, n: number): string {
  const max = LIMITS.maxBonusPercent;
  const readings = [
    ...(n <= max ? [`${text}%`] : []),
    ...(n <= max / 100 ? [`${Math.round(n * 1e6) / 1e4}% (${text} as a fraction of base)`] : []),
    asThousands(text, n),
  ];
  return `did you mean ${readings.slice(0, -1).join(', ')}${readings.length > 1 ? ' or ' : ''}${readings[readings.length - 1]!}?`;
}

/** A number as a percentage is written: digits, a sign, a `%` or none; no `$`, commas, k or m. */
function percentLike(t: Typed | undefined): t is Typed {
  return t !== undefined && !t.dollar && !t.grouped && (t.unit === '' || t.unit === '%');
}

/** Bounds for `parsePercent`, in percent: `{ min: -100, max: 1000 }` for -100%..+1000%. */
type PercentBounds = { min: number; max: number };

/** The bounds of `--growth` (data/offer.json, `limits.growthPercent`). */
export const GROWTH_BOUNDS: Readonly<PercentBounds> = Object.freeze({ ...LIMITS.growthPercent });

/**
 * Parse a signed percentage (`10%`, `+10%`, `-5%`) as a fraction (0.1, -0.05), within `bounds`
 * (inclusive). The `%` is required: a bare `10` or `0.1` could mean either, and is refused.
 */
export function parsePercent(text: string, field: string, bounds: PercentBounds): number {
  const accepted = `a percentage from ${bounds.min}% to ${bounds.max}%, like 10%${bounds.min < 0 ? ' or -5%' : ''}`;
  const t = text.trim();
  if (t === '') fail(field, `is empty: expected ${accepted}`);
  const typed = readNumber(t);
  if (!percentLike(typed)) throw bad(field, t, 'is not a percentage', accepted);
  const minus = typed.sign === '-' ? '-' : '';
  const number = digitsValue(typed);
  if (typed.unit === '') {
    const written = t.replace(/^[+\-\u2212]\s*/, '');
    const fraction = Number((number * 100).toFixed(6));
    throw bad(field, t, `needs a % sign (${minus}${written}% or ${minus}${fraction}%?)`, accepted);
  }
  const percent = (minus ? -1 : 1) * number;
  if (percent < bounds.min || percent > bounds.max)
    fail(field, `${clip(t)} is outside ${bounds.min}% to ${bounds.max}%: expected ${accepted}`);
  return percent === 0 ? 0 : percent / 100;
}

/**
 * What a preset's name is matched on: lower case, accents off, without spaces, dashes and
 * underscores. Other punctuation is kept, so `nvidia!` is not `nvidia` (it gets a "did you mean").
 */
function presetKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/**
 * Parse a vesting schedule: a preset id (matched as `presetKey` folds it; an unknown name gets a
 * "did you mean", an `oddCharacter` is named), or yearly percentages separated by `/`
 * (`10/20/30/40`, `%` allowed, `100` is one year) as `checkVestingPercents` takes them. Returns
 * the preset's id or `custom`, with a fresh copy of the percentages.
 */
export function parseVesting(
  text: string,
  presets: readonly VestingPreset[],
  field = '--vesting',
): Vesting {
  const ids = presets.map((p) => p.id);
  const accepted = `${ids.join(', ')}, or yearly percentages adding up to 100 like 10/20/30/40`;
  const t = text.trim();
  if (t === '') fail(field, `is empty: expected ${accepted}`);
  // As for a city's name: a look-alike letter, an invisible or control character, an emoji or a
  // symbol is named, never folded away into a preset's name nor answered with "did you mean".
  const odd = oddCharacter(t);
  if (odd !== undefined) {
    throw new InputError(
      `vesting schedule '${clip(t)}' for ${field}: ${odd}; accepted: ${accepted}`,
      field,
    );
  }
  const key = presetKey(t);
  const preset = presets.find((p) => presetKey(p.id) === key);
  if (preset) return { id: preset.id, percents: [...preset.percents] };

  if (!t.includes('/') && !/^[-+\u2212]?[\d.]/.test(t)) {
    throw new InputError(
      `unknown vesting schedule '${clip(t)}' for ${field}${meant(t, ids)}; accepted: ${accepted}`,
      field,
    );
  }
  const parts = t.split('/').map((s) => s.trim());
  if (parts.length > LIMITS.maxVestingYears)
    throw bad(field, t, `has ${parts.length} years, more than ${LIMITS.maxVestingYears}`, accepted);
  const percents = parts.map((part, i) => {
    const year = `${field} year ${i + 1}`;
    if (part === '' || part === '%')
      throw new InputError(`${year} is empty in '${clip(t)}': expected ${accepted}`, field);
    const typed = readNumber(part);
    if (typed?.sign === '-') throw bad(year, part, 'cannot be negative', accepted, field);
    if (!percentLike(typed) || typed.sign !== '')
      throw bad(year, part, 'is not a number', accepted, field);
    return digitsValue(typed);
  });
  checkVestingPercents(percents, field);
  return { id: 'custom', percents };
}

/** Percentages in a schedule may add up to 100 within this, so 33.33/33.33/33.33 passes. */
const SUM_TOLERANCE = 0.01;

/** Show a sum of percentages as a person would: 99.999999 -> "99.999999", 90.00000000001 -> "90". */
export function shownSum(sum: number): string {
  return String(Number(sum.toFixed(6)));
}

/**
 * A fraction as a percentage for a message about a bound: one decimal (500, 233.3), or as many
 * as it takes not to read as the bound itself (200.0004 is not "200").
 */
export function shownPercent(fraction: number, bound: number): string {
  const percent = fraction * 100;
  const short = Math.round(percent * 10) / 10;
  return short === bound ? shownSum(percent) : String(short);
}

/** Check yearly vesting percentages: 1 to `limits.maxVestingYears`, each >= 0, adding up to 100. */
export function checkVestingPercents(percents: readonly number[], field: string): void {
  const accepted = `yearly percentages adding up to 100, like 25/25/25/25 or 10/20/30/40`;
  if (percents.length < 1 || percents.length > LIMITS.maxVestingYears) {
    fail(
      field,
      `has ${percents.length} years: a schedule has 1 to ${LIMITS.maxVestingYears}; expected ${accepted}`,
    );
  }
  percents.forEach((p, i) => {
    const why = !Number.isFinite(p) ? 'is not a number' : p < 0 ? `(${p}) cannot be negative` : '';
    if (why) fail(field, `year ${i + 1} ${why}: expected ${accepted}`);
  });
  const sum = percents.reduce((a, b) => a + b, 0);
  // The 1e-9 keeps a sum of exactly 99.99 (33.33 x 3, in floating point 99.98999...) inside.
  if (Math.abs(sum - 100) > SUM_TOLERANCE + 1e-9)
    fail(field, `${percents.join('/')} adds up to ${shownSum(sum)}, not 100: expected ${accepted}`);
}
