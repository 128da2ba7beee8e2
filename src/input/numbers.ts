import { InputError } from '../errors.js';
import { market } from '../model/market.js';

const DECIMAL = /^(?:\d+(?:\.\d+)?|\.\d+)$/;

/** What a JSON value is, for messages: "a list", "an object", "a number", ... */
export function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/**
 * Parse years of experience strictly: plain decimal digits only (no sign, exponent, hex,
 * separators or units), from 0 to `max` (by default the bundled market's maximum). Numbers
 * already parsed (JSON) are range-checked. `asWritten` is how the input wrote a number, for
 * messages: JSON's 1e400 parses to Infinity, and is reported as 1e400.
 */
/** What a years value may be, for messages. */
const yearsAccepted = (max: number): string => `a number of years from 0 to ${max}, like 4 or 2.5`;

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
    if (text === '')
      throw new InputError(`${field} is empty: expected ${yearsAccepted(max)}`, field);
    if (!DECIMAL.test(text)) {
      const why = /^-\s*(?:\d|\.\d)/.test(text) ? ' (years cannot be negative)' : '';
      throw new InputError(
        `${field} '${clip(raw)}' is not a plain number${why}: expected ${yearsAccepted(max)}`,
        field,
      );
    }
    value = Number(text);
  } else {
    throw new InputError(
      `${field} must be a number, got ${kindOf(raw)}: expected ${yearsAccepted(max)}`,
      field,
    );
  }
  if (Number.isNaN(value)) {
    throw new InputError(`${field} NaN is not a number: expected ${yearsAccepted(max)}`, field);
  }
  if (value >= 0 && value <= max) return value;
  // As written: a long run of digits would otherwise print as 1e+22, or 1000 of them (which
  // Number() makes Infinity, above any maximum) as Infinity.
  const shown = typeof raw === 'string' ? clip(raw.trim()) : clip(asWritten ?? String(value));
  if (value < 0)
    throw new InputError(`${field} ${shown} is negative: expected ${yearsAccepted(max)}`, field);
  throw new InputError(
    `${field} ${shown} is above the maximum of ${max}: expected ${yearsAccepted(max)}`,
    field,
  );
}

/** Shorten and make printable a user value for an error message. */
export function clip(text: string, max = 40): string {
  // eslint-disable-next-line no-control-regex
  const printable = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return printable.length > max ? `${printable.slice(0, max)}...` : printable;
}
