import { degreeWeight, ladderBase, levelFor, positionFor, skillWeight } from './ladder.js';
import type {
  Degree,
  Estimate,
  Industry,
  Level,
  Location,
  Market,
  MixAtLevel,
  PayMixKind,
  Skill,
  SourceRef,
  Widths,
} from './types.js';
import { LEVELS } from './types.js';

// What estimate() works out once per market and remembers: the catalogue by id, and what depends
// only on the years (or the given level), on the employer's kind there, or on one entry, with the
// reasons' labels. Its one speed device, kept because `npm run bench`'s estimate() row needs it
// for 1,000,000 calls a second (built again on every call, the labels and widths made estimate()
// about 6 times slower). A market is frozen once used (market.ts), so nothing remembered goes
// stale; the WeakMap lets it go with the market, and the bounds keep memory flat (a batch sees a
// few hundred years values). Values are keyed by number or by object, never by a built string.

/** A reason without its effect, and where its sources stand in the market's list. */
export interface Reason {
  id: string;
  label: string;
  sources: readonly string[];
  /** The sources' places in the market's list, as bits (markets of at most 31 sources). */
  mask: number;
}

/** An employer kind's pay mix and the widths of every part, at a stage and a location spread. */
export interface KindAt {
  mix: MixAtLevel;
  widths: { base: Widths; bonus: Widths; equity: Widths; total: Widths };
  reasons?: { bonus: Reason; equity: Reason };
}

/** What depends on the years, or on the given level (and the years: the degree's fade), alone. */
export function newStage(market: Market, years: number, level: Level | undefined) {
  /** The position on the ladder (0 = entry ... 4 = principal). */
  const position = level === undefined ? positionFor(market, years) : LEVELS.indexOf(level);
  return {
    position,
    given: level !== undefined,
    level: level ?? levelFor(market, years),
    /** The national typical base at the position. */
    national: ladderBase(market, position),
    skillWeight: skillWeight(market, position),
    degreeWeight: degreeWeight(market, years),
    /** Each employer kind there, by location spread. */
    kinds: new Map<PayMixKind, Map<number, KindAt>>(),
    experience: undefined as Reason | undefined,
    degrees: new Map<Degree, Reason>(),
    /** A skill's reason by its rank among the profile's (0 = largest premium). */
    skills: new Map<Skill, Reason[]>(),
    views: undefined as Pick<Estimate, 'guides' | 'openData'> | undefined,
  };
}
export type Stage = ReturnType<typeof newStage>;

export type Prepared = ReturnType<typeof newPrepared>;
const preparedMarkets = new WeakMap<Market, Prepared>();
/** Stages remembered per market: a batch sees a few hundred years values; the bound keeps memory flat. */
export const STAGES = 4096;

/** The entries by id (the first of a repeated id wins, as a search of the list would find it). */
function byId<T extends { id: string }>(list: readonly T[]): Map<unknown, T> {
  const map = new Map<unknown, T>();
  for (const e of list) if (!map.has(e.id)) map.set(e.id, e);
  return map;
}

function newPrepared(market: Market) {
  return {
    locations: byId(market.locations),
    industries: byId(market.industries),
    degrees: byId(market.degrees.list),
    skills: byId(market.skills.list),
    byYears: new Map<number, Stage>(),
    byLevel: new Map<Level, Map<number, Stage>>(),
    places: new Map<Location, Reason>(),
    employers: new Map<Industry, Reason>(),
    /** The market's sources as estimates name them, those every estimate cites (as bits), and
     * the cited sources by their bits. */
    refs: market.sources.map((s) => Object.freeze({ id: s.id, title: s.title, file: s.file })),
    always: market.sources.reduce((bits, s, i) => (s.always === true ? bits | (1 << i) : bits), 0),
    cited: new Map<number, readonly SourceRef[]>(),
  };
}

/** What estimate() remembers for this market (made at its first estimate). */
export function prepared(market: Market): Prepared {
  let p = preparedMarkets.get(market);
  if (p === undefined) preparedMarkets.set(market, (p = newPrepared(market)));
  return p;
}
