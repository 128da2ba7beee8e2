// Your own market file (--data): read, checked against schemas/market.schema.json and for what a
// schema cannot say (ranges in order, anchors going up in years, names that match one entry,
// references that exist), and named in every estimate's sources.
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { readText } from './files.js';
import { parseJson } from './json.js';
import { MAX_FIGURE, money } from '../model/format.js';
import { deepFreeze } from '../model/freeze.js';
import marketSchema from '../../schemas/market.schema.json' with { type: 'json' };
import { schemaProblem, type Schema } from './schema.js';
import { hiddenCharacter, matchKey, nameMap } from './names.js';
import { clip } from './numbers.js';
import { LEVELS, MARKET_FILE_SOURCE, type Market, type Widths } from '../model/types.js';

const FIELD = '--data';

type Fail = (path: string, message: string) => never;

/** Every value in a market file with its JSON path, parents before children. */
function nodes(value: unknown, path = '', out: [string, unknown][] = []): [string, unknown][] {
  out.push([path, value]);
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nodes(v, `${path}/${k}`, out);
  }
  return out;
}

/** Texts reach the terminal: no escape codes or hidden characters; every { low, mid, high } in order. */
function checkNodes(m: Market, fail: Fail): void {
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
  const fail: Fail = (path, message) => {
    throw new Error(`${path}: ${message}`);
  };
  checkNodes(m, fail);
  increasing(
    '/experience/position/anchors',
    m.experience.position.anchors.map((a) => a.years),
    'years',
    fail,
  );
  m.experience.curves.forEach((c, i) => {
    increasing(
      `/experience/curves/${i}/bands`,
      c.bands.map((b) => b.anchorYears),
      'anchorYears',
      fail,
    );
    c.bands.forEach((b, j) => {
      if (b.base[0] > b.base[1])
        fail(
          `/experience/curves/${i}/bands/${j}/base`,
          `low ${b.base[0]} is above high ${b.base[1]}`,
        );
      if (b.total && b.total[0] > b.total[1])
        fail(
          `/experience/curves/${i}/bands/${j}/total`,
          `low ${b.total[0]} is above high ${b.total[1]}`,
        );
    });
  });
  checkLadder(m, fail);
  for (const [id, table] of Object.entries(m.spread.tables)) {
    for (const given of ['withoutLevel', 'withLevel'] as const) {
      for (const [part, rows] of Object.entries(table[given]) as [string, Widths[]][]) {
        rows.forEach((w, i) => {
          if (!(w[0] <= w[1] && w[1] <= 1 && 1 <= w[2] && w[2] <= w[3]))
            fail(
              `/spread/tables/${id}/${given}/${part}/${i}`,
              `[${w.join(', ')}] is not in order (P10 <= P25 <= 1 <= P75 <= P90)`,
            );
        });
      }
    }
  }
  for (const [id, kind] of Object.entries(m.payMix.kinds)) {
    if (!Object.hasOwn(m.spread.tables, kind.spread))
      fail(
        `/payMix/kinds/${id}/spread`,
        `'${clip(kind.spread)}' is not one of spread.tables (${Object.keys(m.spread.tables).join(', ')})`,
      );
  }
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
    nameMap(list, (name, taken, id, i) =>
      fail(`/${path}/${i}`, `the name '${clip(name)}' matches both '${taken}' and '${id}'`),
    );
  }
  m.industries.forEach((ind, i) => {
    if (!Object.hasOwn(m.payMix.kinds, ind.payMix)) {
      fail(
        `/industries/${i}/payMix`,
        `'${clip(ind.payMix)}' is not one of payMix.kinds (${Object.keys(m.payMix.kinds).join(', ')})`,
      );
    }
  });
  const ids = (list: readonly { id: string }[]) => list.map((e) => e.id);
  m.renamed.forEach((r, i) => {
    const to = m.industries.find((ind) => ind.id === r.to);
    if (to === undefined) return fail(`/renamed/${i}/to`, `'${clip(r.to)}' is not an industry id`);
    if (![to.id, to.label, ...to.aliases].some((n) => matchKey(n) === matchKey(r.from)))
      fail(
        `/renamed/${i}/from`,
        `'${clip(r.from)}' is not a name of '${to.id}' (add it to its aliases)`,
      );
  });
  const d = m.defaults;
  if (!ids(m.locations).includes(d.city))
    fail('/defaults/city', `'${clip(d.city)}' is not a location id`);
  if (!ids(m.industries).includes(d.industry))
    fail('/defaults/industry', `'${clip(d.industry)}' is not an industry id`);
  if (!ids(m.degrees.list).includes(d.degree))
    fail('/defaults/degree', `'${clip(d.degree)}' is not a degree id`);
  d.skills.forEach((s, i) => {
    if (!ids(m.skills.list).includes(s))
      fail(`/defaults/skills/${i}`, `'${clip(s)}' is not a skill id`);
  });
  // Every figure's source names a source of the file.
  const cites = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v, i) => cites(v, `${path}/${i}`));
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'source' && typeof v === 'string' && !sources.has(v)) {
        fail(`${path}/${k}`, `'${clip(v)}' is not the id of a source in /sources`);
      }
      if (k === 'sources' && Array.isArray(v) && path !== '') {
        v.forEach((s, i) => {
          if (typeof s === 'string' && !sources.has(s))
            fail(`${path}/${k}/${i}`, `'${clip(s)}' is not the id of a source in /sources`);
        });
      }
      cites(v, `${path}/${k}`);
    }
  };
  cites(m, '');
  checkLargest(m, fail);
}

/** The largest of `values` with its path, or [0, ''] when none is positive. */
function largest(values: Iterable<[number, string]>): [number, string] {
  let best: [number, string] = [0, ''];
  for (const v of values) if (v[0] > best[0]) best = v;
  return best;
}

/** The level ladder: each level once, bases going up, the years that imply levels going up. */
function checkLadder(m: Market, fail: Fail): void {
  const list = m.levels.list;
  LEVELS.forEach((id, i) => {
    if (list[i]?.id !== id)
      fail(`/levels/list/${i}/id`, `the ladder lists the levels in order: ${LEVELS.join(', ')}`);
  });
  list.forEach((l, i) => {
    if (i > 0 && !(l.base >= list[i - 1]!.base))
      fail(`/levels/list/${i}/base`, `${l.base} is below the level before (${list[i - 1]!.base})`);
  });
  const implied = list.filter((l) => l.fromYears !== null).map((l) => l.fromYears!);
  if (list[0]!.fromYears !== 0)
    fail('/levels/list/0/fromYears', 'entry is where years start: fromYears 0');
  increasing('/levels/list', implied, 'fromYears', fail);
}

function increasing(path: string, xs: readonly number[], what: string, fail: Fail): void {
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
function checkLargest(m: Market, fail: Fail): void {
  const national = largest(m.levels.list.map((l, i) => [l.base, `/levels/list/${i}/base`]));
  const city = largest(m.locations.map((l, i) => [l.multiplier, `/locations/${i}/multiplier`]));
  const spread = Math.max(1, ...m.locations.map((l) => l.spread ?? 1));
  const employer = largest(
    m.industries.map((ind, i) => [ind.baseMultiplier, `/industries/${i}/baseMultiplier`]),
  );
  const skills = m.skills.list.reduce((sum, s) => sum + s.premium / m.skills.reference.base, 0);
  const degree = largest(
    m.degrees.list.map((d, i) => [Math.max(1, d.multiplier), `/degrees/list/${i}/multiplier`]),
  );
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
      Object.entries(m.spread.tables).flatMap(([id, t]) =>
        (['withoutLevel', 'withLevel'] as const).flatMap((g) =>
          (Object.entries(t[g]) as [string, Widths[]][])
            .filter(([name]) => part === 'any' || name === part)
            .flatMap(([name, rows]) =>
              rows.map((w, i): [number, string] => [
                w[3],
                `/spread/tables/${id}/${g}/${name}/${i}/3`,
              ]),
            ),
        ),
      ),
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

/**
 * A market from parsed JSON, checked against schemas/market.schema.json and for meaning; `name`
 * says where it came from in messages. The market gets a source entry naming the file, which
 * every estimate then cites. Throws InputError (`--data`) with one line: the JSON path and what
 * is wrong.
 */
export function checkMarket(value: unknown, name: string, file: string): Market {
  const problem = schemaProblem(marketSchema as Schema, value);
  if (problem !== undefined) {
    throw new InputError(
      `${FIELD} ${clip(name, 200)}: ${problem} (see schemas/market.schema.json)`,
      FIELD,
    );
  }
  const market = value as Market;
  try {
    checkMeaning(market);
  } catch (error) {
    throw new InputError(`${FIELD} ${clip(name, 200)}: ${(error as Error).message}`, FIELD);
  }
  if (market.sources.some((s) => s.id === MARKET_FILE_SOURCE)) {
    throw new InputError(
      `${FIELD} ${clip(name, 200)}: /sources: the id '${MARKET_FILE_SOURCE}' is ml-salary's own (it names the file); use another`,
      FIELD,
    );
  }
  market.sources.unshift({
    id: MARKET_FILE_SOURCE,
    file,
    title: `Market data from ${basename(file)} (--data), not the bundled data/market.json`,
    reading: 'Given with --data: every figure of this estimate comes from this file.',
    always: true,
  });
  return deepFreeze(market);
}

/**
 * Read and check a market file (--data), or stdin for `-`, as every user file is read
 * (input/files.ts: size, encoding, duplicate keys, signals).
 */
export async function readMarketFile(
  path: string,
  io: { stdin: NodeJS.ReadableStream; signal?: AbortSignal },
): Promise<Market> {
  const text = await readText(path, io, FIELD);
  const name = path === '-' ? 'stdin' : path;
  return checkMarket(parseJson(text, `${FIELD} ${clip(name, 200)}`, FIELD), name, name);
}
