// A saved profile (`ml-salary profile save`): the answers a user would otherwise type every time,
// kept in their config folder (read by cli/profile-file.ts). Every value is resolved by the same
// code as the flags, so a hand-edited file gets the flags' messages.
import { InputError } from '../errors.js';
import { clip, kindOf } from './numbers.js';
import { fieldName, resolveProfile } from './profile.js';
import type { Market, Profile } from '../model/types.js';

/** What a saved profile may hold, in the order it is written and shown. */
export const SAVED_FIELDS = [
  'years',
  'city',
  'industry',
  'skills',
  'degree',
  'level',
  'state',
  'filing',
] as const;
export type SavedField = (typeof SAVED_FIELDS)[number];

/** A checked saved profile: catalogue ids, a state code, a filing status; each part optional. */
export interface SavedProfile {
  years?: number;
  city?: string;
  industry?: string;
  skills?: string[];
  degree?: string;
  level?: string;
  state?: string;
  filing?: 'single' | 'married';
}

/** A state as a profile holds it: a two-letter code, or `none` (federal taxes only). */
function stateCode(value: unknown): string {
  if (typeof value !== 'string' || !/^\s*([A-Za-z]{2}|none)\s*$/i.test(value)) {
    throw new InputError(
      `state must be a two-letter state code like "CA", or "none", got ${typeof value === 'string' ? `'${clip(value)}'` : kindOf(value)}`,
      'state',
    );
  }
  const t = value.trim();
  return t.toLowerCase() === 'none' ? 'none' : t.toUpperCase();
}

/**
 * Check raw values (from a file, or from flags and answers before saving) into a saved profile.
 * Only the fields given are kept; an InputError names the field.
 */
export function checkSavedProfile(
  raw: Partial<Record<SavedField, unknown>>,
  market: Market,
): SavedProfile {
  const given = (k: SavedField): boolean => raw[k] !== undefined && raw[k] !== null;
  const { profile } = resolveProfile(
    { ...raw, years: given('years') ? raw.years : 0 },
    market,
    fieldName,
  );
  const out: SavedProfile = {};
  for (const k of SAVED_FIELDS.slice(0, 6) as (keyof Profile & SavedField)[]) {
    if (given(k)) Object.assign(out, { [k]: profile[k] });
  }
  if (given('state')) out.state = stateCode(raw.state);
  if (given('filing')) {
    const f = typeof raw.filing === 'string' ? raw.filing.trim().toLowerCase() : raw.filing;
    if (f !== 'single' && f !== 'married') {
      throw new InputError(
        `filing must be "single" or "married", got ${typeof raw.filing === 'string' ? `'${clip(raw.filing)}'` : kindOf(raw.filing)}`,
        'filing',
      );
    }
    out.filing = f;
  }
  return out;
}

/** Check a saved profile file's parsed JSON: one object of known keys. */
export function checkSavedFile(value: unknown, market: Market): SavedProfile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`a profile is a JSON object, got ${kindOf(value)}`, 'file');
  }
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).find((k) => !(SAVED_FIELDS as readonly string[]).includes(k));
  if (unknown !== undefined) {
    throw new InputError(
      `unknown field '${clip(unknown)}'; accepted: ${SAVED_FIELDS.join(', ')}`,
      unknown,
    );
  }
  const own = Object.fromEntries(
    SAVED_FIELDS.map((k) => [k, Object.hasOwn(record, k) ? record[k] : undefined]),
  );
  return checkSavedProfile(own, market);
}

/** The file's text: the fields given, in order, as pretty JSON. */
export function savedProfileText(saved: SavedProfile): string {
  const ordered = Object.fromEntries(
    SAVED_FIELDS.filter((k) => saved[k] !== undefined).map((k) => [k, saved[k]]),
  );
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** The profile as the flags that give it (`--years 5 --city sf`), skills comma-separated. */
export function savedProfileFlags(saved: SavedProfile): [flag: string, value: string][] {
  return SAVED_FIELDS.filter((k) => saved[k] !== undefined).map((k) => {
    const value = saved[k]!;
    return [`--${k}`, Array.isArray(value) ? value.join(',') : String(value)];
  });
}
