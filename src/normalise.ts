import { InputError } from './errors.js';
import { clip } from './numbers.js';
import type { CatalogEntry, Market } from './types.js';

export type CatalogKind = 'city' | 'industry' | 'skill' | 'degree';

/** The catalogue of accepted names for one kind of input. */
export function catalog(market: Market, kind: CatalogKind): readonly CatalogEntry[] {
  switch (kind) {
    case 'city':
      return market.locations;
    case 'industry':
      return market.industries;
    case 'skill':
      return market.skills.list;
    case 'degree':
      return market.degrees.list;
  }
}

/** Fold a user-typed name for matching: case, accents, apostrophes, punctuation and spacing. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`.]/g, '')
    .replace(/[^a-z0-9/+]+/g, ' ')
    .trim();
}

interface Index {
  /** Folded name -> id. */
  byName: Map<string, string>;
  /** Text as typed -> id (or undefined): batch input repeats the same few spellings. */
  byText: Map<string, string | undefined>;
}

const indexes = new WeakMap<readonly CatalogEntry[], Index>();
/** Remembered spellings per catalogue, and the longest remembered; bounds keep memory flat. */
const TEXT_CACHE = 1024;
const TEXT_CACHE_LENGTH = 64;

/** What names are matched on: folded, then without spaces, so 'bay area', 'Bay-Area' and 'bayarea' meet. */
function matchKey(text: string): string {
  return foldName(text).replace(/ /g, '');
}

function indexOf(entries: readonly CatalogEntry[]): Index {
  let index = indexes.get(entries);
  if (!index) {
    const byName = new Map<string, string>();
    for (const e of entries) {
      for (const name of [e.id, e.label, ...e.aliases]) {
        const key = matchKey(name);
        const taken = byName.get(key);
        if (taken !== undefined && taken !== e.id) {
          throw new Error(`market data: '${name}' matches both '${taken}' and '${e.id}'`);
        }
        byName.set(key, e.id);
      }
    }
    index = { byName, byText: new Map() };
    indexes.set(entries, index);
  }
  return index;
}

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const prev2: number[] = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
    }
    prev2.splice(0, prev2.length, ...prev);
    prev = row;
  }
  return prev[b.length]!;
}

/** The closest accepted name, if it is close enough to be a likely typo. */
export function suggest(market: Market, kind: CatalogKind, text: string): string | undefined {
  const folded = foldName(text);
  if (folded === '') return undefined;
  let best: { name: string; d: number } | undefined;
  for (const e of catalog(market, kind)) {
    for (const name of [e.id, ...e.aliases]) {
      const d = editDistance(folded, foldName(name));
      if (!best || d < best.d) best = { name, d };
    }
  }
  if (!best) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(folded.length, best.name.length) / 3));
  return best.d <= limit ? best.name : undefined;
}

/** Resolve a name or alias to its catalogue id, or undefined. */
export function lookup(market: Market, kind: CatalogKind, text: string): string | undefined {
  const index = indexOf(catalog(market, kind));
  if (typeof text !== 'string' || text.length > TEXT_CACHE_LENGTH) {
    return index.byName.get(matchKey(text));
  }
  const { byText } = index;
  let id = byText.get(text);
  if (id === undefined && !byText.has(text)) {
    id = index.byName.get(matchKey(text));
    if (byText.size >= TEXT_CACHE) byText.clear();
    byText.set(text, id);
  }
  return id;
}

/**
 * Resolve a name or alias to its id, or throw one line naming the field, the bad value, the
 * accepted ids and the closest match.
 */
export function resolveName(
  market: Market,
  kind: CatalogKind,
  text: string,
  field: string,
): string {
  const id = lookup(market, kind, text);
  if (id) return id;
  const accepted = catalog(market, kind)
    .map((e) => e.id)
    .join(', ');
  const hint = suggest(market, kind, text);
  const mean = hint ? ` (did you mean '${hint}'?)` : '';
  const what =
    text.trim() === '' ? `${field} is empty` : `unknown ${kind} '${clip(text)}' for ${field}`;
  throw new InputError(`${what}${mean}; accepted: ${accepted}`, field);
}

const LIST_SEPARATOR = /[,;]/;

/** Resolve a comma-separated (or, in CSV batch input, semicolon-separated) list of skills. */
export function resolveSkills(
  market: Market,
  text: string,
  field: string,
  separator = LIST_SEPARATOR,
): string[] {
  if (separator === LIST_SEPARATOR && typeof text === 'string' && !/[,;]/.test(text)) {
    // One skill (the common case in batch input): what the split below gives, without the arrays.
    const one = text.trim();
    return one === '' ? [] : [resolveName(market, 'skill', one, field)];
  }
  const parts = text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const ids = parts.map((p) => resolveName(market, 'skill', p, field));
  return [...new Set(ids)];
}

/** The closest of `names` to `word`, if close enough to be a typo. */
export function editDistanceSuggest(word: string, names: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = editDistance(word.toLowerCase(), name.toLowerCase());
    if (!best || d < best.d) best = { name, d };
  }
  if (!best) return undefined;
  return best.d <= Math.max(1, Math.floor(Math.max(word.length, best.name.length) / 3))
    ? best.name
    : undefined;
}
