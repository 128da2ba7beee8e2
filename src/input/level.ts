// A level as a user names it: one of ours (entry, mid, senior, staff, principal, or an alias),
// or a company's title (market.levels.titles: "google l5", "Meta E6", "amazon sde ii", "63",
// "ICT4"). A bare title that two companies give different levels ("L5": Google senior, Amazon
// mid) is refused with both readings.
import { InputError } from '../errors.js';
import { didYouMean, foldName, lookup, matchKey, oddCharacter, resolveName } from './names.js';
import { clip } from './numbers.js';
import type { Level, Market, TitleMap } from '../model/types.js';

/** `years` (or `none`): no level given, the years decide (`--level years`, `--vs level=years`). */
export const byYears = (text: string): boolean => /^\s*(years|none)\s*$/i.test(text);

/** The level a company gives this title (folded), if it has the title. */
function titleLevel(map: TitleMap, folded: string): Level | undefined {
  for (const [title, level] of Object.entries(map.titles))
    if (matchKey(title) === folded) return level;
  return undefined;
}

/** The companies that give this title (bare) and the level each gives it. */
function bareTitle(market: Market, folded: string): { map: TitleMap; level: Level }[] {
  return market.levels.titles.flatMap((map) => {
    const level = titleLevel(map, folded);
    return level === undefined ? [] : [{ map, level }];
  });
}

/** A company's title: "google l5", "meta-e6", "amazonsdeii" (a company name, then its title). */
function companyTitle(market: Market, folded: string): Level | undefined {
  for (const map of market.levels.titles) {
    for (const alias of [map.company, ...map.aliases]) {
      const a = matchKey(alias);
      if (folded.length > a.length && folded.startsWith(a)) {
        const level = titleLevel(map, folded.slice(a.length));
        if (level !== undefined) return level;
      }
    }
  }
  return undefined;
}

/**
 * Resolve a level, a company title or an alias to a level id; otherwise one line naming the
 * field, what was typed and what is accepted (with a did-you-mean), like every other name.
 */
export function resolveLevel(market: Market, text: string, field: string): Level {
  const id = lookup(market, 'level', text);
  if (id !== undefined) return id as Level;
  if (oddCharacter(text) === undefined) {
    const folded = matchKey(text);
    const byCompany = companyTitle(market, folded);
    if (byCompany !== undefined) return byCompany;
    const bare = bareTitle(market, folded);
    const levels = [...new Set(bare.map((b) => b.level))];
    if (levels.length === 1) return levels[0]!;
    if (levels.length > 1) {
      const readings = bare.map((b) => `${b.map.company} ${b.level}`).join(', ');
      throw new InputError(
        `level '${clip(text)}' for ${field} is a title at several companies (${readings}): name the company, like '${bare[0]!.map.company.toLowerCase()} ${text.trim()}'`,
        field,
      );
    }
  }
  // Otherwise one line: for a company we know, or its name mistyped ('googl', not an alias's
  // title 'goog l3'), its titles; else the closest level or title ('gogle l5': 'google l5').
  const words = oddCharacter(text) === undefined ? foldName(text) : '';
  const named = (a: string) => words === foldName(a) || words.startsWith(`${foldName(a)} `);
  const aliases = market.levels.titles.flatMap((m) => m.aliases);
  const [first = '', ...rest] = words.split(' ');
  const near = first.length > 3 ? didYouMean(first, aliases, foldName) : undefined;
  const alias = aliases.find(named) ?? near;
  const known = market.levels.titles.find((m) => alias !== undefined && m.aliases.includes(alias));
  const fixed = near && rest.length ? [`${near} ${rest.join(' ')}`] : [];
  const titles = known
    ? fixed.filter((t) => companyTitle(market, matchKey(t)) !== undefined)
    : market.levels.titles.flatMap((m) =>
        m.aliases.flatMap((a) => Object.keys(m.titles).map((t) => `${a} ${t.toLowerCase()}`)),
      );
  try {
    return resolveName(market, 'level', text, field, [...titles, 'years']) as Level;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const more = known
      ? `${known.company}'s titles: ${Object.keys(known.titles).join(', ')}`
      : "or a company title like 'google l5', 'meta e6', 'amazon sde ii', 'microsoft 63', 'apple ict4'";
    const years = "'years' lets your years decide";
    throw new InputError(`${e.message}; ${more}; ${years} (ml-salary list levels)`, field);
  }
}
