import model from '../../data/offer.json' with { type: 'json' };
import { InputError } from '../errors.js';
import { groupThousands, money } from '../model/format.js';
import { didYouMean, oddCharacter } from './names.js';
import { clip } from './numbers.js';
import {
  checkVestingPercents,
  type Bonus,
  type Vesting,
  type VestingPreset,
} from '../model/offer.js';

const LIMITS = model.limits;

/**
 * An amount: an optional `$`, digits (plain, or grouped in threes by commas), optional decimals,
 * an optional `k` (thousand) or `m` (million) in either case.
 */
const AMOUNT = /^\$?(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d+))?([km])?$/i;
/** A plain non-negative decimal, as for --years: `15`, `2.5`, `.5`. */
const DECIMAL = /^(?:\d+(?:\.\d+)?|\.\d+)$/;
/** A leading minus (ASCII or U+2212), before or after the `$`. */
const NEGATIVE = /^\$?\s*[-\u2212]/;

const AMOUNT_FORMS = 'whole dollars like 185000, 185,000, 185k or $1.2M';

/** `label` is what the message calls the value (`--base`, `--sign-on item 2`). */
function readAmount(raw: string, field: string, label: string, accepted: string): number {
  const text = raw.trim();
  if (text === '') throw new InputError(`${label} is empty: expected ${accepted}`, field);
  if (NEGATIVE.test(text)) {
    throw new InputError(
      `${label} '${clip(text)}' cannot be negative: expected ${accepted}`,
      field,
    );
  }
  const m = AMOUNT.exec(text);
  if (!m || (m[1] === '' && m[2] === undefined)) {
    const why = text.includes(',')
      ? ' (commas must separate groups of three digits, like 1,200,000)'
      : '';
    throw new InputError(
      `${label} '${clip(text)}' is not an amount${why}: expected ${accepted}`,
      field,
    );
  }
  // Exact decimal arithmetic on the digits, so 1.0005k is $1,000.50 (rounds to $1,001), not 1000.4999...
  const whole = m[1]!.replace(/,/g, '') || '0';
  const fraction = m[2] ?? '';
  const shift = m[3] === undefined ? 0 : m[3].toLowerCase() === 'k' ? 3 : 6;
  const digits = whole + fraction.slice(0, shift).padEnd(shift, '0');
  const rest = fraction.slice(shift);
  const value = Number(digits) + (rest !== '' && rest[0]! >= '5' ? 1 : 0);
  if (value > LIMITS.maxAmount) {
    throw new InputError(
      `${label} '${clip(text)}' is above the maximum of ${money(LIMITS.maxAmount)}: expected ${accepted}`,
      field,
    );
  }
  return value;
}

/**
 * Parse an amount of US dollars: `185000`, `185,000`, `185k`, `$185K`, `1.2m`, `$1,200,000.50`,
 * spaces around it. Returns whole dollars (half a dollar rounds up). Rejects an empty text, a
 * negative, anything else (`12abc`, `1e5`, `0x10`, `NaN`, `Infinity`, commas not grouping threes
 * such as `18,50,00`) and amounts above $100,000,000 (data/offer.json, `limits`), each with an
 * InputError naming `field` and the accepted forms.
 */
export function parseAmount(text: string, field: string): number {
  return readAmount(text, field, field, AMOUNT_FORMS);
}

/** The digits of an amount as written (AMOUNT), k and m applied: [whole part, fraction part]. */
function amountDigits(t: string, field: string, what: string, accepted: string): [string, string] {
  if (t === '') throw new InputError(`${field} is empty: expected ${accepted}`, field);
  if (NEGATIVE.test(t))
    throw new InputError(`${field} '${clip(t)}' cannot be negative: expected ${accepted}`, field);
  const m = AMOUNT.exec(t);
  if (!m || (m[1] === '' && m[2] === undefined))
    throw new InputError(`${field} '${clip(t)}' is not ${what}: expected ${accepted}`, field);
  const whole = m[1]!.replace(/,/g, '') || '0';
  const fraction = m[2] ?? '';
  const shift = m[3] === undefined ? 0 : m[3].toLowerCase() === 'k' ? 3 : 6;
  return [whole + fraction.slice(0, shift).padEnd(shift, '0'), fraction.slice(shift)];
}

/**
 * Parse a price a share in dollars and cents, as amounts are written (`1.20`, `$0.85`,
 * `1,250.50`, `$1.5k`), kept to a hundredth of a cent: above $0 unless `zero`, at most
 * `limits.maxSharePrice` (data/offer.json). An InputError names `field`.
 */
export function parsePrice(text: string, field: string, zero = false): number {
  const max = LIMITS.maxSharePrice;
  const accepted = `a price a share in dollars like 1.20 or $0.85, at most $${groupThousands(max)}`;
  const t = text.trim();
  const [whole, rest] = amountDigits(t, field, 'a price', accepted);
  const value = Math.round(Number(`${whole}.${rest || '0'}`) * 1e6) / 1e6;
  if (value > max)
    throw new InputError(`${field} '${clip(t)}' is above the maximum: expected ${accepted}`, field);
  if (value === 0 && !zero)
    throw new InputError(`${field} must be more than $0: expected ${accepted}`, field);
  return value;
}

/**
 * Parse a count of options or shares: a whole number written as amounts are (`40000`,
 * `40,000`, `40k`, `1.5m`), from 1 to `limits.maxOptions`; no `$`, no fraction left over.
 */
export function parseCount(text: string, field: string): number {
  const max = LIMITS.maxOptions;
  const accepted = `a whole number of options like 40000, 40,000 or 40k, at most ${groupThousands(max)}`;
  const t = text.trim();
  if (t.startsWith('$'))
    throw new InputError(
      `${field} '${clip(t)}' is a number of options, not dollars: expected ${accepted}`,
      field,
    );
  const [whole, rest] = amountDigits(t, field, 'a number', accepted);
  if (/[1-9]/.test(rest))
    throw new InputError(
      `${field} '${clip(t)}' is not a whole number: expected ${accepted}`,
      field,
    );
  const value = Number(whole);
  if (value < 1 || value > max)
    throw new InputError(
      `${field} '${clip(t)}' is outside 1 to ${groupThousands(max)}: expected ${accepted}`,
      field,
    );
  return value;
}

/**
 * Parse a comma-separated list of amounts, one per year (`--sign-on 50000,30000`).
 *
 * Commas separate the items, except where one is a thousands separator: a comma-part of exactly
 * three digits that follows a part of 1 to 3 digits (with an optional `$`), or follows such a
 * merged group, continues that number. So `50,000,30,000` and `$50,000,$30,000` are
 * [50000, 30000], `1,200,000` is one amount, and `50000,30000`, `50k,30k` are two. The last
 * three-digit part of a number may carry decimals (`1,200,000.50`). A space right after a comma
 * starts a new item (`50,000, 30,000` is still [50000, 30000]). Each item is then an amount as
 * for `parseAmount`; an empty item (`50000,,30000`, a trailing comma) is an error.
 */
export function parseAmountList(text: string, field: string): number[] {
  const accepted = `amounts separated by commas, one per year, like 50000,30000 or 50k,30k`;
  if (text.trim() === '') throw new InputError(`${field} is empty: expected ${accepted}`, field);
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
    if (item.trim() === '') {
      throw new InputError(`${label} is empty: expected ${accepted}`, field);
    }
    return readAmount(item, field, label, `${AMOUNT_FORMS}; ${accepted}`);
  });
}

/**
 * Parse a target bonus: a percentage of base (`15%`, `12.5%`, from 0% to 200% inclusive:
 * data/offer.json, `limits`) or an amount as for `parseAmount` (`30000`, `30k`).
 */
export function parseBonus(text: string, field: string): Bonus {
  const max = LIMITS.maxBonusPercent;
  const accepted = `a percentage of base from 0% to ${max}% like 15%, or an amount like 30000 or 30k`;
  const t = text.trim();
  if (t.endsWith('%')) {
    const number = t.slice(0, -1).trim();
    if (NEGATIVE.test(number)) {
      throw new InputError(`${field} '${clip(t)}' cannot be negative: expected ${accepted}`, field);
    }
    if (!DECIMAL.test(number)) {
      throw new InputError(
        `${field} '${clip(t)}' is not a percentage: expected ${accepted}`,
        field,
      );
    }
    const percent = Number(number);
    if (percent > max) {
      throw new InputError(
        `${field} ${clip(t)} is above ${max}% of base: expected ${accepted}`,
        field,
      );
    }
    return { kind: 'percent', value: percent / 100 };
  }
  // A share written as a fraction (0.15) would be 15 cents: nothing is guessed, it is refused.
  if (/^0?\.\d+$/.test(t) || t === '1') {
    throw new InputError(
      `${field} '${clip(t)}' reads as a fraction of base: write it as a percentage (${Math.round(Number(t) * 1e6) / 1e4}%) or an amount in dollars`,
      field,
    );
  }
  return { kind: 'amount', value: readAmount(t, field, field, accepted) };
}

/** Bounds for `parsePercent`, in percent: `{ min: -100, max: 1000 }` for -100%..+1000%. */
export interface PercentBounds {
  min: number;
  max: number;
}

/** The bounds of `--growth` (data/offer.json, `limits.growthPercent`). */
export const GROWTH_BOUNDS: Readonly<PercentBounds> = Object.freeze({ ...LIMITS.growthPercent });

/**
 * Parse a signed percentage such as `--growth 10%`, `+10%`, `-5%` or `2.5%` and return it as a
 * fraction (0.1, -0.05). The `%` sign is required: a bare `10` or `0.1` is rejected, because it
 * could be meant as a percent or as a fraction (0.1 for 10%) and nothing is guessed silently.
 * Bounds are in percent and inclusive.
 */
export function parsePercent(text: string, field: string, bounds: PercentBounds): number {
  const accepted = `a percentage from ${bounds.min}% to ${bounds.max}%, like 10% or -5%`;
  const t = text.trim();
  if (t === '') throw new InputError(`${field} is empty: expected ${accepted}`, field);
  const m = /^([+\-\u2212]?)\s*(.*?)\s*(%?)$/.exec(t)!;
  const [, sign, number, percentSign] = m as unknown as [string, string, string, string];
  if (!DECIMAL.test(number)) {
    throw new InputError(`${field} '${clip(t)}' is not a percentage: expected ${accepted}`, field);
  }
  const negative = sign !== '' && sign !== '+';
  if (percentSign === '') {
    const minus = negative ? '-' : '';
    const asFraction = Number((Number(number) * 100).toFixed(6));
    throw new InputError(
      `${field} '${clip(t)}' needs a % sign (${minus}${number}% or ${minus}${asFraction}%?): expected ${accepted}`,
      field,
    );
  }
  const percent = (negative ? -1 : 1) * Number(number);
  if (percent < bounds.min || percent > bounds.max) {
    throw new InputError(
      `${field} ${clip(t)} is outside ${bounds.min}% to ${bounds.max}%: expected ${accepted}`,
      field,
    );
  }
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
 * Parse a vesting schedule: a preset id from `presets` (matched ignoring case, accents, spaces,
 * dashes and underscores: `Google 2023` is `google-2023`; an unknown name, `nvidia!` too, gets a
 * "did you mean"; a name with a character no name holds, such as the Cyrillic 'а' of 'аmazon'
 * or a zero-width space, is refused naming it, as `oddCharacter` does), or a custom list of
 * yearly percentages separated by `/` (`10/20/30/40`, a `%` after each allowed; 1 to 10 years,
 * each >= 0, adding up to 100 within 0.01: the message says what it adds up to). A single number
 * is a one-year list (`100`). Returns the preset's id or `custom`, with a fresh copy of the
 * percentages.
 */
export function parseVesting(
  text: string,
  presets: readonly VestingPreset[],
  field = '--vesting',
): Vesting {
  const ids = presets.map((p) => p.id);
  const accepted = `${ids.join(', ')}, or yearly percentages adding up to 100 like 10/20/30/40`;
  const t = text.trim();
  if (t === '') throw new InputError(`${field} is empty: expected ${accepted}`, field);
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
    const hint = didYouMean(t, ids);
    const mean = hint ? ` (did you mean '${hint}'?)` : '';
    throw new InputError(
      `unknown vesting schedule '${clip(t)}' for ${field}${mean}; accepted: ${accepted}`,
      field,
    );
  }
  const parts = t.split('/').map((s) => s.trim());
  if (parts.length > LIMITS.maxVestingYears) {
    throw new InputError(
      `${field} '${clip(t)}' has ${parts.length} years, more than ${LIMITS.maxVestingYears}: expected ${accepted}`,
      field,
    );
  }
  const percents = parts.map((part, i) => {
    const number = part.endsWith('%') ? part.slice(0, -1).trim() : part;
    const year = `${field} year ${i + 1}`;
    if (number === '')
      throw new InputError(`${year} is empty in '${clip(t)}': expected ${accepted}`, field);
    if (NEGATIVE.test(number)) {
      throw new InputError(
        `${year} '${clip(part)}' cannot be negative: expected ${accepted}`,
        field,
      );
    }
    if (!DECIMAL.test(number)) {
      throw new InputError(`${year} '${clip(part)}' is not a number: expected ${accepted}`, field);
    }
    return Number(number);
  });
  checkVestingPercents(percents, field);
  return { id: 'custom', percents };
}
