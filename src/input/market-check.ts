// A market (--data's file, or the library's changed copy) checked against
// schemas/market.schema.json and for what a schema cannot say (ranges in order, anchors going up
// in years, names that match one entry, references that exist); a file is named in the sources.
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { MAX_FIGURE, money } from '../model/format.js';
import { deepFreeze } from '../model/freeze.js';
import marketSchema from '../../schemas/market.schema.json' with { type: 'json' };
import { schemaProblem, type Schema } from './schema.js';
import { catalog, hiddenCharacter, matchKey, nameMap } from './names.js';
import { clip } from './numbers.js';
import { market as bundledMarket } from '../model/market.js';
import { LEVELS, MARKET_FILE_SOURCE, type Market, type Widths } from '../model/types.js';

const FIELD = '--data';

/** Throws the first problem as "path: what is wrong" (the caller puts what is checked first). */
const fail = (path: string, message: string): never => {
  throw new Error(`${path}: ${message}`);
};

/** That `key` is one of `table`'s keys (`name` in the message). */
function oneOf(path: string, key: string, table: object, name: string): void {
  if (!Object.hasOwn(table, key))
    fail(path, `'${clip(key)}' is not one of ${name} (${Object.keys(table).join(', ')})`);
}

/** Every value in a market file with its JSON path, parents before children. */
function nodes(value: unknown, path = '', out: [string, unknown][] = []): [string, unknown][] {
  out.push([path, value]);
  if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) nodes(v, `${path}/${k}`, out);
  return out;
}

/** Texts reach the terminal: no escape codes or hidden characters; every { low, mid, high } in order. */
function checkNodes(m: Market): void {
  const all = nodes(m);
  for (const [path, text] of all) {
    const hidden = typeof text === 'string' ? hiddenCharacter(text) : undefined;
    if (hidden)
      fail(path, `'${clip(text as string)}': ${hidden}, which the file's text may not hold`);
  }
  for (const [path, r] of all as [string, Record<string, unknown>][]) {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) continue;
    const { low, mid, high } = r;
    if (typeof low !== 'number' || typeof mid !== 'number' || typeof high !== 'number') continue;
    if (!(low <= mid && mid <= high))
      fail(path, `low ${low}, mid ${mid}, high ${high} are not in order (low <= mid <= high)`);
  }
}

/** What the schema cannot check: throws the first problem as "path: what is wrong". */
function checkMeaning(m: Market): void {
  checkNodes(m);
  const anchors = m.experience.position.anchors;
  increasing(
    '/experience/position/anchors',
    anchors.map((a) => a.years),
    'years',
  );
  // More experience never lowers the estimate (review2 M18).
  anchors.forEach((a, i) => {
    if (i > 0 && a.position < anchors[i - 1]!.position)
      fail(
        `/experience/position/anchors/${i}/position`,
        `${a.position} is below the one before (${anchors[i - 1]!.position}): more years would lower the level`,
      );
  });
  m.experience.curves.forEach((c, i) => {
    increasing(
      `/experience/curves/${i}/bands`,
      c.bands.map((b) => b.anchorYears),
      'anchorYears',
    );
    c.bands.forEach((b, j) => {
      for (const part of ['base', 'total'] as const) {
        const r = b[part];
        if (r && r[0] > r[1])
          fail(`/experience/curves/${i}/bands/${j}/${part}`, `low ${r[0]} is above high ${r[1]}`);
      }
    });
  });
  checkLadder(m);
  for (const { path, w } of widthRows(m))
    if (!(w[0] <= w[1] && w[1] <= 1 && 1 <= w[2] && w[2] <= w[3]))
      fail(path, `[${w.join(', ')}] is not in order (P10 <= P25 <= 1 <= P75 <= P90)`);
  for (const [id, kind] of Object.entries(m.payMix.kinds))
    oneOf(`/payMix/kinds/${id}/spread`, kind.spread, m.spread.tables, 'spread.tables');
  const sources = new Set(m.sources.map((s) => s.id));
  if (sources.size !== m.sources.length) fail('/sources', 'two sources have the same id');
  const catalogues = [
    ['levels/list', m.levels.list],
    ['locations', m.locations],
    ['industries', m.industries],
    ['skills/list', m.skills.list],
    ['degrees/list', m.degrees.list],
  ] as const;
  for (const [path, list] of catalogues) {
    // An id names one entry: a second entry with it would be unreachable (or, looked up by id,
    // answer for the first).
    const firstWith = new Map<string, number>();
    list.forEach((e, i) => {
      const first = firstWith.get(e.id);
      if (first !== undefined)
        fail(`/${path}/${i}/id`, `the id '${clip(e.id)}' is also the id of /${path}/${first}`);
      firstWith.set(e.id, i);
    });
    // A name that folds to nothing would catch blank input; a skill's alias with ',' or ';'
    // (which separate skills) could never be typed (review2 M16).
    list.forEach((e, i) =>
      [e.label, ...e.aliases].forEach((name, j) => {
        const at = `/${path}/${i}/${j === 0 ? 'label' : `aliases/${j - 1}`}`;
        if (matchKey(name) === '')
          fail(at, `'${clip(name)}' has no letter or digit: as a name it would match blank input`);
        if (path === 'skills/list' && j > 0 && /[,;]/.test(name))
          fail(at, `'${clip(name)}' holds ',' or ';', which separate skills: it could never match`);
      }),
    );
    nameMap(list, (name, taken, id, i) =>
      fail(`/${path}/${i}`, `the name '${clip(name)}' matches both '${taken}' and '${id}'`),
    );
  }
  m.industries.forEach((ind, i) =>
    oneOf(`/industries/${i}/payMix`, ind.payMix, m.payMix.kinds, 'payMix.kinds'),
  );
  m.renamed.forEach((r, i) => {
    const to = catalog(m, r.kind).find((e) => e.id === r.to);
    if (to === undefined)
      return fail(`/renamed/${i}/to`, `'${clip(r.to)}' is not a known ${r.kind} id`);
    if (![to.id, to.label, ...to.aliases].some((n) => matchKey(n) === matchKey(r.from)))
      fail(
        `/renamed/${i}/from`,
        `'${clip(r.from)}' is not a name of '${to.id}' (add it to its aliases)`,
      );
  });
  const d = m.defaults;
  const defaults = [
    ['city', d.city, m.locations, 'a location'],
    ['industry', d.industry, m.industries, 'an industry'],
    ['degree', d.degree, m.degrees.list, 'a degree'],
    ...d.skills.map((s, i) => [`skills/${i}`, s, m.skills.list, 'a skill'] as const),
  ] as const;
  for (const [key, id, list, what] of defaults)
    if (!list.some((e) => e.id === id)) fail(`/defaults/${key}`, `'${clip(id)}' is not ${what} id`);
  // Every figure's source names a source of the file: a `source`, each of a `sources` list but
  // the file's own list of them.
  const cites = (value: unknown, path: string, cite = false): void => {
    if (cite && typeof value === 'string' && !sources.has(value))
      fail(path, `'${clip(value)}' is not the id of a source in /sources`);
    if (value === null || typeof value !== 'object') return;
    const list = Array.isArray(value);
    for (const [k, v] of Object.entries(value)) {
      const cited = list ? cite && typeof v === 'string' : k === 'source' || k === 'sources';
      cites(v, `${path}/${k}`, cited && `${path}/${k}` !== '/sources');
    }
  };
  cites(m, '');
  checkLargest(m);
  if (m.sources.some((s) => s.id === MARKET_FILE_SOURCE))
    fail(
      '/sources',
      `the id '${MARKET_FILE_SOURCE}' is ml-salary's own (it names the file); use another`,
    );
}

/** Every row of widths of the spread tables (with and without a level), with its path. */
function widthRows(m: Market): { path: string; part: string; w: Widths }[] {
  return Object.entries(m.spread.tables).flatMap(([id, t]) =>
    (['withoutLevel', 'withLevel'] as const).flatMap((g) =>
      (Object.entries(t[g]) as [string, Widths[]][]).flatMap(([part, rows]) =>
        rows.map((w, i) => ({ path: `/spread/tables/${id}/${g}/${part}/${i}`, part, w })),
      ),
    ),
  );
}

/** The largest of `values` with its path, or [0, ''] when none is positive. */
function largest(values: Iterable<[number, string]>): [number, string] {
  let best: [number, string] = [0, ''];
  for (const v of values) if (v[0] > best[0]) best = v;
  return best;
}

/** The level ladder: each level once, bases going up, the years that imply levels going up. */
function checkLadder(m: Market): void {
  const list = m.levels.list;
  LEVELS.forEach((id, i) => {
    if (list[i]?.id !== id)
      fail(`/levels/list/${i}/id`, `the ladder lists the levels in order: ${LEVELS.join(', ')}`);
  });
  list.forEach((l, i) => {
    if (i > 0 && !(l.base > list[i - 1]!.base))
      fail(
        `/levels/list/${i}/base`,
        `${l.base} is not above the level before (${list[i - 1]!.base})`,
      );
  });
  const implied = list.filter((l) => l.fromYears !== null).map((l) => l.fromYears!);
  if (list[0]!.fromYears !== 0)
    fail('/levels/list/0/fromYears', 'entry is where years start: fromYears 0');
  increasing('/levels/list', implied, 'fromYears');
}

function increasing(path: string, xs: readonly number[], what: string): void {
  xs.forEach((x, i) => {
    if (i > 0 && !(x > xs[i - 1]!))
      fail(`${path}/${i}`, `${what} ${x} is not above the one before (${xs[i - 1]})`);
  });
}

/**
 * That no profile of the market can reach a figure above MAX_FIGURE: checked on an upper bound
 * of every figure (the estimate's arithmetic with the largest of each input at once), so that
 * what passes is finite and prints as a salary: base <= the largest level base x location x
 * employer x degree multiplier x (1 + every skill's share); the total is at most base x (1 +
 * the largest bonus + equity share of a level) x the largest total P90 ratio to the power of the
 * largest location spread, and a part at most base x that share (or 1) x the largest P90 ratio
 * of any part to that power.
 */
function checkLargest(m: Market): void {
  /** The largest `key` of a list's entries (at least `min`), with its path. */
  const most = <T>(list: readonly T[], at: string, key: keyof T & string, min = 0) =>
    largest(list.map((x, i) => [Math.max(min, x[key] as number), `${at}/${i}/${key}`]));
  const national = most(m.levels.list, '/levels/list', 'base');
  const city = most(m.locations, '/locations', 'multiplier');
  const spread = Math.max(1, ...m.locations.map((l) => l.spread ?? 1));
  const employer = most(m.industries, '/industries', 'baseMultiplier');
  const skills = m.skills.list.reduce((sum, s) => sum + s.premium / m.skills.reference.base, 0);
  const degree = most(m.degrees.list, '/degrees/list', 'multiplier', 1);
  const mixes = Object.entries(m.payMix.kinds).flatMap(([id, k]) =>
    Object.entries(k.levels).map(([l, x]): [number, string] => [
      x.bonus + x.equity,
      `/payMix/kinds/${id}/levels/${l}`,
    ]),
  );
  const mix = largest(mixes);
  /** The largest P90 ratio of a part's widths (every table, with and without a level). */
  const p90 = (part: 'total' | 'any') =>
    largest(
      widthRows(m)
        .filter((r) => part === 'any' || r.part === part)
        .map((r): [number, string] => [r.w[3], `${r.path}/3`]),
    );
  const totalRatio = p90('total');
  const anyRatio = p90('any');
  const base = national[0] * city[0] * employer[0] * degree[0] * (1 + skills);
  // The total's percentiles come from its own widths; a part's from its own, on a share of base.
  const total = Math.max(
    base * (1 + mix[0]) * Math.max(1, totalRatio[0]) ** spread,
    base * Math.max(1, mix[0]) * Math.max(1, anyRatio[0]) ** spread,
  );
  if (!(total <= MAX_FIGURE)) {
    const named = [national, city, employer, degree, mix, totalRatio, anyRatio].filter(
      (v) => v[1] !== '',
    );
    const biggest = (named[0] ?? [0, '(the whole file)'])[1];
    fail(
      biggest,
      `with ${named.map(([v, p]) => `${p} ${v}`).join(', ')} and skill premiums adding up to ${Math.round(skills * 1000) / 10}% of base, a total could reach ${Number.isFinite(total) ? money(total) : 'infinity'} a year, above the most ml-salary allows (${money(MAX_FIGURE)})`,
    );
  }
}

/** `value` checked against schemas/market.schema.json and for meaning, or `refuse(problem)`. */
function checked(value: unknown, refuse: (what: string) => InputError): Market {
  const problem = schemaProblem(marketSchema as Schema, value);
  // A file from another data version is most often an old export: say so, and how to redo it.
  const version = (value as { dataVersion?: unknown } | null)?.dataVersion;
  const other =
    typeof version === 'string' && version !== bundledMarket.dataVersion
      ? `; the file is data ${version}, this ml-salary's ${bundledMarket.dataVersion}: an older export lacks newer fields (compare with \`ml-salary market --json\`)`
      : '';
  if (problem !== undefined) throw refuse(`${problem} (see schemas/market.schema.json${other})`);
  try {
    checkMeaning(value as Market);
  } catch (error) {
    throw refuse((error as Error).message);
  }
  return value as Market;
}

/**
 * A market for estimate() from a changed copy of `market` (or parsed JSON), checked as --data
 * checks a file: a fresh, deeply frozen copy (estimate() remembers what it derives from a market
 * object, so a market must not change once used). A copy that differs from the bundled market
 * gets a source entry as a --data file does, so a figure it changed is cited to it (review3 A22).
 * Throws InputError (field `market`) naming the JSON path of the first problem.
 */
export function checkMarket(value: unknown): Market {
  const refuse = (what: string) => new InputError(`market: ${what}`, 'market');
  let copy: unknown;
  try {
    copy = structuredClone(value);
  } catch {
    throw refuse('not plain data (structuredClone cannot copy it)');
  }
  // A copy of a checked copy: the entry this check added is added afresh.
  const sources = (copy as Partial<Market> | null)?.sources;
  if (Array.isArray(sources) && sources[0]?.id === MARKET_FILE_SOURCE) sources.shift();
  const market = checked(copy, refuse);
  if (JSON.stringify(market) !== JSON.stringify(bundledMarket))
    named(
      market,
      'checkMarket()',
      'Market data changed from the bundled data/market.json (checkMarket)',
      'A changed copy: the figures it changed are its own.',
    );
  return deepFreeze(market);
}

/**
 * A market file's parsed JSON, checked; `name` says where it came from in messages. The market
 * gets a source entry naming the file, which every estimate then cites. Throws InputError
 * (`--data`) with one line: the JSON path and what is wrong.
 */
export function checkMarketFile(
  value: unknown,
  name: string,
  file: string,
  bundled?: Market,
): Market {
  const market = checked(
    value,
    (what) => new InputError(`${FIELD} ${clip(name, 200)}: ${what}`, FIELD),
  );
  const title = `Market data from ${basename(file)} (--data), not the bundled data/market.json`;
  const reading = 'Given with --data: every figure of this estimate comes from this file.';
  return deepFreeze(named(market, file, title, reading, bundled));
}

/** `market` with the source entry that names where its figures come from, first (every estimate cites it). */
function named(
  market: Market,
  file: string,
  title: string,
  reading: string,
  bundled = bundledMarket,
): Market {
  market.sources.unshift({
    id: MARKET_FILE_SOURCE,
    file,
    title,
    reading,
    always: true,
    own: ownFigures(market, bundled),
  });
  return market;
}

/**
 * The factors (reason ids, 'city:boston') whose figure is the file's own, so cited to the file:
 * a figure changed from the bundled entry of that id (or a level's base) while what it cites is
 * not, and a city's
 * multiplier that is not the factor its federal block says it is (unless the guides outrank it),
 * or, where records are weighed in, not between them and that prior.
 */
function ownFigures(m: Market, bundled: Market): string[] {
  type Loose = Record<string, unknown> & { id: string };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const kinds = [
    ['city', m.locations, bundled.locations, 'multiplier', ['evidence', 'federal', 'records']],
    ['industry', m.industries, bundled.industries, 'baseMultiplier', ['evidence']],
    ['degree', m.degrees.list, bundled.degrees.list, 'multiplier', ['sources', 'quote']],
    ['skill', m.skills.list, bundled.skills.list, 'premium', ['source', 'quote']],
  ] as unknown as [string, Loose[], Loose[], string, string[]][];
  const own = kinds.flatMap(([kind, list, was, figure, cites]) =>
    list
      .filter((e) => {
        const b = was.find((x) => x.id === e.id);
        return b && e[figure] !== b[figure] && cites.every((k) => same(e[k], b[k]));
      })
      .map((e) => `${kind}:${e.id}`),
  );
  for (const { id, federal: f, records: r, multiplier: x } of m.locations) {
    // Where records are weighed in, the multiplier lies between them and the prior.
    const prior = r && f?.guidesOutrank ? r.prior : f?.factor;
    if (!f || (f.guidesOutrank && !r)) continue;
    const fits = r
      ? r.prior === prior && x >= Math.min(r.factor, prior) && x <= Math.max(r.factor, prior)
      : x === prior;
    if (!fits) own.push(`city:${id}`);
  }
  // The ladder's bases (the experience step cites the levels' sources for them).
  const levels = (x: Market) => x.levels.list.map((l) => l.base);
  if (
    bundled &&
    !same(levels(m), levels(bundled)) &&
    same(m.levels.sources, bundled.levels.sources)
  )
    own.push('experience');
  return [...new Set(own)];
}
