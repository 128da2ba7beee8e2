// What-if scenarios: `--vs city=austin,skills=+nlp` as changes to a starting profile. Pure: names
// and aliases resolve as the flags' do, with the same errors.
import { InputError } from '../errors.js';
import { yearsText } from '../model/format.js';
import { meant, renamedNote, resolveName, resolveSkills } from './names.js';
import { byYears, readLevel, titleNote } from './level.js';
import { clip, fail, parseYears } from './numbers.js';
import {
  PROFILE_FIELDS,
  type Change,
  type Market,
  type Profile,
  type ProfileField,
} from '../model/types.js';

/** A scenario: its label (what was typed) and its changes, in order. */
export interface Scenario {
  label: string;
  changes: Change[];
  /** Notes on old or ambiguous names ('city=arlington'), for stderr. */
  notes: string[];
}

const FIELD = '--vs';

/**
 * Parse one `--vs` value: `field=value` pairs separated by commas. A comma-separated part without
 * `=` continues the value before it, so `skills=mlops,nlp` lists two skills. Fields and values take
 * the flags' names and aliases; `years=+3` / `years=-2` move the years, `skills=+nlp` adds a skill
 * and `skills=-mlops` removes one, a plain list replaces them. A field given twice is an error.
 */
export function parseScenario(text: string, market: Market): Scenario {
  const pairs: [string, string][] = [];
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq === -1) {
      const last = pairs[pairs.length - 1];
      if (last === undefined) {
        fail(
          FIELD,
          `'${clip(text)}' needs field=value pairs, like city=austin or skills=+nlp (fields: ${PROFILE_FIELDS.join(', ')})`,
        );
      }
      last[1] += `,${part}`;
    } else {
      pairs.push([part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1)]);
    }
  }
  const seen = new Set<string>();
  const changes = pairs.map(([name, value]): Change => {
    const field = fieldOf(name);
    if (seen.has(field)) fail(FIELD, `'${clip(text)}' changes ${field} twice`);
    seen.add(field);
    return changeOf(field, value, market);
  });
  const notes = pairs.map(([name, value]) => renamedNote(market, fieldOf(name), value.trim()));
  return { label: text.trim(), changes, notes: notes.filter((n) => n !== undefined) };
}

/** The singular names a field also takes (a Map: a name typed by the user is never a key of a plain object). */
const SINGULAR = new Map<string, ProfileField>([
  ['skill', 'skills'],
  ['year', 'years'],
]);

function fieldOf(name: string): ProfileField {
  const field = (PROFILE_FIELDS as readonly string[]).includes(name)
    ? (name as ProfileField)
    : SINGULAR.get(name);
  if (field !== undefined) return field;
  throw new InputError(
    `unknown field '${clip(name)}' in ${FIELD}${meant(name, PROFILE_FIELDS)}; fields: ${PROFILE_FIELDS.join(', ')}`,
    FIELD,
  );
}

/** A change, its text with the ids the profile uses (`city=sf` for 'City = Bay Area'). */
function changeOf(field: ProfileField, value: string, market: Market): Change {
  const name = `${FIELD} ${field}`;
  switch (field) {
    case 'years': {
      const v = value.trim();
      if (/^[+-]/.test(v)) {
        const by = parseYears(v.slice(1), market.experience.maxYears, name);
        return { field, text: `years=${v[0]}${by}`, add: v.startsWith('-') ? -by : by };
      }
      const set = parseYears(v, market.experience.maxYears, name);
      return { field, text: `years=${set}`, set };
    }
    case 'city':
    case 'industry':
    case 'degree': {
      const set = resolveName(market, field, value, name);
      return { field, text: `${field}=${set}`, set };
    }
    case 'level': {
      // level=years (or none): back to the level the years imply.
      if (byYears(value)) return { field, text: 'level=years', set: null };
      const { level, map } = readLevel(market, value, name);
      const text = `level=${level}`;
      return map ? { field, text, set: level, title: map } : { field, text, set: level };
    }
    case 'skills': {
      const parts = value
        .split(/[,;]/)
        .map((p) => p.trim())
        .filter((p) => p !== '');
      const signed = parts.filter((p) => /^[+-]/.test(p));
      if (signed.length > 0 && signed.length < parts.length) {
        throw new InputError(
          `${name}: use +skill and -skill to add and remove, or a plain list to replace them, not both`,
          FIELD,
        );
      }
      if (signed.length === 0) {
        const set = resolveSkills(market, value, name);
        return { field, text: `skills=${set.join(',') || 'none'}`, set };
      }
      const ids = signed.map((p) => p[0]! + resolveName(market, 'skill', p.slice(1), name));
      const of = (sign: string) => ids.filter((p) => p[0] === sign).map((p) => p.slice(1));
      return { field, text: `skills=${ids.join(',')}`, add: of('+'), remove: of('-') };
    }
  }
}

/**
 * The note of a scenario whose level is a company's title, as the start's (titleNote): whose
 * market prices it in that column (`profile`, the scenario's), labelled with the scenario.
 */
export function scenarioTitle(s: Scenario, profile: Profile, market: Market): string[] {
  const c = s.changes.find((c) => c.field === 'level');
  const note = c?.field === 'level' && c.title && titleNote(market, c.title, profile);
  return note ? [`${s.label}: ${note}`] : [];
}

/** A profile's field as a message shows it; skills sorted, so that the same set compares equal. */
function shown(p: Profile, field: ProfileField): string {
  const v = p[field];
  if (Array.isArray(v)) return [...v].sort().join(', ') || 'none';
  return v === undefined ? 'the one its years imply' : String(v);
}

/**
 * The profile a scenario gives from a starting one; years outside 0..max are an error, and so is
 * a scenario that changes nothing (a column identical to the start, without a word). One of its
 * changes may repeat the start (`city=sf,industry=quant` from sf) when another changes it.
 */
export function applyScenario(start: Profile, scenario: Scenario, market: Market): Profile {
  const p: Profile = { ...start, skills: [...start.skills] };
  for (const c of scenario.changes) {
    switch (c.field) {
      case 'years': {
        const years = c.set ?? Math.round((start.years + (c.add ?? 0)) * 1e9) / 1e9;
        const max = market.experience.maxYears;
        if (years < 0 || years > max)
          fail(FIELD, `${c.text} gives ${yearsText(years)}, outside 0 to ${max}`);
        p.years = years;
        break;
      }
      case 'skills':
        p.skills = changedSkills(p.skills, c);
        break;
      case 'level':
        if (c.set === null) delete p.level;
        else p.level = c.set;
        break;
      default:
        p[c.field] = c.set;
    }
  }
  if (PROFILE_FIELDS.every((f) => shown(p, f) === shown(start, f))) {
    const [c] = scenario.changes;
    if (scenario.changes.length > 1)
      fail(FIELD, `'${scenario.label}' changes nothing in the start`);
    const is = c!.field === 'years' || c!.field === 'skills' ? 'are' : 'is';
    const now = shown(start, c!.field);
    fail(FIELD, `${scenario.label} changes nothing: the start's ${c!.field} ${is} already ${now}`);
  }
  return p;
}

/** Two scenarios that give the same profile would be the same column twice: refused. */
export function refuseTwins(columns: readonly { label: string; profile: Profile }[]): void {
  const seen = new Map<string, string>();
  for (const { label, profile } of columns) {
    const key = PROFILE_FIELDS.map((f) => shown(profile, f)).join('|');
    const twin = seen.get(key);
    if (twin === label) fail(FIELD, `'${label}' is given twice`);
    if (twin !== undefined) fail(FIELD, `'${label}' gives the same profile as '${twin}'`);
    seen.set(key, label);
  }
}

/**
 * The skills after a change. Adding a skill the profile has, or removing one it lacks, would
 * give a column identical to the start without a word: refused, naming the skill.
 */
function changedSkills(
  skills: readonly string[],
  c: Extract<Change, { field: 'skills' }>,
): string[] {
  if (c.set) return [...c.set];
  const has = c.add?.find((id) => skills.includes(id));
  const lacks = c.remove?.find((id) => !skills.includes(id));
  if (has !== undefined || lacks !== undefined) {
    const why = has !== undefined ? `already has ${has}` : `has no ${lacks!} to remove`;
    fail(FIELD, `${c.text}: the profile ${why} (its skills: ${skills.join(', ') || 'none'})`);
  }
  return [...skills, ...(c.add ?? [])].filter((id) => !(c.remove ?? []).includes(id));
}
