import { InputError } from '../errors.js';
import { market } from '../model/market.js';

/**
 * A number as a person types it, in parts (nothing converted yet): every number ml-salary reads
 * from text (years, amounts, percentages, a schedule's years) is read by `readNumber`, and each
 * parser says which parts it takes.
 */
export interface Typed {
  /** A leading minus (ASCII or U+2212, before or after a `$`); `+` when a plus was written. */
  sign: '' | '+' | '-';
  dollar: boolean;
  /** The digits before the point, commas taken out ('' for `.5`). */
  whole: string;
  /** The digits after the point ('' for none). */
  fraction: string;
  /** The whole part was grouped in threes by commas (`1,200,000`). */
  grouped: boolean;
  /** A `k` (thousand), `m` (million) or `%` after the digits. */
  unit: '' | 'k' | 'm' | '%';
}

const TYPED =
  /^([+\-\u2212]?)\s*(\$?)\s*([+\-\u2212]?)\s*([1-9]\d{0,2}(?:,\d{3})+|0|\d*)(?:\.(\d+))?\s*([km%]?)$/i;

/**
 * The parts of a number as typed, or undefined when the text is not one: an optional sign, an
 * optional `$`, digits (plain, or grouped in threes by commas without a leading 0), an optional
 * fraction, an optional `k`, `m` or `%`; spaces around it. No exponent, hex, NaN or Infinity.
 */
export function readNumber(text: string): Typed | undefined {
  const m = TYPED.exec(text.trim());
  if (!m) return undefined;
  const [, before, dollar, after, whole, fraction, unit] = m as unknown as string[];
  if (whole === '' && fraction === undefined) return undefined;
  if (before !== '' && after !== '') return undefined;
  const sign = before || after;
  return {
    sign: sign === '' ? '' : sign === '+' ? '+' : '-',
    dollar: dollar === '$',
    whole: whole!.replace(/,/g, ''),
    fraction: fraction ?? '',
    grouped: whole!.includes(','),
    unit: (unit ?? '').toLowerCase() as Typed['unit'],
  };
}

/** Whether a typed number is a plain decimal (`15`, `2.5`, `.5`): no sign, `$`, commas or unit. */
export function isPlain(t: Typed | undefined): boolean {
  return t !== undefined && t.sign === '' && !t.dollar && !t.grouped && t.unit === '';
}

/** A whole number typed plainly (`18`, ` 7 `: no sign, fraction, commas or unit), or undefined. */
export function wholeNumber(text: string): number | undefined {
  const t = readNumber(text);
  return isPlain(t) && t!.fraction === '' && t!.whole !== '' ? Number(t!.whole) : undefined;
}

/** The value of the digits (sign, `$` and unit left to the caller). */
export function digitsValue(t: Typed): number {
  return Number(`${t.whole || '0'}.${t.fraction || '0'}`);
}

/** Throw the InputError on `field` that reads "<field> <why>". */
export function fail(field: string, why: string): never {
  throw new InputError(`${field} ${why}`, field);
}

/** What a JSON value is, for messages: "a list", "an object", "a number", ... */
export function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/**
 * A JSON value as the text a parser reads: a string (with `numbers`, a finite number too), or an
 * InputError "<field> must be <what>, got a list".
 */
export function textOf(value: unknown, field: string, what: string, numbers = false): string {
  if (typeof value === 'string') return value;
  if (numbers && typeof value === 'number' && Number.isFinite(value)) return String(value);
  fail(field, `must be ${what}, got ${kindOf(value)}`);
}

/** What a years value may be, for messages. */
const yearsAccepted = (max: number): string =>
  `a number of years from 0 to ${max}, like ${max >= 4 ? '4 or 2.5' : `${Math.floor(max / 2)} or ${max / 2}`}`;

/**
 * Parse years of experience strictly: plain decimal digits only (no sign, exponent, hex,
 * separators or units), from 0 to `max` (by default the bundled market's maximum). Numbers
 * already parsed (JSON) are range-checked. `asWritten` is how the input wrote a number, for
 * messages: JSON's 1e400 parses to Infinity, and is reported as 1e400.
 */
export function parseYears(
  raw: unknown,
  max: number = market.experience.maxYears,
  field = 'years',
  asWritten?: string,
): number {
  let value: number;
  if (typeof raw === 'number') {
    value = raw;
  } else if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') fail(field, `is empty: expected ${yearsAccepted(max)}`);
    const typed = readNumber(text);
    if (!isPlain(typed)) {
      const why = typed?.sign === '-' ? ' (years cannot be negative)' : '';
      fail(field, `'${clip(raw)}' is not a plain number${why}: expected ${yearsAccepted(max)}`);
    }
    value = digitsValue(typed!);
  } else {
    fail(field, `must be a number, got ${kindOf(raw)}: expected ${yearsAccepted(max)}`);
  }
  if (Number.isNaN(value)) fail(field, `NaN is not a number: expected ${yearsAccepted(max)}`);
  if (value >= 0 && value <= max) return value;
  // As written: a long run of digits would otherwise print as 1e+22, or 1000 of them (which
  // Number() makes Infinity, above any maximum) as Infinity.
  const shown = typeof raw === 'string' ? clip(raw.trim()) : clip(asWritten ?? String(value));
  if (value < 0) fail(field, `${shown} is negative: expected ${yearsAccepted(max)}`);
  fail(field, `${shown} is above the maximum of ${max}: expected ${yearsAccepted(max)}`);
}

/** Shorten and make printable a user value for an error message. */
export function clip(text: string, max = 40): string {
  // eslint-disable-next-line no-control-regex
  const printable = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return printable.length > max ? `${printable.slice(0, max)}...` : printable;
}
