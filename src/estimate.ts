import { InputError } from './errors.js';
import { money, multiplier, percent, yearsText } from './format.js';
import { deepFreeze } from './freeze.js';
import type {
  Degree,
  Estimate,
  Evidence,
  ExperienceBand,
  ExperienceCurve,
  Factor,
  GuideView,
  Industry,
  Level,
  Location,
  Market,
  Profile,
  Range,
  Skill,
  SourceRef,
} from './types.js';

// The estimate, step by step (README "How the estimate is built"):
//   1. national base by years, combining the guides' experience bands;
//   2. x the city's multiplier; 3. x the employer's base multiplier;
//   4. + the skills' premiums, stacked with diminishing returns;
//   5. + the degree's premium, fading with experience;
//   6. bonus and equity as shares of base, from the employer's pay mix.
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
 * A figure of a guide's bands at `years`: straight lines between the bands' anchor years, flat
 * before the first anchor and after the last (neither guide says what happens past its ends).
 */
function alongBands(
  bands: readonly ExperienceBand[],
  years: number,
  figure: (band: ExperienceBand) => number,
): number {
  const first = bands[0];
  const last = bands[bands.length - 1];
  if (!first || !last) throw new Error('market data: an experience curve has no bands');
  if (years <= first.anchorYears) return figure(first);
  if (years >= last.anchorYears) return figure(last);
  let i = 1;
  while (years > bands[i]!.anchorYears) i++;
  const a = bands[i - 1]!;
  const b = bands[i]!;
  return linear(a.anchorYears, figure(a), b.anchorYears, figure(b), years);
}

/** One guide's base band at `years`, in national dollars (a hub guide deflated by the hub premium). */
function curveBase(curve: ExperienceCurve, years: number, hubPremium: number): Range {
  const scale = curve.basis === 'hub' ? 1 / hubPremium : 1;
  return {
    low: alongBands(curve.bands, years, (b) => b.base[0] * scale),
    mid: alongBands(curve.bands, years, (b) => ((b.base[0] + b.base[1]) / 2) * scale),
    high: alongBands(curve.bands, years, (b) => b.base[1] * scale),
  };
}

/**
 * The national base band at `years`, combining every guide: the lowest low, the mean of the
 * typical figures and the highest high, so the range shows where the guides disagree.
 */
export function nationalBase(market: Market, years: number): Range {
  const hub = market.experience.hubPremium.mid;
  const bands = market.experience.curves.map((c) => curveBase(c, years, hub));
  let sum = 0;
  for (const r of bands) sum += r.mid;
  return {
    low: Math.min(...bands.map((r) => r.low)),
    mid: sum / bands.length,
    high: Math.max(...bands.map((r) => r.high)),
  };
}

/** Total over base at tech companies, from the total-compensation column of the national table. */
export function techTotalOverBase(market: Market, years: number): Range {
  const curve = market.experience.curves.find((c) => c.bands.every((b) => b.total));
  if (!curve) throw new Error('market data: no experience curve with total compensation');
  const total = (b: ExperienceBand): readonly [number, number] => b.total!;
  return {
    low: alongBands(curve.bands, years, (b) => total(b)[0] / b.base[0]),
    mid: alongBands(
      curve.bands,
      years,
      (b) => (total(b)[0] + total(b)[1]) / (b.base[0] + b.base[1]),
    ),
    high: alongBands(curve.bands, years, (b) => total(b)[1] / b.base[1]),
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
  return byEnd((end) => {
    const premiums: number[] = [];
    for (const s of skills) premiums.push(s.premium[end]);
    premiums.sort((a, b) => b - a);
    let sum = 0;
    for (let i = 0; i < premiums.length; i++) sum += premiums[i]! * diminishing ** i;
    return sum;
  });
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
  industries: Map<unknown, { entry: Industry; reason: Reason; bonus: Reason; equity?: Reason }>;
  skills: Map<unknown, { entry: Skill; byRank: Reason[] }>;
  degrees: Map<unknown, Degree>;
  years: Map<number, AtYears>;
  refs: SourceRef[];
  floor: Reason;
  /** Where the model stands in the market's sources (-1: not there), named by every estimate. */
  model: number;
}

/** Everything that depends on the years alone. */
interface AtYears {
  level: Level;
  national: Range;
  /** The tech pay mix (total over base), when the market has an employer paid that way. */
  techMix: Range | undefined;
  degreeWeight: number;
  experience: Reason;
  guides: readonly GuideView[];
  /** Reasons that depend on the years too, filled as they are asked for. */
  degreeReasons: Map<Degree, Reason>;
  equityReasons: Map<Industry, Reason>;
}

const preparedMarkets = new WeakMap<Market, Prepared>();
/** Years values remembered per market: a batch sees a few hundred; the bound keeps memory flat. */
const YEARS_REMEMBERED = 4096;

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
    industries: byId(market.industries, (entry) => ({
      entry,
      reason: industryReason(market, entry),
      bonus: bonusReason(market, entry),
    })),
    skills: byId(market.skills.list, (entry) => ({ entry, byRank: [] })),
    degrees: byId(market.degrees.list, (entry) => entry),
    years: new Map(),
    refs: market.sources.map((s) => Object.freeze({ id: s.id, title: s.title, file: s.file })),
    floor: reason(market, 'floor', 'Base cannot go below zero', ['model']),
    model: market.sources.findIndex((s) => s.id === 'model'),
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
    techMix: market.industries.some((i) => i.payMix === 'tech')
      ? techTotalOverBase(market, years)
      : undefined,
    degreeWeight: degreeWeight(market, years),
    experience: reason(
      market,
      'experience',
      `${yearsText(years)} of experience (${level}): national base, typical of both guides`,
      market.experience.curves.map((c) => c.source),
    ),
    guides: deepFreeze(guideViews(market, years)),
    degreeReasons: new Map(),
    equityReasons: new Map(),
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

/** The profile's skills, each once, in first-seen order. */
function skillsOf(
  p: Prepared,
  profile: Profile,
  market: Market,
): { entry: Skill; byRank: Reason[] }[] {
  const list = market.skills.list;
  if (!Array.isArray(profile.skills)) {
    // A plain-JavaScript caller's string ("mlops") would otherwise be read letter by letter.
    throw new InputError(
      `skills must be an array of skill ids, like ['mlops', 'nlp-llm'] (known: ${list.map((s) => s.id).join(', ')}); resolveProfile turns names into ids`,
      'skills',
    );
  }
  const skills: { entry: Skill; byRank: Reason[] }[] = [];
  for (const id of profile.skills) {
    const skill = known(p.skills, list, id, 'skills', 'skill');
    if (!skills.includes(skill)) skills.push(skill);
  }
  return skills;
}

/**
 * Estimate pay for a profile. Pure: everything it uses comes in through `profile` and `market`,
 * and the same inputs give the same (deeply equal) result. Figures are whole US dollars per year;
 * `total.mid` is exactly `base.mid + bonus.mid + equity.mid`, and the factors' effects add up to
 * it. Throws InputError (naming the field) for an id the market does not know or years out of
 * range.
 *
 * What depends on the market alone (the factors' `sources`, the `sources` entries and the
 * `guides`) is shared between calls and frozen: copy it before changing it. A market must not be
 * changed once used (see `market.ts`); pass a changed copy instead.
 */
export function estimate(profile: Profile, market: Market): Estimate {
  const { years } = profile;
  const maxYears = market.experience.maxYears;
  if (typeof years !== 'number' || !Number.isFinite(years) || years < 0 || years > maxYears) {
    throw new InputError(`years must be a number from 0 to ${maxYears}`, 'years');
  }
  const p = prepared(market);
  const place = known(p.locations, market.locations, profile.city, 'city', 'city');
  const employer = known(p.industries, market.industries, profile.industry, 'industry', 'industry');
  const degree = known(p.degrees, market.degrees.list, profile.degree, 'degree', 'degree');
  const skills = skillsOf(p, profile, market);
  const y = atYears(p, market, years);
  const location = place.entry;
  const industry = employer.entry;

  // Each end (low, typical, high) is priced the same way, from the matching end of every range:
  // base = national x city x employer + skills + degree; bonus and equity are shares of base
  // from the employer's pay mix.
  const national = y.national;
  const skillPremium = stackSkillPremiums(
    skills.map((s) => s.entry),
    market.skills.diminishingFactor,
  );
  const mix = industry.payMix === 'tech' ? y.techMix! : market.payMix.general.totalOverBase;
  const typicalBonus = market.payMix.typicalBonusShareOfBase.value;
  const priceAt = (end: keyof Range) => {
    const degreePremium = degree.premium[end] * y.degreeWeight;
    const base = Math.round(
      Math.max(
        0,
        national[end] * location.multiplier[end] * industry.baseMultiplier +
          skillPremium[end] +
          degreePremium,
      ),
    );
    const bonus = Math.round(base * industry.bonusShareOfBase[end]);
    const equityPerBase = Math.max(0, mix[end] - 1 - typicalBonus) * industry.equityIntensity;
    const equity = Math.round(base * equityPerBase);
    return { degreePremium, base, bonus, equityPerBase, equity, total: base + bonus + equity };
  };
  const low = priceAt('low');
  const mid = priceAt('mid');
  const high = priceAt('high');
  const range = (part: 'base' | 'bonus' | 'equity' | 'total'): Range => ({
    low: low[part],
    mid: mid[part],
    high: high[part],
  });

  // The reasons: each step's effect on the typical total. The base steps are rounded
  // cumulatively, so their effects add up to the rounded base, and with bonus and equity to
  // total.mid.
  const factors: Factor[] = [];
  const reasons: Reason[] = [];
  const add = (reason: Reason, effect: number): void => {
    factors.push({ id: reason.id, label: reason.label, effect, sources: reason.sources });
    reasons.push(reason);
  };
  let running = national.mid;
  let shown = Math.round(running);
  add(y.experience, shown);
  running *= location.multiplier.mid;
  shown = step(add, place.reason, running, shown);
  running *= industry.baseMultiplier;
  shown = step(add, employer.reason, running, shown);
  const bySize =
    skills.length > 1
      ? [...skills].sort((a, b) => b.entry.premium.mid - a.entry.premium.mid)
      : skills;
  for (let rank = 0; rank < bySize.length; rank++) {
    const skill = bySize[rank]!;
    running += skill.entry.premium.mid * market.skills.diminishingFactor ** rank;
    shown = step(
      add,
      (skill.byRank[rank] ??= skillReason(market, skill.entry, rank)),
      running,
      shown,
    );
  }
  if (degree.premium.mid !== 0) {
    running += mid.degreePremium;
    let reason = y.degreeReasons.get(degree);
    if (reason === undefined) {
      reason = degreeReason(market, y, degree, years);
      y.degreeReasons.set(degree, reason);
    }
    shown = step(add, reason, running, shown);
  }
  if (shown !== mid.base) add(p.floor, mid.base - shown);
  add(employer.bonus, mid.bonus);
  let equity: Reason | undefined;
  if (industry.payMix === 'tech') {
    equity = y.equityReasons.get(industry);
    if (equity === undefined) {
      equity = equityReason(market, industry, mid.equityPerBase, years);
      y.equityReasons.set(industry, equity);
    }
  } else {
    equity = employer.equity ??= equityReason(market, industry, mid.equityPerBase, years);
  }
  add(equity, mid.equity);

  return {
    profile: {
      years,
      city: location.id,
      industry: industry.id,
      skills: skills.map((s) => s.entry.id),
      degree: degree.id,
    },
    labels: {
      city: location.label,
      industry: industry.label,
      skills: skills.map((s) => s.entry.label),
      degree: degree.label,
    },
    level: y.level,
    base: range('base'),
    bonus: range('bonus'),
    equity: range('equity'),
    total: range('total'),
    factors,
    sources: sourcesCited(p, reasons),
    guides: y.guides,
  };
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
    `${location.label}: base ${multiplier(location.multiplier.mid)}`,
    evidenceSources(location.evidence),
  );
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

function bonusReason(market: Market, industry: Industry): Reason {
  return reason(
    market,
    'bonus',
    `Bonus: ${percent(industry.bonusShareOfBase.mid)} of base (${industry.label})`,
    uniq([...evidenceSources(industry.evidence), 'article']),
  );
}

/** The equity reason: the tech pay mix depends on the years, the general one does not. */
function equityReason(market: Market, industry: Industry, perBase: number, years: number): Reason {
  const tech = industry.payMix === 'tech';
  const intensity =
    industry.equityIntensity !== 1 ? `, ${multiplier(industry.equityIntensity)}` : '';
  const mix = tech ? `tech pay mix at ${yearsText(years)}` : 'general pay mix';
  return reason(market, 'equity', `Equity: ${percent(perBase)} of base (${mix}${intensity})`, [
    tech ? market.payMix.tech.source : market.payMix.general.source,
  ]);
}

/** The market's sources that the reasons cite, and the model, in the market's order. */
function sourcesCited(p: Prepared, reasons: readonly Reason[]): SourceRef[] {
  const cited = new Uint8Array(p.refs.length);
  if (p.model >= 0) cited[p.model] = 1;
  for (const r of reasons) for (const i of r.at) cited[i] = 1;
  const refs: SourceRef[] = [];
  for (let i = 0; i < cited.length; i++) if (cited[i] === 1) refs.push(p.refs[i]!);
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
