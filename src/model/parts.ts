import { InputError } from '../errors.js';
import {
  degreeWeight,
  ladderBase,
  levelFor,
  mixAt,
  positionFor,
  skillWeight,
  widthsAt,
} from './ladder.js';
import { employerReason, mixReasons, placeReason, keep, type Reason } from './reasons.js';
import type {
  Degree,
  Estimate,
  Figures,
  Level,
  Location,
  Market,
  PayMixKind,
  Profile,
  Skill,
  Widths,
} from './types.js';
import { LEVELS } from './types.js';

// What a profile's figures are made of: its catalogue entries (each checked: an unknown id is an
// InputError naming the field), where it sits on the level ladder, the factors on base, and the
// pay mix and widths there.
//
// What estimate() works out once and remembers, its one speed device: `npm run bench`'s
// estimate() row needs it for 1,000,000 calls a second (worked out on every call, the widths'
// powers and the labels' numbers made estimate() over ten times slower). Per market: the
// catalogue by id, each place's and employer's reason, the sources. Per years (or given level)
// a stage: the position and what is read there. A market never changes once used (the library's
// is frozen, src/index.ts; the command line never changes its own; docs/scripting.md asks for a
// changed copy), so nothing remembered goes stale; the WeakMap lets it go with the market, and
// a bound keeps memory flat (a batch sees a few hundred years values).

/** What depends on the years, or on the given level (and the years: the degree's fade), alone. */
function newStage(market: Market, years: number, level: Level | undefined) {
  const given = level !== undefined;
  /** The position on the ladder (0 = entry ... 4 = principal). */
  const position = given ? LEVELS.indexOf(level) : positionFor(market, years);
  return {
    years,
    position,
    given,
    level: level ?? levelFor(market, years),
    // With a level given, the level prices the person: its records hold every degree and skill.
    degreeWeight: given ? market.degrees.withLevel : degreeWeight(market, years),
    /** The national typical base at the position. */
    national: ladderBase(market, position),
    skillWeight: given ? market.skills.withLevel : skillWeight(market, position),
    experience: undefined as Reason | undefined,
    /** A degree's reason (there, after these years). */
    degrees: new Map<Degree, Reason>(),
    /** Each employer kind there, by location. */
    kinds: new Map<PayMixKind, Map<Location, KindAt>>(),
    /** A skill's reason by its rank among the profile's (0 = largest premium). */
    skills: new Map<Skill, Reason[]>(),
    views: undefined as Pick<Estimate, 'guides' | 'openData'> | undefined,
  };
}
export type Stage = ReturnType<typeof newStage>;

/** An employer kind's pay mix, the widths of every part and its reasons, at a stage and a location. */
function kindAt(
  market: Market,
  kind: PayMixKind,
  stage: { position: number; given: boolean },
  location: Location,
) {
  const { withLevel, withoutLevel } = market.spread.tables[kind.spread]!;
  const table = stage.given ? withLevel : withoutLevel;
  const widths = (rows: readonly Widths[]) => widthsAt(rows, stage.position, location.spread ?? 1);
  const mix = mixAt(kind, stage.position, location.id);
  return {
    mix,
    widths: {
      base: widths(table.base),
      bonus: widths(table[kind.bonusSpread ?? 'bonus']),
      equity: widths(table.equity),
      total: widths(table.total),
    },
    ...mixReasons(market, kind, mix, location.id),
  };
}
type KindAt = ReturnType<typeof kindAt>;

/** The entries by id (the first of a repeated id wins, as a search of the list would find it). */
function byId<T extends { id: string }, U>(list: readonly T[], of: (e: T) => U): Map<unknown, U> {
  const map = new Map<unknown, U>();
  for (const e of list) if (!map.has(e.id)) map.set(e.id, of(e));
  return map;
}

function newTable(market: Market) {
  const kinds = market.payMix.kinds;
  return {
    // Each place's and employer's reason is written when first used: a run needs one of each.
    locations: byId(market.locations, (l) => ({
      entry: l,
      reason: undefined as Reason | undefined,
    })),
    industries: byId(market.industries, (i) => {
      if (!Object.hasOwn(kinds, i.payMix)) {
        throw new Error(`market data: industry '${i.id}' has an unknown payMix`);
      }
      const kind = kinds[i.payMix]!;
      if (!Object.hasOwn(market.spread.tables, kind.spread)) {
        throw new Error(`market data: no spread table '${kind.spread}'`);
      }
      return { entry: i, kind, reason: undefined as Reason | undefined };
    }),
    degrees: byId(market.degrees.list, (d) => d),
    skills: byId(market.skills.list, (s) => s),
    /** Stages by given level (or none), then by years. */
    stages: new Map<Level | undefined, Map<number, Stage>>(),
    /** The market's sources as estimates name them, and those every estimate cites (as bits). */
    refs: market.sources.map((s) => Object.freeze({ id: s.id, title: s.title, file: s.file })),
    always: market.sources.reduce((bits, s, i) => (s.always === true ? bits | (1 << i) : bits), 0),
  };
}
const tables = new WeakMap<Market, ReturnType<typeof newTable>>();
/** Stages remembered per market and level: a batch sees a few hundred years values. */
const STAGES = 4096;

/** The figures of an estimate without its reasons: what `price()` returns. */
export interface Price extends Figures {
  profile: Profile;
}

/** The entry with this id, or the InputError naming the profile field and the known ids. */
function known<T>(
  map: Map<unknown, T>,
  list: readonly { id: string }[],
  id: unknown,
  field: keyof Profile,
  what: string = field,
): T {
  const found = map.get(id);
  if (found !== undefined) return found;
  throw new InputError(
    `unknown ${what} id '${String(id)}' (known: ${list.map((x) => x.id).join(', ')})`,
    field,
  );
}

/** The profile's skills, each once (first occurrence wins), checked against the market: their
 * ids and labels in the profile's order, the skills largest premium first (equal ones in order). */
function skillsOf(profile: Profile, market: Market, known: (id: unknown) => Skill) {
  if (!Array.isArray(profile.skills)) {
    // A plain-JavaScript caller's string ("mlops") would otherwise be read letter by letter.
    throw new InputError(
      `skills must be an array of skill ids, like ['mlops', 'nlp-llm'] (known: ${market.skills.list.map((s) => s.id).join(', ')}); resolveProfile turns names into ids`,
      'skills',
    );
  }
  const ids: string[] = [];
  const labels: string[] = [];
  const skills: Skill[] = [];
  for (const id of profile.skills as unknown[]) {
    const skill = known(id);
    if (skills.includes(skill)) continue;
    ids.push(skill.id);
    labels.push(skill.label);
    skills.push(skill);
    for (let at = skills.length - 1; at > 0 && skills[at - 1]!.premium < skill.premium; at--) {
      skills[at] = skills[at - 1]!;
      skills[at - 1] = skill;
    }
  }
  return { ids, labels, skills };
}

/** What a profile's figures are made of; throws InputError naming the field at fault. */
export function partsOf(profile: Profile, market: Market) {
  const { years, level } = profile;
  const maxYears = market.experience.maxYears;
  if (typeof years !== 'number' || !Number.isFinite(years) || years < 0 || years > maxYears) {
    throw new InputError(`years must be a number from 0 to ${maxYears}`, 'years');
  }
  if (level !== undefined && !LEVELS.includes(level)) {
    throw new InputError(
      `unknown level id '${String(level)}' (known: ${LEVELS.join(', ')})`,
      'level',
    );
  }
  let table = tables.get(market);
  if (table === undefined) tables.set(market, (table = newTable(market)));
  const place = known(table.locations, market.locations, profile.city, 'city');
  const employer = known(table.industries, market.industries, profile.industry, 'industry');
  const degree = known(table.degrees, market.degrees.list, profile.degree, 'degree');
  const { ids, labels, skills } = skillsOf(profile, market, (id) =>
    known(table.skills, market.skills.list, id, 'skills', 'skill'),
  );
  const byYears = table.stages.get(level) ?? keep(table.stages, level, new Map<number, Stage>());
  const stage = byYears.get(years) ?? keep(byYears, years, newStage(market, years, level), STAGES);
  const location = place.entry;
  const industry = employer.entry;
  const { kind } = employer;
  const out: Profile = {
    years,
    city: location.id,
    industry: industry.id,
    skills: ids,
    degree: degree.id,
  };
  if (level !== undefined) out.level = level;
  const degreeFactor = 1 + (degree.multiplier - 1) * stage.degreeWeight;
  const before = stage.national * location.multiplier * industry.baseMultiplier * degreeFactor;
  const { reference, diminishingFactor } = market.skills;
  const skillShares: number[] = [];
  let share = 0;
  for (let rank = 0; rank < skills.length; rank++) {
    skillShares.push(
      (skills[rank]!.premium / reference.base) * diminishingFactor ** rank * stage.skillWeight,
    );
    share += skillShares[rank]!;
  }
  const byLocation = stage.kinds.get(kind) ?? keep(stage.kinds, kind, new Map<Location, KindAt>());
  return {
    profile: out,
    table,
    stage,
    location,
    industry,
    /** The location's and the employer's reasons. */
    place: (place.reason ??= placeReason(market, location)),
    employer: (employer.reason ??= employerReason(market, industry)),
    kind,
    at:
      byLocation.get(location) ?? keep(byLocation, location, kindAt(market, kind, stage, location)),
    degree,
    /** The labels of the profile's skills as listed; the skills largest premium first, and each
     * one's share of base in that order. */
    skillLabels: labels,
    skills,
    skillShares,
    degreeFactor,
    /** The typical base before the skills' premiums, and with them (unrounded). */
    before,
    base: before * (1 + share),
  };
}
/** What a profile's figures are made of. */
export type Parts = ReturnType<typeof partsOf>;
