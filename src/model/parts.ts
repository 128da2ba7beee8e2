import { InputError } from '../errors.js';
import { mixAt, spreadOf, widthsAt } from './ladder.js';
import { newStage, prepared, STAGES, type KindAt, type Prepared, type Stage } from './memo.js';
import type {
  Degree,
  Figures,
  Industry,
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

/** What a profile's figures are made of. */
export interface Parts {
  profile: Profile;
  prepared: Prepared;
  stage: Stage;
  location: Location;
  industry: Industry;
  kind: PayMixKind;
  at: KindAt;
  degree: Degree;
  /** The profile's skills, each once, largest premium first, and each one's share of base. */
  skills: Skill[];
  skillShares: number[];
  degreeFactor: number;
  /** The typical base before the skills' premiums, and with them (unrounded). */
  before: number;
  base: number;
}

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

/** The profile's skills, each once (first occurrence wins), checked against the market. */
function skillsOf(profile: Profile, market: Market, catalog: Prepared): Skill[] {
  const list = market.skills.list;
  if (!Array.isArray(profile.skills)) {
    // A plain-JavaScript caller's string ("mlops") would otherwise be read letter by letter.
    throw new InputError(
      `skills must be an array of skill ids, like ['mlops', 'nlp-llm'] (known: ${list.map((s) => s.id).join(', ')}); resolveProfile turns names into ids`,
      'skills',
    );
  }
  const out: Skill[] = [];
  for (const id of profile.skills as unknown[]) {
    const skill = known(catalog.skills, list, id, 'skills', 'skill');
    if (!out.includes(skill)) out.push(skill);
  }
  return out;
}

/** What depends on the years, or on the given level (and the years, for the degree's fade). */
function stageOf(market: Market, p: Prepared, years: number, level: Level | undefined): Stage {
  let map = p.byYears;
  if (level !== undefined) {
    map = p.byLevel.get(level) ?? new Map<number, Stage>();
    p.byLevel.set(level, map);
  }
  let stage = map.get(years);
  if (stage === undefined) {
    stage = newStage(market, years, level);
    if (map.size >= STAGES) map.clear();
    map.set(years, stage);
  }
  return stage;
}

/** An employer kind's pay mix and widths at a stage and a location spread. */
function kindAt(market: Market, kind: PayMixKind, stage: Stage, scale: number): KindAt {
  let byScale = stage.kinds.get(kind);
  if (byScale === undefined) stage.kinds.set(kind, (byScale = new Map()));
  let at = byScale.get(scale);
  if (at === undefined) {
    const table = spreadOf(market, kind, stage.given);
    const widths = (rows: readonly Widths[]) => widthsAt(rows, stage.position, scale);
    at = {
      mix: mixAt(kind, stage.position),
      widths: {
        base: widths(table.base),
        bonus: widths(table.bonus),
        equity: widths(table.equity),
        total: widths(table.total),
      },
    };
    byScale.set(scale, at);
  }
  return at;
}

/** What a profile's figures are made of; throws InputError naming the field at fault. */
export function partsOf(profile: Profile, market: Market): Parts {
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
  const catalog = prepared(market);
  const location = known(catalog.locations, market.locations, profile.city, 'city');
  const industry = known(catalog.industries, market.industries, profile.industry, 'industry');
  const degree = known(catalog.degrees, market.degrees.list, profile.degree, 'degree');
  const skills = skillsOf(profile, market, catalog);
  const kind = market.payMix.kinds[industry.payMix];
  if (kind === undefined || !Object.hasOwn(market.payMix.kinds, industry.payMix)) {
    throw new Error(`market data: industry '${industry.id}' has an unknown payMix`);
  }
  const stage = stageOf(market, catalog, years, level);
  const out: Profile = {
    years,
    city: location.id,
    industry: industry.id,
    skills: skills.map((s) => s.id),
    degree: degree.id,
  };
  if (level !== undefined) out.level = level;
  const reference = market.skills.reference.base;
  if (skills.length > 1) skills.sort((a, b) => b.premium - a.premium);
  const d = market.skills.diminishingFactor;
  const degreeFactor = 1 + (degree.multiplier - 1) * stage.degreeWeight;
  const before = stage.national * location.multiplier * industry.baseMultiplier * degreeFactor;
  const skillShares: number[] = [];
  let share = 0;
  for (let rank = 0; rank < skills.length; rank++) {
    skillShares.push((skills[rank]!.premium / reference) * d ** rank * stage.skillWeight);
    share += skillShares[rank]!;
  }
  return {
    profile: out,
    prepared: catalog,
    stage,
    location,
    industry,
    kind,
    at: kindAt(market, kind, stage, location.spread ?? 1),
    degree,
    skills,
    skillShares,
    degreeFactor,
    before,
    base: before * (1 + share),
  };
}
