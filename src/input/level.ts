// A level as a user names it: one of ours (entry, mid, senior, staff, principal, or an alias),
// or a company's title (market.levels.titles: "google l5", "Meta E6", "amazon sde ii", "63",
// "ICT4"). A bare title that two companies give different levels ("L5": Google senior, Amazon
// mid) is refused with both readings.
import { InputError } from '../errors.js';
import {
  didYouMean,
  foldName,
  lookup,
  matchKey,
  oddCharacter,
  resolveName,
  suggest,
} from './names.js';
import { clip } from './numbers.js';
import type { Level, Market, Profile, TitleMap } from '../model/types.js';

/** `years` (or `none`): no level given, the years decide (`--level years`, `--vs level=years`). */
export const byYears = (text: string): boolean => /^\s*(years|none)\s*$/i.test(text);

/** The level a company gives this title (folded), if it has the title. */
function titleLevel(map: TitleMap, folded: string): Level | undefined {
  for (const [title, level] of Object.entries(map.titles))
    if (matchKey(title) === folded) return level;
  return undefined;
}

/** A level as typed, and the company whose title it was (`map`), if one was. */
type TitleRead = { level: Level; map?: TitleMap };

/** The companies that give this title (bare) and the level each gives it. */
function bareTitle(market: Market, folded: string): Required<TitleRead>[] {
  return market.levels.titles.flatMap((map) => {
    const level = titleLevel(map, folded);
    return level === undefined ? [] : [{ map, level }];
  });
}

/** A company's title: "google l5", "meta-e6", "amazonsdeii" (a company name, then its title). */
function companyTitle(market: Market, folded: string): Required<TitleRead> | undefined {
  for (const map of market.levels.titles) {
    for (const alias of [map.company, ...map.aliases]) {
      const a = matchKey(alias);
      if (folded.length > a.length && folded.startsWith(a)) {
        const level = titleLevel(map, folded.slice(a.length));
        if (level !== undefined) return { map, level };
      }
    }
  }
  return undefined;
}

/**
 * For a level typed as one company's title ("microsoft 62", "63"): whose market prices it, and
 * where that company's records sat against it (review4 N11; levels.titlesMethod).
 */
export function titleNote(market: Market, map: TitleMap, profile: Profile): string | undefined {
  const industry = market.industries.find((i) => i.id === profile.industry);
  if (!industry) return undefined;
  const { company, records: r } = map;
  const pool =
    industry.id === 'big-tech'
      ? "big tech's (Google, Meta, Amazon, Microsoft and Apple pooled)"
      : `${industry.label}'s`;
  const said = r
    ? `; in the records, ${company}'s totals sat at x${r.total} of big tech's typical at their title's level (${r.n} levels.fyi records, 2018-2021)`
    : '';
  return `${company}'s title is read as ${profile.level} level: the market is ${pool} at that level, not ${company}'s own${said}.`;
}

/**
 * The company named first in what was typed, also mistyped ('googl': its titles, not another
 * alias's title 'goog l3'), and the titles to suggest: a mistyped company's with the same title
 * ('gogle l5': 'google l5'); with no company, every company's.
 */
function companyOf(market: Market, words: string): { known?: TitleMap; titles: string[] } {
  const maps = market.levels.titles;
  const named = (a: string) => words === foldName(a) || words.startsWith(`${foldName(a)} `);
  const aliases = maps.flatMap((m) => m.aliases);
  const [first = '', ...rest] = words.split(' ');
  const near = first.length > 3 ? didYouMean(first, aliases, foldName) : undefined;
  const alias = aliases.find(named) ?? near;
  const known = maps.find((m) => alias !== undefined && m.aliases.includes(alias));
  if (known) {
    const fixed = near && rest.length ? [`${near} ${rest.join(' ')}`] : [];
    return { known, titles: fixed.filter((t) => companyTitle(market, matchKey(t)) !== undefined) };
  }
  const all = (m: TitleMap) =>
    m.aliases.flatMap((a) => Object.keys(m.titles).map((t) => `${a} ${t.toLowerCase()}`));
  return { titles: maps.flatMap(all) };
}

export const resolveLevel = (market: Market, text: string, field: string): Level =>
  readLevel(market, text, field).level;

/**
 * Resolve a level, a company title or an alias to a level id, with the company when it was one
 * company's title; otherwise one line naming the field, what was typed and what is accepted
 * (with a did-you-mean), like every other name.
 */
export function readLevel(market: Market, text: string, field: string): TitleRead {
  const id = lookup(market, 'level', text);
  if (id !== undefined) return { level: id as Level };
  // The interactive prompt asks for a company's title (field 'title'): a shorter line (A8).
  const title = field === 'title';
  if (oddCharacter(text) === undefined) {
    const folded = matchKey(text);
    const byCompany = companyTitle(market, folded);
    if (byCompany !== undefined) return byCompany;
    const bare = bareTitle(market, folded);
    const levels = [...new Set(bare.map((b) => b.level))];
    if (levels.length === 1) return bare.length === 1 ? bare[0]! : { level: levels[0]! };
    if (levels.length > 1) {
      const readings = bare.map((b) => `${b.map.company} ${b.level}`).join(', ');
      throw new InputError(
        `${title ? `'${clip(text)}'` : `level '${clip(text)}' for ${field}`} is a title at several companies (${readings}): name the company, like '${bare[0]!.map.company.toLowerCase()} ${text.trim()}'`,
        field,
      );
    }
  }
  // Otherwise one line: for a company we know (or mistyped), its titles; else the closest name.
  const words = oddCharacter(text) === undefined ? foldName(text) : '';
  const { known, titles } = companyOf(market, words);
  const more = known
    ? `${known.company}'s titles: ${Object.keys(known.titles).join(', ')}`
    : "or a company title like 'google l5', 'meta e6', 'amazon sde ii', 'microsoft 63', 'apple ict4'";
  if (title) {
    const hint = words && suggest(market, 'level', text, titles);
    const why = oddCharacter(text) ?? (known ? more : 'see ml-salary list levels');
    throw new InputError(
      `unknown title '${clip(text)}'${hint ? ` (did you mean '${hint}'?)` : ''}; ${why}`,
      field,
    );
  }
  try {
    return { level: resolveName(market, 'level', text, field, [...titles, 'years']) as Level };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const years = "'years' lets your years decide";
    throw new InputError(`${e.message}; ${more}; ${years} (ml-salary list levels)`, field);
  }
}
