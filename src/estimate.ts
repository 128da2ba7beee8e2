import { InputError } from './errors.js';
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

type Key = keyof Range;

// Curves are piecewise-linear through the bands' anchor years, flat before the first anchor and
// after the last. The segment is found once and its three figures (low, typical, high)
// interpolated on it, without building point lists: estimate() runs in tight loops (batch).

/**
 * The segment `x` falls in: -1 before the first anchor, `bands.length` after the last, else `i`
 * for the segment from band `i - 1` to band `i`.
 */
function segmentOf(bands: readonly ExperienceBand[], x: number): number {
  const n = bands.length;
  const first = bands[0];
  const last = bands[n - 1];
  if (!first || !last) throw new Error('interpolate: no points');
  if (x <= first.anchorYears) return -1;
  if (x >= last.anchorYears) return n;
  for (let i = 1; i < n; i++) if (x <= bands[i]!.anchorYears) return i;
  return n;
}

/** Linear between the anchors of `a` and `b`, where the figure is `ya` and `yb`. */
function onSegment(
  a: ExperienceBand,
  b: ExperienceBand,
  ya: number,
  yb: number,
  x: number,
): number {
  return ya + ((yb - ya) * (x - a.anchorYears)) / (b.anchorYears - a.anchorYears);
}

/** A curve's base band at `years`, in national dollars (hub curves deflated by the hub premium). */
function curveBase(curve: ExperienceCurve, years: number, hubPremium: number): Range {
  const scale = curve.basis === 'hub' ? 1 / hubPremium : 1;
  const bands = curve.bands;
  const i = segmentOf(bands, years);
  if (i < 0 || i >= bands.length) {
    const band = i < 0 ? bands[0]! : bands[bands.length - 1]!;
    const [lo, hi] = band.base;
    return { low: lo * scale, mid: ((lo + hi) / 2) * scale, high: hi * scale };
  }
  const a = bands[i - 1]!;
  const b = bands[i]!;
  const [aLo, aHi] = a.base;
  const [bLo, bHi] = b.base;
  return {
    low: onSegment(a, b, aLo * scale, bLo * scale, years),
    mid: onSegment(a, b, ((aLo + aHi) / 2) * scale, ((bLo + bHi) / 2) * scale, years),
    high: onSegment(a, b, aHi * scale, bHi * scale, years),
  };
}

/**
 * The national base band at `years`, combining every guide: the lowest low, the mean of the
 * typical figures and the highest high, so the range shows where the guides disagree.
 */
export function nationalBase(market: Market, years: number): Range {
  const hub = market.experience.hubPremium.mid;
  const curves = market.experience.curves;
  let low = Infinity;
  let sum = 0;
  let high = -Infinity;
  for (const c of curves) {
    const r = curveBase(c, years, hub);
    low = Math.min(low, r.low);
    sum = sum + r.mid;
    high = Math.max(high, r.high);
  }
  return { low, mid: sum / curves.length, high };
}

/** Total over base at tech companies, from the total-compensation column of the national table. */
export function techTotalOverBase(market: Market, years: number): Range {
  const curve = market.experience.curves.find((c) => c.bands.every((b) => b.total));
  if (!curve) throw new Error('market data: no experience curve with total compensation');
  const bands = curve.bands;
  const i = segmentOf(bands, years);
  if (i < 0 || i >= bands.length) {
    const band = i < 0 ? bands[0]! : bands[bands.length - 1]!;
    const b = band.base;
    const t = band.total!;
    return {
      low: t[0] / b[0],
      mid: (t[0] + t[1]) / (b[0] + b[1]),
      high: t[1] / b[1],
    };
  }
  const a = bands[i - 1]!;
  const b = bands[i]!;
  const [ab, at] = [a.base, a.total!];
  const [bb, bt] = [b.base, b.total!];
  return {
    low: onSegment(a, b, at[0] / ab[0], bt[0] / bb[0], years),
    mid: onSegment(
      a,
      b,
      (at[0] + at[1]) / (ab[0] + ab[1]),
      (bt[0] + bt[1]) / (bb[0] + bb[1]),
      years,
    ),
    high: onSegment(a, b, at[1] / ab[1], bt[1] / bb[1], years),
  };
}

/** Share of a degree's premium that still applies after `years` (1 early on, fading to a residual). */
export function degreeWeight(market: Market, years: number): number {
  const { fullUntilYears, fadedByYears, residual } = market.degrees.fade;
  // Piecewise-linear through (fullUntilYears, 1) and (fadedByYears, residual), flat outside.
  if (years <= fullUntilYears) return 1;
  if (years >= fadedByYears) return residual;
  return years <= fadedByYears
    ? 1 + ((residual - 1) * (years - fullUntilYears)) / (fadedByYears - fullUntilYears)
    : residual; // only with NaN data, as the general interpolation did
}

/** Weighted skill premiums: per figure, largest first, weighted 1, d, d^2, ... */
export function stackSkillPremiums(skills: readonly Skill[], diminishing: number): Range {
  if (skills.length === 0) return { low: 0, mid: 0, high: 0 };
  if (skills.length === 1) {
    const p = skills[0]!.premium;
    const w = diminishing ** 0;
    return { low: 0 + p.low * w, mid: 0 + p.mid * w, high: 0 + p.high * w };
  }
  if (skills.length === 2) {
    // Two premiums sorted largest first as Array#sort orders them, then summed as below.
    const two = (x: number, y: number): number =>
      x - y < 0
        ? 0 + y * diminishing ** 0 + x * diminishing ** 1
        : 0 + x * diminishing ** 0 + y * diminishing ** 1;
    const [a, b] = [skills[0]!.premium, skills[1]!.premium];
    return { low: two(a.low, b.low), mid: two(a.mid, b.mid), high: two(a.high, b.high) };
  }
  return {
    low: stacked(skills, 'low', diminishing),
    mid: stacked(skills, 'mid', diminishing),
    high: stacked(skills, 'high', diminishing),
  };
}

/** One figure of `stackSkillPremiums`: the premiums sorted largest first, summed with weights. */
function stacked(skills: readonly Skill[], k: Key, diminishing: number): number {
  const ps: number[] = [];
  for (const s of skills) ps.push(s.premium[k]);
  ps.sort((a, b) => b - a);
  let sum = 0;
  for (let i = 0; i < ps.length; i++) sum = sum + ps[i]! * diminishing ** i;
  return sum;
}

/** The level a number of years falls in. */
export function levelFor(market: Market, years: number): Level {
  let level: Level = 'entry';
  for (const l of market.experience.levels) if (years >= l.fromYears) level = l.id;
  return level;
}

function find<T extends { id: string }>(
  list: readonly T[],
  id: string,
  field: keyof Profile,
  what: string,
): T {
  let hit: T | undefined;
  for (const x of list) {
    if (x.id === id) {
      hit = x;
      break;
    }
  }
  if (!hit) {
    throw new InputError(
      `unknown ${what} id '${id}' (known: ${list.map((x) => x.id).join(', ')})`,
      field,
    );
  }
  return hit;
}

/**
 * Remember a number formatter's answers: labels reuse a handful of figures (premiums, weights,
 * multipliers), and formatting a number is a large share of an estimate's cost. Bounded, and
 * keyed by value, so the answers are exactly the formatter's. 0 is not cached: Map keys do not
 * tell 0 from -0, which some formatters print differently.
 */
function remembered(format: (x: number) => string): (x: number) => string {
  const seen = new Map<number, string>();
  return (x) => {
    let text = seen.get(x);
    if (text === undefined) {
      text = format(x);
      if (x === 0) return text;
      if (seen.size >= 256) seen.clear();
      seen.set(x, text);
    }
    return text;
  };
}

/**
 * `n.toLocaleString('en-US')` for a whole number: digits grouped in threes with commas. Done by
 * hand for safe integers because the first toLocaleString call loads locale data (about 15 ms).
 */
function groupThousands(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(n < 0 ? -n : n);
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}

const dollars = remembered((n) => `$${groupThousands(Math.round(n))}`);
const pct = remembered((x) => `${Math.round(x * 1000) / 10}%`);
const times = remembered((x) => `x${x.toFixed(3).replace(/0+$/, '').replace(/\.$/, '')}`);

/**
 * Estimate pay for a profile. Pure: everything it uses comes in through `profile` and `market`,
 * and the same inputs give the same (deeply equal) result. Figures are whole US dollars per year;
 * `total.mid` is exactly `base.mid + bonus.mid + equity.mid`.
 *
 * The parts of an estimate that only depend on the market and a few choices are built once per
 * market and **shared, frozen** (`Object.freeze`), not copied for every call: each factor's
 * `sources` array, the `sources` list with its entries, and the `guides` list with its views and
 * their `base`/`total` pairs. Treat them as read-only (copy before changing one). The rest (the
 * estimate object, `profile` and its `skills`, the four ranges, `factors` and each factor object)
 * is fresh on every call. What is derived from `market` is remembered per market object (a
 * `WeakMap`), so a market must not be changed once it has been passed in; pass a new object (for
 * example a `structuredClone`) instead.
 */
export function estimate(profile: Profile, market: Market): Estimate {
  const { years } = profile;
  const maxYears = market.experience.maxYears;
  if (typeof years !== 'number' || !Number.isFinite(years) || years < 0 || years > maxYears) {
    throw new InputError(`years must be a number from 0 to ${maxYears}`, 'years');
  }
  const m = prepared(market);
  const loc =
    m.locations.get(profile.city) ?? unknown(market.locations, profile.city, 'city', 'city');
  const ind =
    m.industries.get(profile.industry) ??
    unknown(market.industries, profile.industry, 'industry', 'industry');
  const deg =
    m.degrees.get(profile.degree) ??
    unknown(market.degrees.list, profile.degree, 'degree', 'degree');
  const location = loc.entry;
  const industry = ind.entry;
  const degree = deg.entry;
  // The skills once each, in first-seen order ([...new Set(profile.skills)] without the Set).
  const given = profile.skills;
  const infos: SkillInfo[] = [];
  const skills: Skill[] = [];
  if (Array.isArray(given)) {
    const seen: unknown[] = [];
    for (let i = 0; i < given.length; i++) {
      const id: unknown = given[i];
      if (seen.includes(id)) continue;
      seen.push(id);
      const info = m.skills.get(id) ?? unknown(market.skills.list, id, 'skills', 'skill');
      infos.push(info);
      skills.push(info.entry);
    }
  } else {
    // A plain-JavaScript caller's string ("mlops") or missing list would otherwise be read as
    // letters or as no skills at all.
    throw new InputError(
      `skills must be an array of skill ids, like ['mlops', 'nlp-llm'] (known: ${market.skills.list.map((s) => s.id).join(', ')}); resolveProfile turns names into ids`,
      'skills',
    );
  }
  const y = yearsInfo(m, market, years);

  // Written out per figure rather than through mapRange: estimate() runs in tight loops (batch)
  // and the closures were a large share of its cost. Same arithmetic in the same order.
  const national = y.national;
  const place = location.multiplier;
  const employer = industry.baseMultiplier;
  const skillPremium = stackSkillPremiums(skills, market.skills.diminishingFactor);
  const degreeW = y.degreeW;
  const degreePremium: Range = {
    low: degree.premium.low * degreeW,
    mid: degree.premium.mid * degreeW,
    high: degree.premium.high * degreeW,
  };
  const base: Range = {
    low: Math.round(
      Math.max(0, national.low * place.low * employer + skillPremium.low + degreePremium.low),
    ),
    mid: Math.round(
      Math.max(0, national.mid * place.mid * employer + skillPremium.mid + degreePremium.mid),
    ),
    high: Math.round(
      Math.max(0, national.high * place.high * employer + skillPremium.high + degreePremium.high),
    ),
  };
  const bonusShare = industry.bonusShareOfBase;
  const bonus: Range = {
    low: Math.round(base.low * bonusShare.low),
    mid: Math.round(base.mid * bonusShare.mid),
    high: Math.round(base.high * bonusShare.high),
  };
  const totalOverBase =
    industry.payMix === 'tech'
      ? (y.tech ??= techTotalOverBase(market, years))
      : market.payMix.general.totalOverBase;
  const typicalBonus = market.payMix.typicalBonusShareOfBase.value;
  const intensity = industry.equityIntensity;
  const equityPerBase: Range = {
    low: Math.max(0, totalOverBase.low - 1 - typicalBonus) * intensity,
    mid: Math.max(0, totalOverBase.mid - 1 - typicalBonus) * intensity,
    high: Math.max(0, totalOverBase.high - 1 - typicalBonus) * intensity,
  };
  const equity: Range = {
    low: Math.round(base.low * equityPerBase.low),
    mid: Math.round(base.mid * equityPerBase.mid),
    high: Math.round(base.high * equityPerBase.high),
  };
  const total: Range = {
    low: base.low + bonus.low + equity.low,
    mid: base.mid + bonus.mid + equity.mid,
    high: base.high + bonus.high + equity.high,
  };

  // Factors: each step's effect on the typical figure, rounded cumulatively so they add up to
  // total.mid. `mask` collects which market sources the factors name (see `sourceList`).
  const factors: Factor[] = [];
  let mask = m.modelMask | m.curveMask | loc.mask | ind.mask;
  let shown = Math.round(national.mid);
  factors.push({ id: 'experience', label: y.experience, effect: shown, sources: m.curveSources });
  let running = national.mid * location.multiplier.mid;
  let rounded = Math.round(running);
  factors.push({ id: loc.id, label: loc.label, effect: rounded - shown, sources: loc.sources });
  shown = rounded;
  running *= industry.baseMultiplier;
  rounded = Math.round(running);
  factors.push({ id: ind.id, label: ind.label, effect: rounded - shown, sources: ind.sources });
  shown = rounded;
  const bySize =
    infos.length <= 1
      ? infos
      : [...infos].sort((a, b) => b.entry.premium.mid - a.entry.premium.mid);
  for (let i = 0; i < bySize.length; i++) {
    const s = bySize[i]!;
    const weight = market.skills.diminishingFactor ** i;
    running += s.entry.premium.mid * weight;
    rounded = Math.round(running);
    const label = (s.labels[i] ??= skillLabel(s.entry, i, weight));
    factors.push({ id: s.id, label, effect: rounded - shown, sources: s.sources });
    shown = rounded;
    mask |= s.mask;
  }
  if (degree.premium.mid !== 0) {
    running += degreePremium.mid;
    rounded = Math.round(running);
    const label =
      y.fadeNote === '' ? deg.head : (y.degreeLabels[deg.index] ??= deg.head + y.fadeNote);
    factors.push({ id: deg.id, label, effect: rounded - shown, sources: deg.sources });
    shown = rounded;
    mask |= deg.mask;
  }
  if (shown !== base.mid) {
    factors.push({
      id: 'floor',
      label: 'Base cannot go below zero',
      effect: base.mid - shown,
      sources: m.floorSources,
    });
  }
  factors.push({
    id: 'bonus',
    label: ind.bonusLabel,
    effect: bonus.mid,
    sources: ind.bonusSources,
  });
  const equityLabel =
    industry.payMix === 'tech'
      ? (y.equityLabels[ind.index] ??= equityText(industry, equityPerBase.mid, years))
      : (ind.equityLabel ??= equityText(industry, equityPerBase.mid, years));
  factors.push({
    id: 'equity',
    label: equityLabel,
    effect: equity.mid,
    sources: ind.equitySources,
  });
  mask |= ind.bonusMask | ind.equityMask;

  return {
    profile: {
      years,
      city: location.id,
      industry: industry.id,
      skills: skills.map((s) => s.id),
      degree: degree.id,
    },
    level: y.level,
    base,
    bonus,
    equity,
    total,
    factors,
    sources: m.maskable ? sourceList(m, market, mask) : sourcesNamed(market, factors),
    guides: y.guides,
  };
}

/** Never returns: the error `find` throws for an id that is not in `list`. */
function unknown(
  list: readonly { id: string }[],
  id: unknown,
  field: keyof Profile,
  what: string,
): never {
  find(list, id as string, field, what);
  throw new Error(`estimate: '${String(id)}' is in the ${what} index but not in the list`);
}

// ---- what estimate() derives once per market ----

/** A factor's id, label and sources that depend only on one catalogue entry. */
interface EntryFactor<T> {
  entry: T;
  index: number;
  id: string;
  label: string;
  sources: string[];
  mask: number;
}

interface IndustryInfo extends EntryFactor<Industry> {
  bonusLabel: string;
  bonusSources: string[];
  bonusMask: number;
  equitySources: string[];
  equityMask: number;
  /** The equity label of a general pay mix industry (the same at any years). */
  equityLabel: string | undefined;
}

interface SkillInfo extends EntryFactor<Skill> {
  /** The factor's label when the skill is the i-th largest premium. */
  labels: string[];
}

interface DegreeInfo extends EntryFactor<Degree> {
  /** The label before the fade note: name, sign and premium. */
  head: string;
}

/** Everything that depends on the years alone. */
interface YearsInfo {
  national: Range;
  level: Level;
  degreeW: number;
  experience: string;
  fadeNote: string;
  guides: GuideView[];
  tech: Range | undefined;
  /** Degree labels with this fade note, by degree index. */
  degreeLabels: string[];
  /** Equity labels of tech pay mix industries at these years, by industry index. */
  equityLabels: string[];
}

interface Prepared {
  locations: Map<unknown, EntryFactor<Location>>;
  industries: Map<unknown, IndustryInfo>;
  skills: Map<unknown, SkillInfo>;
  degrees: Map<unknown, DegreeInfo>;
  curveSources: string[];
  curveMask: number;
  floorSources: string[];
  modelMask: number;
  /** Whether `market.sources` is short enough for a bit mask (31 entries). */
  maskable: boolean;
  sourceLists: Map<number, SourceRef[]>;
  years: Map<number, YearsInfo>;
  guides: Map<string, GuideView[]>;
}

const preparedMarkets = new WeakMap<Market, Prepared>();
/** Years values remembered per market (a batch sees a few hundred; a bound keeps memory flat). */
const YEARS_CACHE = 4096;

function frozen<T>(value: T): T {
  return Object.freeze(value);
}

function prepared(market: Market): Prepared {
  let m = preparedMarkets.get(market);
  if (m) return m;
  const maskable = market.sources.length <= 31;
  const maskOf = (ids: readonly string[]): number => {
    let mask = 0;
    if (maskable) {
      market.sources.forEach((s, i) => {
        if (ids.includes(s.id)) mask |= 1 << i;
      });
    }
    return mask;
  };
  const byId = <E extends { id: string }, I>(
    list: readonly E[],
    make: (entry: E, index: number) => I,
  ): Map<unknown, I> => {
    const map = new Map<unknown, I>();
    list.forEach((e, i) => {
      if (!map.has(e.id)) map.set(e.id, make(e, i)); // the first of repeated ids, as find() has it
    });
    return map;
  };
  const entryFactor = <T>(
    entry: T,
    index: number,
    id: string,
    label: string,
    sources: string[],
  ): EntryFactor<T> => ({
    entry,
    index,
    id,
    label,
    sources: frozen(sources),
    mask: maskOf(sources),
  });
  const curveSources = frozen(market.experience.curves.map((c) => c.source));
  const floorSources = frozen(['model']);
  m = {
    locations: byId(market.locations, (l, i) =>
      entryFactor(
        l,
        i,
        `city:${l.id}`,
        `${l.label}: base ${times(l.multiplier.mid)}`,
        evidenceSources(l.evidence),
      ),
    ),
    industries: byId(market.industries, (ind, i) => {
      const bonusSources = frozen(evidenceSources(ind.evidence, 'article'));
      const equitySources = frozen([
        ind.payMix === 'tech' ? market.payMix.tech.source : market.payMix.general.source,
      ]);
      return {
        ...entryFactor(
          ind,
          i,
          `industry:${ind.id}`,
          `${ind.label}: base ${times(ind.baseMultiplier)}`,
          evidenceSources(ind.evidence),
        ),
        bonusLabel: `Bonus: ${pct(ind.bonusShareOfBase.mid)} of base (${ind.label})`,
        bonusSources,
        bonusMask: maskOf(bonusSources),
        equitySources,
        equityMask: maskOf(equitySources),
        equityLabel: undefined,
      };
    }),
    skills: byId(market.skills.list, (s, i) => ({
      ...entryFactor(
        s,
        i,
        `skill:${s.id}`,
        '',
        uniq([s.source, ...(s.proxy ? ['article'] : []), market.skills.diminishingSource]),
      ),
      labels: [],
    })),
    degrees: byId(market.degrees.list, (d, i) => {
      const head = `${d.label}: ${d.premium.mid < 0 ? '-' : '+'}${dollars(Math.abs(d.premium.mid))}`;
      return {
        ...entryFactor(d, i, `degree:${d.id}`, head, uniq([d.source, market.degrees.fade.source])),
        head,
      };
    }),
    curveSources,
    curveMask: maskOf(curveSources),
    floorSources,
    modelMask: maskOf(['model']),
    maskable,
    sourceLists: new Map(),
    years: new Map(),
    guides: new Map(),
  };
  preparedMarkets.set(market, m);
  return m;
}

function yearsInfo(m: Prepared, market: Market, years: number): YearsInfo {
  let y = m.years.get(years);
  if (y) return y;
  const level = levelFor(market, years);
  const degreeW = degreeWeight(market, years);
  y = {
    national: nationalBase(market, years),
    level,
    degreeW,
    experience: `${plural(years, 'year')} of experience (${level}): national base, typical of both guides`,
    fadeNote: degreeW < 1 ? `, ${pct(degreeW)} of it after ${plural(years, 'year')}` : '',
    guides: guideViews(m, market, years),
    tech: undefined,
    degreeLabels: [],
    equityLabels: [],
  };
  // 0 is not remembered: Map keys do not tell 0 from -0.
  if (years !== 0) {
    if (m.years.size >= YEARS_CACHE) m.years.clear();
    m.years.set(years, y);
  }
  return y;
}

function skillLabel(s: Skill, i: number, weight: number): string {
  const weightNote = i === 0 ? ', full weight' : `, at ${pct(weight)} weight (diminishing returns)`;
  const proxy = s.proxy ? ', priced by proxy' : '';
  return `${s.label}: ${dollars(s.premium.mid)} premium${weightNote}${proxy}`;
}

function equityText(industry: Industry, perBase: number, years: number): string {
  const intensity = industry.equityIntensity !== 1 ? `, ${times(industry.equityIntensity)}` : '';
  return industry.payMix === 'tech'
    ? `Equity: ${pct(perBase)} of base (tech pay mix at ${plural(years, 'year')}${intensity})`
    : `Equity: ${pct(perBase)} of base (general pay mix${intensity})`;
}

/** The market's sources the factors name, plus the model, in market order; shared per set. */
function sourceList(m: Prepared, market: Market, mask: number): SourceRef[] {
  let list = m.sourceLists.get(mask);
  if (!list) {
    const out: SourceRef[] = [];
    market.sources.forEach((s, i) => {
      if (mask & (1 << i)) out.push(frozen({ id: s.id, title: s.title, file: s.file }));
    });
    list = frozen(out);
    m.sourceLists.set(mask, list);
  }
  return list;
}

/** `sourceList` without a mask, for a market with more sources than a mask holds. */
function sourcesNamed(market: Market, factors: readonly Factor[]): SourceRef[] {
  const sources: SourceRef[] = [];
  for (const s of market.sources) {
    if (s.id === 'model' || factors.some((f) => f.sources.includes(s.id))) {
      sources.push({ id: s.id, title: s.title, file: s.file });
    }
  }
  return sources;
}

/** What each guide says at `years`: one band per guide, shared per combination of bands. */
function guideViews(m: Prepared, market: Market, years: number): GuideView[] {
  const curves = market.experience.curves;
  const picks = curves.map((curve) => {
    let pick = 0;
    curve.bands.forEach((b, i) => {
      if (years >= b.years[0]) pick = i;
    });
    return pick;
  });
  const key = picks.join(',');
  let views = m.guides.get(key);
  if (views) return views;
  views = frozen(
    curves.map((curve, c) => {
      const band = curve.bands[picks[c]!]!;
      const source = market.sources.find((s) => s.id === curve.source);
      const view: GuideView = {
        source: curve.source,
        file: source?.file ?? '',
        basis: curve.basis,
        level: band.level,
        years: band.years[1] === null ? `${band.years[0]}+` : `${band.years[0]}-${band.years[1]}`,
        // The guide's own words: an open-ended band ("$300,000+") has no high.
        base: frozen([band.base[0], band.openHigh ? null : band.base[1]]),
      };
      if (band.total) view.total = frozen([band.total[0], band.openHigh ? null : band.total[1]]);
      return frozen(view);
    }),
  );
  m.guides.set(key, views);
  return views;
}

/** The distinct values in first-seen order, as a Set keeps them (the lists are a few items long). */
function uniq(xs: readonly string[]): string[] {
  const out: string[] = [];
  for (const x of xs) if (!out.includes(x)) out.push(x);
  return out;
}

/** `uniq(evidence.map((e) => e.source).concat(extra ?? []))` without the intermediate arrays. */
function evidenceSources(evidence: readonly Evidence[], extra?: string): string[] {
  const out: string[] = [];
  for (const e of evidence) if (!out.includes(e.source)) out.push(e.source);
  if (extra !== undefined && !out.includes(extra)) out.push(extra);
  return out;
}

const numberText = remembered((n) => `${n}`);

function plural(n: number, word: string): string {
  return `${numberText(n)} ${word}${n === 1 ? '' : 's'}`;
}
