import { InputError } from '../errors.js';
import { clip } from './numbers.js';
import type { CatalogEntry, Market } from '../model/types.js';

export type CatalogKind = 'city' | 'industry' | 'skill' | 'degree' | 'level';

/** The catalogue of accepted names for one kind of input. */
export const catalog = (market: Market, kind: CatalogKind) => CATALOGS[kind](market);
const CATALOGS: Record<CatalogKind, (m: Market) => readonly CatalogEntry[]> = {
  city: (m) => m.locations,
  industry: (m) => m.industries,
  skill: (m) => m.skills.list,
  degree: (m) => m.degrees.list,
  level: (m) => m.levels.list,
};

/**
 * The note for an old or ambiguous name that still resolves (data/market.json `renamed`:
 * 'finance', split into banking and quant; 'arlington', VA not TX), or undefined: for stderr.
 */
export function renamedNote(market: Market, kind: string, text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const folded = matchKey(text);
  return market.renamed.find((r) => r.kind === kind && matchKey(r.from) === folded)?.note;
}

/**
 * Fold a user-typed name for matching: case, accents, apostrophes, punctuation and spacing.
 * Meant for names that `oddCharacter` passes: it turns anything else into a space.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[’'`.]/g, '')
    .replace(/[^a-z0-9/+]+/g, ' ')
    .trim();
}

/** ASCII a name may hold: letters, digits, space, tab, and punctuation (plus `+` and `` ` ``). */
const PLAIN_NAME = /^[A-Za-z0-9 \t!"#%&'()*,\-./:;?@[\\\]_{}+`]*$/;
/** What a character of a name may be once in NFKD form (accents are nonspacing marks). */
const NAME_PART = /^[A-Za-z0-9 \t+`\p{P}\p{Zs}\p{Mn}]$/u;
const INVISIBLE: Record<number, string> = {
  0x00ad: 'an invisible soft hyphen',
  0x200b: 'an invisible zero-width space',
  0x200c: 'an invisible zero-width non-joiner',
  0x200d: 'an invisible zero-width joiner',
  0x200e: 'an invisible left-to-right mark',
  0x200f: 'an invisible right-to-left mark',
  0x2060: 'an invisible word joiner',
  0xfeff: 'a byte-order mark, an invisible zero-width no-break space',
};
const SCRIPTS = ['Cyrillic', 'Greek', 'Armenian', 'Cherokee', 'Coptic', 'Georgian'] as const;
/** The script of a letter, among the look-alike ones (the regexes are made when first needed). */
let scriptRes: (readonly [name: string, re: RegExp])[] | undefined;
function scriptOf(char: string): string | undefined {
  scriptRes ??= SCRIPTS.map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const);
  return scriptRes.find(([, re]) => re.test(char))?.[0];
}

/**
 * The first character of a text we print that must not reach a terminal: a control character (an
 * ANSI escape starts with one), an invisible formatting one (a zero-width space, a right-to-left
 * override) or a line break; said as "character 3 is a control character (U+001B)". Such a text
 * (an offer's label, a market file's names and quotes) may otherwise be anything, in any script.
 */
export function hiddenCharacter(text: string): string | undefined {
  let at = 0;
  for (const char of text) {
    at++;
    const what = hidden(char) ?? (/[\p{Zl}\p{Zp}]/u.test(char) ? 'a line break' : undefined);
    if (what) return `character ${at} is ${what} (${codePoint(char)})`;
  }
  return undefined;
}

/** What a control or invisible formatting character is, in words. */
function hidden(char: string): string | undefined {
  if (/\p{Cc}/u.test(char)) return 'a control character';
  if (/\p{Cf}/u.test(char))
    return INVISIBLE[char.codePointAt(0)!] ?? 'an invisible formatting character';
  return undefined;
}

/** "U+0430": a code point as Unicode writes it. */
function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first character of `text` that no name holds (folding would drop it, or it only looks like
 * a-z), said with its position, itself and its code point; undefined for a plain name. A
 * look-alike letter (the Cyrillic 'а' of 'аustin') is named, so that "did you mean 'austin'?" is
 * never the answer to what looks like 'austin'; emoji, symbols and hidden characters likewise.
 */
export function oddCharacter(text: string): string | undefined {
  if (PLAIN_NAME.test(text)) return undefined; // nearly every name: one regex test
  let at = 0;
  for (const char of text) {
    at++;
    const folded = char.normalize('NFKD');
    let plain = true;
    for (const part of folded) if (!NAME_PART.test(part)) plain = false;
    if (plain) continue;
    const code = codePoint(char);
    const shown = `'${char}' (${code})`;
    const where = `character ${at}`;
    const invisible = hidden(char);
    if (invisible) return `${where} is ${invisible} (${code})`;
    if (/\p{Extended_Pictographic}/u.test(char)) return `${where}, ${shown}, is an emoji`;
    if (/\p{L}/u.test(char)) {
      const script = scriptOf(char);
      return script
        ? `${where}, ${shown}, is a ${script} letter, not the Latin one it may look like`
        : `${where}, ${shown}, is not one of the letters a-z`;
    }
    if (/\p{N}/u.test(char)) return `${where}, ${shown}, is not one of the digits 0-9`;
    if (/\p{S}/u.test(char)) return `${where}, ${shown}, is a symbol`;
    return `${where} (${code}) is not a character that a name holds`;
  }
  return undefined;
}

interface Index {
  entries: readonly CatalogEntry[];
  /** Folded name -> id, made at the first name that is not an id as it is (see `lookup`). */
  byName?: Map<string, string>;
  /** Text as typed -> id (or undefined): batch input repeats the same few spellings. */
  byText: Map<string, string | undefined>;
}

const indexes = new WeakMap<readonly CatalogEntry[], Index>();
/** Remembered spellings per catalogue, and the longest remembered; bounds keep memory flat. */
const TEXT_CACHE = 1024;
const TEXT_CACHE_LENGTH = 64;

/** What names are matched on: folded, then without spaces, so 'bay area', 'Bay-Area' and 'bayarea' meet. */
export function matchKey(text: string): string {
  return foldName(text).replace(/ /g, '');
}

function indexOf(entries: readonly CatalogEntry[]): Index {
  let index = indexes.get(entries);
  if (!index) {
    // Each id is known as it is from the start: `--city sf` needs no folding of every name.
    index = { entries, byText: new Map(entries.map((e) => [e.id, e.id])) };
    indexes.set(entries, index);
  }
  return index;
}

/** Folded name -> id of a catalogue; `clash` throws for a name that two entries (`i`, `taken`) have. */
export function nameMap(
  entries: readonly CatalogEntry[],
  clash: (name: string, taken: string, id: string, i: number) => never,
): Map<string, string> {
  const map = new Map<string, string>();
  entries.forEach((e, i) => {
    for (const name of [e.id, e.label, ...e.aliases]) {
      const key = matchKey(name);
      const taken = map.get(key);
      if (taken !== undefined && taken !== e.id) clash(name, taken, e.id, i);
      map.set(key, e.id);
    }
  });
  return map;
}

function byName(index: Index): Map<string, string> {
  return (index.byName ??= nameMap(index.entries, (name, taken, id) => {
    throw new Error(`market data: '${name}' matches both '${taken}' and '${id}'`);
  }));
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

/** The closest accepted name or alias of a kind (or of `more`), if close enough to be a typo. */
export function suggest(
  market: Market,
  kind: CatalogKind,
  text: string,
  more: readonly string[] = [],
): string | undefined {
  return didYouMean(
    text,
    [...catalog(market, kind).flatMap((e) => [e.id, ...e.aliases]), ...more],
    foldName,
  );
}

/** Resolve a name or alias to its catalogue id, or undefined (also for an `oddCharacter`). */
export function lookup(market: Market, kind: CatalogKind, text: string): string | undefined {
  const index = indexOf(catalog(market, kind));
  if (typeof text !== 'string' || text.length > TEXT_CACHE_LENGTH) return find(index, text);
  const { byText } = index;
  let id = byText.get(text);
  if (id === undefined && !byText.has(text)) {
    id = find(index, text);
    if (byText.size >= TEXT_CACHE) byText.clear();
    byText.set(text, id);
  }
  return id;
}

/** The id a name folds to, if it holds no `oddCharacter`. */
function find(index: Index, text: string): string | undefined {
  return oddCharacter(text) === undefined ? byName(index).get(matchKey(text)) : undefined;
}

/** How many entries an error line lists by id; a longer catalogue is named by its list. */
const LISTED = 12;
const PLURAL: Record<CatalogKind, string> = {
  city: 'cities',
  industry: 'industries',
  skill: 'skills',
  degree: 'degrees',
  level: 'levels',
};

/** "accepted: sf, seattle, ..." or, for a long catalogue, where to see it whole. */
function acceptedNames(market: Market, kind: CatalogKind): string {
  const ids = catalog(market, kind).map((e) => e.id);
  if (ids.length <= LISTED) return `accepted: ${ids.join(', ')}`;
  return `accepted: ${ids.length} ${PLURAL[kind]} and their aliases (ml-salary list ${PLURAL[kind]})`;
}

/**
 * Resolve a name or alias to its id, or throw one line: the value, what is accepted, the closest
 * (among the names and aliases, and `more`: other names the caller accepts).
 */
export function resolveName(
  market: Market,
  kind: CatalogKind,
  text: string,
  field: string,
  more: readonly string[] = [],
) {
  const id = lookup(market, kind, text);
  if (id) return id;
  const accepted = acceptedNames(market, kind);
  const odd = oddCharacter(text);
  if (odd !== undefined) {
    // Not "did you mean": the closest name may look exactly like what was typed.
    throw new InputError(`${kind} '${clip(text)}' for ${field}: ${odd}; ${accepted}`, field);
  }
  const hint = suggest(market, kind, text, more);
  const mean = hint ? ` (did you mean '${hint}'?)` : '';
  const what =
    text.trim() === '' ? `${field} is empty` : `unknown ${kind} '${clip(text)}' for ${field}`;
  throw new InputError(`${what}${mean}; ${accepted}`, field);
}

const LIST_SEPARATOR = /[,;]/;

const isNone = (word: string): boolean => word.length === 4 && word.toLowerCase() === 'none';

/**
 * Resolve a comma-separated (or, in CSV batch input, semicolon-separated) list of skills; `none`
 * (or nothing) is no skills.
 */
export function resolveSkills(
  market: Market,
  text: string,
  field: string,
  separator = LIST_SEPARATOR,
): string[] {
  if (separator === LIST_SEPARATOR && typeof text === 'string' && !/[,;]/.test(text)) {
    // One skill (the common case in batch input): what the split below gives, without the arrays.
    const one = text.trim();
    return one === '' || isNone(one) ? [] : [resolveName(market, 'skill', one, field)];
  }
  const parts = text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  // `none`, as the reports print no skills, is the empty list, as '' is.
  if (parts.length === 1 && isNone(parts[0]!)) return [];
  const ids = parts.map((p) => resolveName(market, 'skill', p, field));
  return [...new Set(ids)];
}

/**
 * The one did-you-mean: the closest of `names` to `word` (both compared as `key` makes them,
 * lower case by default), if it is close enough to be a typo: an edit distance of at most a
 * third of the longer (at least 1). Undefined for an empty word.
 */
export function didYouMean(
  word: string,
  names: readonly string[],
  key: (text: string) => string = (text) => text.toLowerCase(),
): string | undefined {
  const typed = key(word);
  if (typed === '') return undefined;
  let best: { name: string; key: string; d: number } | undefined;
  for (const name of names) {
    const k = key(name);
    const d = editDistance(typed, k);
    if (!best || d < best.d) best = { name, key: k, d };
  }
  if (!best) return undefined;
  return best.d <= Math.max(1, Math.floor(Math.max(typed.length, best.key.length) / 3))
    ? best.name
    : undefined;
}

/** ` (did you mean 'x'?)` for a near miss among `names` (see didYouMean), else ''. */
export function meant(word: string, names: readonly string[]): string {
  const hint = didYouMean(word, names);
  return hint ? ` (did you mean '${hint}'?)` : '';
}
