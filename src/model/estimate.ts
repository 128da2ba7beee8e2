import { InputError } from '../errors.js';
import { money, moneyK, multiplier, percent, yearsText } from './format.js';
import { deepFreeze } from './freeze.js';
import type {
  Degree,
  Estimate,
  Evidence,
  Factor,
  Figures,
  GuideView,
  Industry,
  Level,
  Location,
  Market,
  OpenDataView,
  PayMixKind,
  Profile,
  Range,
  Skill,
  SourceRef,
} from './types.js';

// The estimate, step by step (README "How the estimate is built"):
//   1. national base by years: the open salary data and the guides combined;
//   2. x the city's multiplier; 3. x the employer's base multiplier;
//   4. + the skills' premiums, stacked with diminishing returns;
//   5. + the degree's premium, fading with experience;
//   6. bonus and equity as shares of base, from the employer's pay mix at these years
//      (private paper equity valued at $0 at the low end);
//   7. the total: the parts' sum at the typical end, its own range at the low and high ends.
// Each of low, typical (mid) and high is computed the same way from the matching end of every
// input range. The factors are the steps' effects on the typical total, in dollars.

const ENDS = ['low', 'mid', 'high'] as const;

/** A range made end by end: `f('low')`, `f('mid')`, `f('high')`. */
function byEnd(f: (end: keyof Range) => number): Range {
  return { low: f(ENDS[0]), mid: f(ENDS[1]), high: f(ENDS[2]) };
}

/** The straight line through (xa, ya) and (xb, yb), at x. */
function linear(xa: number, ya: number, xb: number, yb: number, x: number): number {
  return ya + ((yb - ya) * (x - xa)) / (xb - xa);
}

/**
 * A range given at some numbers of years (anchors, in increasing order), at `years`: straight
 * lines between the anchors, flat before the first and after the last (no source says what
 * happens past its ends).
 */
function alongAnchors<A extends { years: number }>(
  anchors: readonly A[],
  years: number,
  range: (anchor: A) => Range,
): Range {
  const first = anchors[0];
  const last = anchors[anchors.length - 1];
  if (!first || !last) throw new Error('market data: a list of anchors is empty');
  if (years <= first.years) return { ...range(first) };
  if (years >= last.years) return { ...range(last) };
  let i = 1;
  while (years > anchors[i]!.years) i++;
  const a = anchors[i - 1]!;
  const b = anchors[i]!;
  const ra = range(a);
  const rb = range(b);
  return byEnd((end) => linear(a.years, ra[end], b.years, rb[end], years));
}

/**
 * The national base band at `years`: the open data and both guides combined at each level
 * (`experience.national`), joined by straight lines.
 */
export function nationalBase(market: Market, years: number): Range {
  return alongAnchors(market.experience.national.anchors, years, (a) => a);
}

/** A pay mix at `years`: bonus and equity as shares of base (straight lines between anchors). */
export function payMixAt(
  kind: PayMixKind,
  years: number,
): { bonus: Range; equity: Range; paper: boolean } {
  return {
    bonus: alongAnchors(kind.anchors, years, (a) => a.bonus),
    equity: alongAnchors(kind.anchors, years, (a) => a.equity),
    paper: kind.paper === true,
  };
}

/** Share of a degree's premium that still applies after `years` (1 early on, fading to a residual). */
export function degreeWeight(market: Market, years: number): number {
  const { fullUntilYears, fadedByYears, residual } = market.degrees.fade;
  if (years <= fullUntilYears) return 1;
  if (years >= fadedByYears) return residual;
  return 1 + ((residual - 1) * (years - fullUntilYears)) / (fadedByYears - fullUntilYears);
}

/** Skill premiums stacked: at each end, largest first, weighted 1, d, d^2, ... */
export function stackSkillPremiums(skills: readonly Skill[], diminishing: number): Range {
  if (skills.length === 0) return { low: 0, mid: 0, high: 0 };
  if (skills.length === 1) return { ...skills[0]!.premium }; // weight 1
  return {
    low: stacked(
      skills.map((s) => s.premium.low),
      diminishing,
    ),
    mid: stacked(
      skills.map((s) => s.premium.mid),
      diminishing,
    ),
    high: stacked(
      skills.map((s) => s.premium.high),
      diminishing,
    ),
  };
}

/** Premiums sorted largest first and summed with weights 1, d, d^2, ... */
function stacked(premiums: number[], diminishing: number): number {
  premiums.sort((a, b) => b - a);
  let sum = 0;
  for (let i = 0; i < premiums.length; i++) sum += premiums[i]! * diminishing ** i;
  return sum;
}

/**
 * The total's own range (README step 7). The typical total is the sum of the typical parts.
 * Its low and high are not the sums of the parts' lows and highs (every part at its low end at
 * once is far rarer than the low of any one part): writing total = base x m, with m the pay mix's
 * total over base, each side combines the spread of base and of m as log distances with the
 * correlation `rho`. rho = 1 gives back the sums of the ends.
 */
export function totalRange(base: Range, mix: Range, mid: number, rho: number): Range {
  return {
    low: totalEnd(base.low, base.mid, mix.low, mix.mid, mid, rho, -1),
    mid,
    high: totalEnd(base.high, base.mid, mix.high, mix.mid, mid, rho, 1),
  };
}

/** One end of `totalRange` (`sign` -1 for the low end, 1 for the high), from plain numbers. */
function totalEnd(
  baseEnd: number,
  baseMid: number,
  mixEnd: number,
  mixMid: number,
  mid: number,
  rho: number,
  sign: number,
): number {
  const db = Math.abs(Math.log(baseEnd / baseMid));
  const dm = Math.abs(Math.log(mixEnd / mixMid));
  const spread = Math.sqrt(db * db + dm * dm + 2 * rho * db * dm);
  return Math.round(mid * Math.exp(sign * spread));
}

/** The level a number of years falls in. */
export function levelFor(market: Market, years: number): Level {
  let level: Level = 'entry';
  for (const l of market.experience.levels) if (years >= l.fromYears) level = l.id;
  return level;
}

/** The distinct values in first-seen order. */
function uniq(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

const evidenceSources = (evidence: readonly Evidence[]): string[] =>
  uniq(evidence.map((e) => e.source));

/** A reason without its effect: what depends only on the market. */
interface Reason {
  id: string;
  label: string;
  sources: readonly string[];
  /** Where each of `sources` stands in the market's list of sources. */
  at: readonly number[];
}

/** A reason, with where its sources stand in the market's list. */
function reason(market: Market, id: string, label: string, sources: readonly string[]): Reason {
  const at = sources.map((s) => market.sources.findIndex((m) => m.id === s));
  return deepFreeze({ id, label, sources: [...sources], at: at.filter((i) => i >= 0) });
}

/**
 * What estimate() works out once per market and remembers (its one speed trick; `npm run
 * bench`'s estimate() row justifies it): the catalogue entries by id with their reasons, the
 * figures that depend on the years alone, and the source entries. A market never changes once
 * used (see market.ts), so nothing here goes stale; a WeakMap lets it go with the market.
 */
interface Prepared {
  locations: Map<unknown, { entry: Location; reason: Reason }>;
  industries: Map<unknown, { entry: Industry; kind: PayMixKind; reason: Reason }>;
  skills: Map<unknown, RankedSkill>;
  degrees: Map<unknown, Degree>;
  years: Map<number, AtYears>;
  /** The empty set of skills, from which every listed set is reached skill by skill. */
  noSkills: SkillSet;
  /** How many skill sets and cited lists hang from `noSkills` (bounded like the years). */
  skillSets: number;
  refs: SourceRef[];
  floor: Reason;
  /** Where the sources every estimate names stand in the market's list (the model, ...). */
  always: number[];
}

/** A skill with its reasons by rank (0 = the largest premium), made as they are asked for. */
interface RankedSkill {
  entry: Skill;
  byRank: Reason[];
}

/**
 * A set of skills as a profile lists them (each once, in first-seen order) and what depends on
 * it alone: the stacked premium, and the skills largest first. `next` leads to the set with one
 * more skill listed after these, by its id (a repeated id leads back here).
 */
interface SkillSet {
  skills: RankedSkill[];
  ids: string[];
  labels: string[];
  premium: Range;
  bySize: RankedSkill[];
  /** What each of `bySize` adds to the typical base: its premium x its weight (1, d, d^2...). */
  steps: number[];
  next: Map<unknown, SkillSet>;
  /**
   * The sources an estimate with these skills cites, by city, employer and degree: nothing else
   * changes which reasons an estimate gives (but the rare floor, see `estimate`).
   */
  cited: Map<Location, Map<Industry, Map<Degree, SourceRef[]>>>;
}

/** A pay mix at some years: bonus and equity as shares of base. */
interface MixAtYears {
  bonus: Range;
  equity: Range;
  paper: boolean;
  /** Its two reasons, made when an estimate first asks for them. */
  reasons?: { bonus: Reason; equity: Reason };
}

/** Everything that depends on the years alone. */
interface AtYears {
  level: Level;
  national: Range;
  degreeWeight: number;
  experience: Reason;
  guides: readonly GuideView[];
  openData: OpenDataView;
  /** Reasons that depend on the years too, filled as they are asked for. */
  degreeReasons: Map<Degree, Reason>;
  mixes: Map<Industry, MixAtYears>;
}

const preparedMarkets = new WeakMap<Market, Prepared>();
/** Years values remembered per market: a batch sees a few hundred; the bound keeps memory flat. */
const YEARS_REMEMBERED = 4096;
/**
 * Skill sets, with the sources cited under each, remembered per market: the orders of up to four
 * of eight skills are about 2,000, each seen with a few cities, employers and degrees.
 */
const SKILL_SETS_REMEMBERED = 65536;

function skillSet(skills: RankedSkill[], market: Market): SkillSet {
  const premium = stackSkillPremiums(
    skills.map((s) => s.entry),
    market.skills.diminishingFactor,
  );
  const bySize = [...skills].sort((a, b) => b.entry.premium.mid - a.entry.premium.mid);
  const d = market.skills.diminishingFactor;
  const steps = bySize.map((s, rank) => s.entry.premium.mid * d ** rank);
  const ids = skills.map((s) => s.entry.id);
  const labels = skills.map((s) => s.entry.label);
  return { skills, ids, labels, premium, bySize, steps, next: new Map(), cited: new Map() };
}

function prepared(market: Market): Prepared {
  let p = preparedMarkets.get(market);
  if (p !== undefined) return p;
  const byId = <E extends { id: string }, V>(list: readonly E[], make: (e: E) => V) => {
    const map = new Map<unknown, V>();
    // The first of repeated ids wins, as a search of the list would find it.
    for (const e of list) if (!map.has(e.id)) map.set(e.id, make(e));
    return map;
  };
  p = {
    locations: byId(market.locations, (entry) => ({
      entry,
      reason: locationReason(market, entry),
    })),
    industries: byId(market.industries, (entry) => {
      const kind = market.payMix.kinds[entry.payMix];
      if (kind === undefined || !Object.hasOwn(market.payMix.kinds, entry.payMix)) {
        throw new Error(`market data: industry '${entry.id}' has an unknown payMix`);
      }
      return { entry, kind, reason: industryReason(market, entry) };
    }),
    skills: byId(market.skills.list, (entry) => ({ entry, byRank: [] })),
    degrees: byId(market.degrees.list, (entry) => entry),
    years: new Map(),
    noSkills: skillSet([], market),
    skillSets: 0,
    refs: market.sources.map((s) => Object.freeze({ id: s.id, title: s.title, file: s.file })),
    floor: reason(market, 'floor', 'Base cannot go below zero', ['model']),
    always: market.sources.flatMap((s, i) => (s.always === true ? [i] : [])),
  };
  preparedMarkets.set(market, p);
  return p;
}

function atYears(p: Prepared, market: Market, years: number): AtYears {
  let y = p.years.get(years);
  if (y !== undefined) return y;
  const level = levelFor(market, years);
  y = {
    level,
    national: nationalBase(market, years),
    degreeWeight: degreeWeight(market, years),
    experience: reason(
      market,
      'experience',
      `${yearsText(years)} of experience (${level}): national base from the open data and both guides`,
      market.experience.national.sources,
    ),
    guides: deepFreeze(guideViews(market, years)),
    openData: openDataView(market, level),
    degreeReasons: new Map(),
    mixes: new Map(),
  };
  if (p.years.size >= YEARS_REMEMBERED) p.years.clear();
  p.years.set(years, y);
  return y;
}

/** The entry with this id, or the InputError naming the profile field and the known ids. */
function known<T>(
  map: Map<unknown, T>,
  list: readonly { id: string }[],
  id: unknown,
  field: keyof Profile,
  what: string,
): T {
  const found = map.get(id);
  if (found !== undefined) return found;
  throw new InputError(
    `unknown ${what} id '${String(id)}' (known: ${list.map((x) => x.id).join(', ')})`,
    field,
  );
}

/** The profile's set of skills (each once, in first-seen order), found skill by skill. */
function skillSetOf(p: Prepared, profile: Profile, market: Market): SkillSet {
  const list = market.skills.list;
  if (!Array.isArray(profile.skills)) {
    // A plain-JavaScript caller's string ("mlops") would otherwise be read letter by letter.
    throw new InputError(
      `skills must be an array of skill ids, like ['mlops', 'nlp-llm'] (known: ${list.map((s) => s.id).join(', ')}); resolveProfile turns names into ids`,
      'skills',
    );
  }
  let set = p.noSkills;
  for (let i = 0; i < profile.skills.length; i++) {
    const id: unknown = profile.skills[i];
    let next = set.next.get(id);
    if (next === undefined) {
      const skill = known(p.skills, list, id, 'skills', 'skill');
      if (p.skillSets >= SKILL_SETS_REMEMBERED) {
        p.noSkills = skillSet([], market);
        p.skillSets = 0;
      }
      next = set.skills.includes(skill) ? set : skillSet([...set.skills, skill], market);
      set.next.set(id, next);
      p.skillSets++;
    }
    set = next;
  }
  return set;
}

/** The employer's pay mix at these years (remembered per years). */
function mixAt(
  y: AtYears,
  employer: { entry: Industry; kind: PayMixKind },
  years: number,
): MixAtYears {
  let mix = y.mixes.get(employer.entry);
  if (mix === undefined) {
    mix = payMixAt(employer.kind, years);
    y.mixes.set(employer.entry, mix);
  }
  return mix;
}

/** What a price is made from, and the reasons behind it (see `estimate`). */
interface Inputs {
  p: Prepared;
  y: AtYears;
  years: number;
  place: { entry: Location; reason: Reason };
  employer: { entry: Industry; kind: PayMixKind; reason: Reason };
  degree: Degree;
  skills: SkillSet;
  mix: MixAtYears;
}

/** The figures of an estimate without its reasons: what `price()` returns. */
export interface Price extends Figures {
  profile: Profile;
}

/** What a profile's figures are made from: its catalogue entries, and what its years give. */
function inputsOf(profile: Profile, market: Market): Inputs {
  const { years } = profile;
  const maxYears = market.experience.maxYears;
  if (typeof years !== 'number' || !Number.isFinite(years) || years < 0 || years > maxYears) {
    throw new InputError(`years must be a number from 0 to ${maxYears}`, 'years');
  }
  const p = prepared(market);
  const place = known(p.locations, market.locations, profile.city, 'city', 'city');
  const employer = known(p.industries, market.industries, profile.industry, 'industry', 'industry');
  const degree = known(p.degrees, market.degrees.list, profile.degree, 'degree', 'degree');
  const skills = skillSetOf(p, profile, market);
  const y = atYears(p, market, years);
  const mix = mixAt(y, employer, years);
  return { p, y, years, place, employer, degree, skills, mix };
}

/** The figures of a profile, from what they are made of (`inputsOf`). */
function priceOf(inputs: Inputs, market: Market): Price {
  const { y, years, skills, degree, mix } = inputs;
  const location = inputs.place.entry;
  const industry = inputs.employer.entry;

  // Each end (low, typical, high) is priced the same way, from the matching end of every range:
  // base = national x city x employer + skills + degree; bonus and equity are shares of base
  // from the employer's pay mix; private paper is valued by payMix.paperValue.
  const national = y.national;
  const skillPremium = skills.premium;
  // (Each end's figures are handed over by name rather than looked up by a key: a keyed load on
  // objects of many shapes is one of the slowest things in this loop.)
  const paperValue = market.payMix.paperValue;
  const baseMultiplier = industry.baseMultiplier;
  const fade = y.degreeWeight;
  const priceAt = (
    national: number,
    place: number,
    skill: number,
    degreePremium: number,
    bonusShare: number,
    equityShare: number,
    paperShare: number,
  ) => {
    const base = Math.round(
      Math.max(0, national * place * baseMultiplier + skill + degreePremium * fade),
    );
    const bonus = Math.round(base * bonusShare);
    const paper = Math.round(base * equityShare);
    const equity = mix.paper ? Math.round(paper * paperShare) : paper;
    return { base, bonus, paper, equity, sum: base + bonus + equity };
  };
  const m = location.multiplier;
  const d = degree.premium;
  const low = priceAt(
    national.low,
    m.low,
    skillPremium.low,
    d.low,
    mix.bonus.low,
    mix.equity.low,
    paperValue.low,
  );
  const mid = priceAt(
    national.mid,
    m.mid,
    skillPremium.mid,
    d.mid,
    mix.bonus.mid,
    mix.equity.mid,
    paperValue.mid,
  );
  const high = priceAt(
    national.high,
    m.high,
    skillPremium.high,
    d.high,
    mix.bonus.high,
    mix.equity.high,
    paperValue.high,
  );
  const base: Range = { low: low.base, mid: mid.base, high: high.base };
  const rho = market.payMix.totalRange.correlation;
  // The total's own range (totalRange), from the ends' figures: the mix is the sum over base.
  // Only for bases above 0 and in order: a base of $0 has no log distance, and a degree's
  // penalty in a market file can put an end's base out of order (its ratio would then be
  // unbounded; the sums of the ends stay within what market-file.ts checks).
  const mixMid = mid.sum / mid.base;
  const total: Range =
    rho === 1 || !(low.base > 0 && low.base <= mid.base && mid.base <= high.base)
      ? { low: low.sum, mid: mid.sum, high: high.sum }
      : {
          low: totalEnd(low.base, mid.base, low.sum / low.base, mixMid, mid.sum, rho, -1),
          mid: mid.sum,
          high: totalEnd(high.base, mid.base, high.sum / high.base, mixMid, mid.sum, rho, 1),
        };
  const price: Price = {
    profile: {
      years,
      city: location.id,
      industry: industry.id,
      skills: skills.ids.slice(),
      degree: degree.id,
    },
    level: y.level,
    base,
    bonus: { low: low.bonus, mid: mid.bonus, high: high.bonus },
    equity: { low: low.equity, mid: mid.equity, high: high.equity },
    total,
  };
  if (mix.paper) price.paper = { low: low.paper, mid: mid.paper, high: high.paper };
  return price;
}

/**
 * The figures of the estimate for a profile, without its reasons: exactly `estimate()`'s
 * profile, level, base, bonus, equity, total (and paper), made the same way, for tools that
 * need only the numbers (batch's compact records, an offer's position). Throws as `estimate()`.
 */
export function price(profile: Profile, market: Market): Price {
  return priceOf(inputsOf(profile, market), market);
}

/**
 * Estimate pay for a profile. Pure: everything it uses comes in through `profile` and `market`,
 * and the same inputs give the same (deeply equal) result. Figures are whole US dollars per year;
 * `total.mid` is exactly `base.mid + bonus.mid + equity.mid`, and the factors' effects add up to
 * it. Throws InputError (naming the field) for an id the market does not know or years out of
 * range.
 *
 * What depends on the market alone (the factors' `sources`, the `sources` entries, the `guides`
 * and `openData`) is shared between calls and frozen: copy it before changing it. A market must
 * not be changed once used (see `market.ts`); pass a changed copy instead.
 */
export function estimate(profile: Profile, market: Market): Estimate {
  const inputs = inputsOf(profile, market);
  const figures = priceOf(inputs, market);
  const { p, y, place, employer, degree, skills, mix } = inputs;
  const location = place.entry;
  const industry = employer.entry;
  const years = figures.profile.years;

  // The reasons: each step's effect on the typical total. The base steps are rounded
  // cumulatively, so their effects add up to the rounded base, and with bonus and equity to
  // total.mid.
  const factors: Factor[] = [];
  const reasons: Reason[] = [];
  const add = (reason: Reason, effect: number): void => {
    factors.push({ id: reason.id, label: reason.label, effect, sources: reason.sources });
    reasons.push(reason);
  };
  let running = y.national.mid;
  let shown = Math.round(running);
  add(y.experience, shown);
  running *= location.multiplier.mid;
  shown = step(add, place.reason, running, shown);
  running *= industry.baseMultiplier;
  shown = step(add, employer.reason, running, shown);
  const bySize = skills.bySize;
  for (let rank = 0; rank < bySize.length; rank++) {
    const skill = bySize[rank]!;
    running += skills.steps[rank]!;
    shown = step(
      add,
      (skill.byRank[rank] ??= skillReason(market, skill.entry, rank)),
      running,
      shown,
    );
  }
  if (degree.premium.mid !== 0) {
    running += degree.premium.mid * y.degreeWeight; // as priceOf fades it
    let reason = y.degreeReasons.get(degree);
    if (reason === undefined) {
      reason = degreeReason(market, y, degree, years);
      y.degreeReasons.set(degree, reason);
    }
    shown = step(add, reason, running, shown);
  }
  const floored = shown !== figures.base.mid;
  if (floored) add(p.floor, figures.base.mid - shown);
  mix.reasons ??= {
    bonus: bonusReason(market, industry, employer.kind, mix.bonus.mid, years),
    equity: equityReason(market, employer.kind, mix.equity.mid, years),
  };
  add(mix.reasons.bonus, figures.bonus.mid);
  add(mix.reasons.equity, figures.equity.mid);

  const estimate: Estimate = {
    profile: figures.profile,
    labels: {
      city: location.label,
      industry: industry.label,
      skills: skills.labels.slice(),
      degree: degree.label,
    },
    level: figures.level,
    base: figures.base,
    bonus: figures.bonus,
    equity: figures.equity,
    total: figures.total,
    factors,
    sources: floored
      ? sourcesCited(p, reasons)
      : citedBy(p, skills, location, industry, degree, reasons).slice(),
    guides: y.guides,
    openData: y.openData,
  };
  if (figures.paper) estimate.paper = figures.paper;
  return estimate;
}

/** A base step's factor: its effect is what it adds to the rounded running base. */
function step(
  add: (reason: Reason, effect: number) => void,
  reason: Reason,
  running: number,
  shown: number,
): number {
  const rounded = Math.round(running);
  add(reason, rounded - shown);
  return rounded;
}

function locationReason(market: Market, location: Location): Reason {
  return reason(
    market,
    `city:${location.id}`,
    `${location.label}: base ${multiplier(location.multiplier.mid)}${federalNote(location)}`,
    evidenceSources(location.evidence),
  );
}

/** How a location's factor stands to federal wage data, said where the factor is printed. */
function federalNote(location: Location): string {
  const f = location.federal;
  if (f === undefined) return '';
  const estimate = f.uncertain ? '; an estimate, about +/-7%' : '';
  return f.guidesOutrank
    ? ` (the guides' figure outranks federal wage data's ${multiplier(f.factor)}${estimate})`
    : ` (federal wage data${estimate})`;
}

function industryReason(market: Market, industry: Industry): Reason {
  return reason(
    market,
    `industry:${industry.id}`,
    `${industry.label}: base ${multiplier(industry.baseMultiplier)}`,
    evidenceSources(industry.evidence),
  );
}

/** A skill's reason when it is the `rank`-th largest premium (0 = the largest, full weight). */
function skillReason(market: Market, skill: Skill, rank: number): Reason {
  const weighting =
    rank === 0
      ? ', full weight'
      : `, at ${percent(market.skills.diminishingFactor ** rank)} weight (diminishing returns)`;
  return reason(
    market,
    `skill:${skill.id}`,
    `${skill.label}: ${money(skill.premium.mid)} premium${weighting}${skill.proxy ? ', priced by proxy' : ''}`,
    uniq([skill.source, ...(skill.proxy ? ['article'] : []), market.skills.diminishingSource]),
  );
}

function degreeReason(market: Market, y: AtYears, degree: Degree, years: number): Reason {
  const sign = degree.premium.mid < 0 ? '-' : '+';
  const fade =
    y.degreeWeight < 1 ? `, ${percent(y.degreeWeight)} of it after ${yearsText(years)}` : '';
  return reason(
    market,
    `degree:${degree.id}`,
    `${degree.label}: ${sign}${money(Math.abs(degree.premium.mid))}${fade}`,
    uniq([degree.source, market.degrees.fade.source]),
  );
}

/** The sources a pay mix's anchors name. */
const mixSources = (kind: PayMixKind): string[] => uniq(kind.anchors.map((a) => a.source));

function bonusReason(
  market: Market,
  industry: Industry,
  kind: PayMixKind,
  share: number,
  years: number,
): Reason {
  const shared = market.payMix.bonusShareOfBase;
  const usual = kind.anchors.every(
    (a) => a.bonus.low === shared.low && a.bonus.mid === shared.mid && a.bonus.high === shared.high,
  );
  return reason(
    market,
    'bonus',
    usual
      ? `Bonus: ${percent(share)} of base (${industry.label})`
      : `Bonus: ${percent(share)} of base (${kind.label}, at ${yearsText(years)})`,
    usual ? [shared.source] : mixSources(kind),
  );
}

function equityReason(market: Market, kind: PayMixKind, share: number, years: number): Reason {
  const at = `${kind.label} at ${yearsText(years)}`;
  if (kind.paper !== true) {
    return reason(market, 'equity', `Equity: ${percent(share)} of base (${at})`, mixSources(kind));
  }
  const value = market.payMix.paperValue;
  const counted = value.mid === 1 ? '' : `, counted at ${percent(value.mid)} of that`;
  const low =
    value.low === 0
      ? '; $0 at the low end: private stock may never be sold'
      : `; ${percent(value.low)} of it at the low end`;
  return reason(
    market,
    'equity',
    `Equity (paper): ${percent(share)} of base at the latest round price${counted} (${at})${low}`,
    uniq([...mixSources(kind), ...value.sources]),
  );
}

/** The market's sources that the reasons cite, and those always named, in the market's order. */
function sourcesCited(p: Prepared, reasons: readonly Reason[]): SourceRef[] {
  const cited = p.always.slice();
  for (const r of reasons) for (const i of r.at) if (!cited.includes(i)) cited.push(i);
  return p.refs.filter((_, i) => cited.includes(i));
}

/** `sourcesCited`, remembered per set of skills, city, employer and degree. */
function citedBy(
  p: Prepared,
  skills: SkillSet,
  location: Location,
  industry: Industry,
  degree: Degree,
  reasons: readonly Reason[],
): SourceRef[] {
  let byIndustry = skills.cited.get(location);
  if (byIndustry === undefined) skills.cited.set(location, (byIndustry = new Map()));
  let byDegree = byIndustry.get(industry);
  if (byDegree === undefined) byIndustry.set(industry, (byDegree = new Map()));
  let refs = byDegree.get(degree);
  if (refs === undefined) {
    byDegree.set(degree, (refs = sourcesCited(p, reasons)));
    p.skillSets++; // counted with the sets, so that the bound holds both
  }
  return refs;
}

/** What each guide says at `years`: the band of each guide that `years` falls in, as stated. */
function guideViews(market: Market, years: number): GuideView[] {
  return market.experience.curves.map((curve) => {
    let band = curve.bands[0]!;
    for (const b of curve.bands) if (years >= b.years[0]) band = b;
    const view: GuideView = {
      source: curve.source,
      file: market.sources.find((s) => s.id === curve.source)?.file ?? '',
      basis: curve.basis,
      level: band.level,
      years: band.years[1] === null ? `${band.years[0]}+` : `${band.years[0]}-${band.years[1]}`,
      // The guide's own words: an open-ended band ("$300,000+") has no high.
      base: [band.base[0], band.openHigh ? null : band.base[1]],
    };
    if (band.total) view.total = [band.total[0], band.openHigh ? null : band.total[1]];
    return view;
  });
}

/**
 * What the open data says for a level: the dataset's level whose years hold the model's level
 * (entry EN, mid MI, senior SE); staff has no level of its own in the data, so the highest with
 * years is shown, with a note naming what lies above it.
 */
function openDataView(market: Market, level: Level): OpenDataView {
  const od = market.openData;
  const withYears = od.levels.filter((l) => l.years !== null);
  const from = market.experience.levels.find((l) => l.id === level)?.fromYears ?? 0;
  const match = withYears.find((l) => l.years![0] <= from && from <= l.years![1]);
  const shown = match ?? withYears[withYears.length - 1]!;
  const view: OpenDataView = {
    source: od.source,
    level: shown.id,
    label: shown.label,
    period: od.period,
    postings: { ...shown.postings },
    latest: { ...shown.latest },
  };
  if (match === undefined) {
    const above = od.levels.filter((l) => l.years === null);
    view.note = `no ${level} level in the data: ${shown.label} shown${above
      .map(
        (l) => `; ${l.label}: median ${moneyK(l.postings.median)} (${l.postings.count} postings)`,
      )
      .join('')}`;
  }
  return deepFreeze(view);
}
