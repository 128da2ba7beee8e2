import { InputError } from '../errors.js';
import { renamedNote, resolveName, resolveSkills } from './names.js';
import { byYears, readLevel, titleNote } from './level.js';
import { fail, kindOf, parseYears } from './numbers.js';
import type { Market, Profile, ProfileField } from '../model/types.js';

/** A profile as a user gives it: human names or aliases, years as text or number, parts missing. */
export interface RawProfile {
  years?: unknown;
  /** How the input wrote `years`, for messages, when it is a JSON number (1e400 is Infinity). */
  yearsText?: string;
  city?: unknown;
  industry?: unknown;
  skills?: unknown;
  degree?: unknown;
  /** A level or a company title; when given it overrides the level the years imply (`years`: not). */
  level?: unknown;
}

export interface ResolvedProfile {
  profile: Profile;
  /** Fields that were not given and took the documented default. */
  defaulted: ProfileField[];
  /** Notes for old names that still resolve ('finance'), for stderr. */
  notes: string[];
  /** A level typed as a company's title: whose market prices it (input/level.ts titleNote). */
  title?: string;
}

/** How to name a field in messages: `city` (the library's and batch records'); the CLI's `--city`. */
export type FieldNamer = (field: ProfileField) => string;
export const flagName: FieldNamer = (f) => `--${f}`;
export const fieldName: FieldNamer = (f) => f;

/** `value` as a string, or an InputError naming the field and what it got (`item`: a skill). */
function text(value: unknown, name: string, item = false): string {
  if (typeof value !== 'string') {
    const what = item ? `each of ${name} must be a skill name` : `${name} must be a name`;
    throw new InputError(`${what} (a string), got ${kindOf(value)}`, name);
  }
  return value;
}

function skillList(value: unknown, market: Market, name: string): string[] {
  // A string, or a list of one ("none" too): resolveSkills.
  if (typeof value === 'string') return resolveSkills(market, value, name);
  if (Array.isArray(value) && value.length === 1)
    return resolveSkills(market, text(value[0], name, true), name);
  if (Array.isArray(value)) {
    // A plain loop: this runs for every batch record. First occurrence wins, as with a Set.
    const ids: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const item = text(value[i], name, true);
      if (/[,;]/.test(item)) {
        for (const id of resolveSkills(market, item, name)) if (!ids.includes(id)) ids.push(id);
      } else if (item.trim() !== '') {
        // One name (nearly every item): what resolveSkills gives, without its array.
        const id = resolveName(market, 'skill', item.trim(), name);
        if (!ids.includes(id)) ids.push(id);
      }
    }
    return ids;
  }
  fail(
    name,
    `must be a list of skills, like "mlops,nlp" or ["mlops", "nlp"], got ${kindOf(value)}`,
  );
}

/**
 * Turn a raw profile into catalogue ids. `years` is required; any other missing field takes the
 * market's default and is listed in `defaulted`. Throws InputError naming the field.
 */
export function resolveProfile(
  raw: RawProfile,
  market: Market,
  name: FieldNamer = fieldName,
): ResolvedProfile {
  if (raw.years === undefined || raw.years === null) fail(name('years'), `is required`);
  const years = parseYears(raw.years, market.experience.maxYears, name('years'), raw.yearsText);
  const defaulted: ProfileField[] = [];
  const pick = <T>(
    field: ProfileField,
    value: unknown,
    resolve: (v: unknown) => T,
    fallback: T,
  ): T => {
    if (value === undefined || value === null) {
      defaulted.push(field);
      return fallback;
    }
    return resolve(value);
  };
  const d = market.defaults;
  const one = (f: 'city' | 'industry' | 'degree') =>
    pick(f, raw[f], (v) => resolveName(market, f, text(v, name(f)), name(f)), d[f]);
  const city = one('city');
  const industry = one('industry');
  const skills = pick('skills', raw.skills, (v) => skillList(v, market, name('skills')), [
    ...d.skills,
  ]);
  const degree = one('degree');
  const profile: Profile = { years, city, industry, skills, degree };
  // `years` (or `none`): the years decide, as with no level (it unsets a saved one).
  let title: string | undefined;
  if (raw.level !== undefined && raw.level !== null) {
    const level = text(raw.level, name('level'));
    const read = byYears(level) ? undefined : readLevel(market, level, name('level'));
    if (read) profile.level = read.level;
    if (read?.map) title = titleNote(market, read.map, profile);
  }
  const notes = (['city', 'industry'] as const).map((f) => renamedNote(market, f, raw[f]));
  return { profile, defaulted, notes: notes.filter((n) => n !== undefined), title };
}
