// A saved profile (`ml-salary profile save`): the answers a user would otherwise type every time,
// kept in their config folder (read by cli/profile-file.ts). Every value is resolved by the same
// code as the flags, so a hand-edited file gets the flags' messages.
import { InputError } from '../errors.js';
import { clip, fail, kindOf } from './numbers.js';
import { fieldName, resolveProfile } from './profile.js';
import { PROFILE_FIELDS, type Market, type Profile } from '../model/types.js';

/** What a saved profile may hold, in the order it is written and shown. */
export const SAVED_FIELDS = [...PROFILE_FIELDS, 'state', 'filing'] as const;
export type SavedField = (typeof SAVED_FIELDS)[number];

/** A checked saved profile: catalogue ids, a state code, a filing status; each part optional. */
export type SavedProfile = Partial<Profile> & { state?: string; filing?: 'single' | 'married' };

const got = (value: unknown): string =>
  typeof value === 'string' ? `'${clip(value)}'` : kindOf(value);

/** A state as a profile holds it: a two-letter code, or `none` (federal taxes only). */
function stateCode(value: unknown): string {
  if (typeof value !== 'string' || !/^\s*([A-Za-z]{2}|none)\s*$/i.test(value))
    fail('state', `must be a two-letter state code like "CA", or "none", got ${got(value)}`);
  const t = value.trim();
  return t.toLowerCase() === 'none' ? 'none' : t.toUpperCase();
}

/**
 * Check raw values (from a file, or from flags and answers before saving) into a saved profile.
 * Only the fields given are kept; the state is one of `states` (the tax tables' codes) when
 * given. An InputError names the field.
 */
export function checkSavedProfile(
  raw: Partial<Record<SavedField, unknown>>,
  market: Market,
  states?: readonly string[],
): SavedProfile {
  const given = (k: SavedField): boolean => raw[k] !== undefined && raw[k] !== null;
  const { profile } = resolveProfile(
    { ...raw, years: given('years') ? raw.years : 0 },
    market,
    fieldName,
  );
  const out: SavedProfile = {};
  for (const k of PROFILE_FIELDS) if (given(k)) Object.assign(out, { [k]: profile[k] });
  if (given('state')) out.state = stateCode(raw.state);
  if (given('filing')) {
    const f = typeof raw.filing === 'string' ? raw.filing.trim().toLowerCase() : raw.filing;
    if (f !== 'single' && f !== 'married')
      fail('filing', `must be "single" or "married", got ${got(raw.filing)}`);
    out.filing = f;
  }
  const state = out.state;
  if (states && state !== undefined && state !== 'none' && !states.includes(state))
    fail('state', `'${state}' is not one the tax tables know (${states.join(', ')}, or none)`);
  return out;
}

/** Check a saved profile file's parsed JSON: one object of known keys. */
export function checkSavedFile(
  value: unknown,
  market: Market,
  states?: readonly string[],
): SavedProfile {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InputError(`a profile is a JSON object, got ${kindOf(value)}`, 'file');
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
  return checkSavedProfile(own, market, states);
}

/** The fields given, in order: the file's text (pretty JSON) and the flags that give it. */
const givenFields = (saved: SavedProfile): SavedField[] =>
  SAVED_FIELDS.filter((k) => saved[k] !== undefined);

export const savedProfileText = (saved: SavedProfile): string =>
  `${JSON.stringify(Object.fromEntries(givenFields(saved).map((k) => [k, saved[k]])), null, 2)}\n`;

/** The profile as the flags that give it (`--years 5 --city sf`), skills comma-separated. */
export function savedProfileFlags(saved: SavedProfile): [flag: string, value: string][] {
  return givenFields(saved).map((k) => {
    const value = saved[k]!;
    return [`--${k}`, Array.isArray(value) ? value.join(',') : String(value)];
  });
}
