// The estimator as it was before the caching rewrite (commit efb353e), kept verbatim as the
// reference that tests/perf-equivalence.test.ts compares the fast one against. Not shipped.
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
} from '../../src/types.js';

type Key = keyof Range;

/** Thrown by `estimate()` for a profile it cannot price (unknown id, years out of range). */
export class EstimateInputError extends Error {
  constructor(
    message: string,
    readonly field: keyof Profile,
  ) {
    super(message);
    this.name = 'EstimateInputError';
  }
}

function mapRange(f: (k: Key) => number): Range {
  return { low: f('low'), mid: f('mid'), high: f('high') };
}

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
  return mapRange((k) =>
    skills
      .map((s) => s.premium[k])
      .sort((a, b) => b - a)
      .reduce((sum, p, i) => sum + p * diminishing ** i, 0),
  );
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
    throw new EstimateInputError(
      `unknown ${what} id '${id}' (known: ${list.map((x) => x.id).join(', ')})`,
      field,
    );
  }
  return hit;
}

function guideViews(market: Market, years: number): GuideView[] {
  return market.experience.curves.map((curve) => {
    let band = curve.bands[0]!;
    for (const b of curve.bands) if (years >= b.years[0]) band = b;
    const source = market.sources.find((s) => s.id === curve.source);
    const view: GuideView = {
      source: curve.source,
      file: source?.file ?? '',
      basis: curve.basis,
      level: band.level,
      years: band.years[1] === null ? `${band.years[0]}+` : `${band.years[0]}-${band.years[1]}`,
      base: [band.base[0], band.openHigh ? null : band.base[1]],
    };
    if (band.total) view.total = [band.total[0], band.openHigh ? null : band.total[1]];
    return view;
  });
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
 * Estimate pay for a profile. Pure: everything it uses comes in through `profile` and `market`.
 * Figures are whole US dollars per year; `total.mid` is exactly `base.mid + bonus.mid + equity.mid`.
 */
export function estimate(profile: Profile, market: Market): Estimate {
  const { years } = profile;
  const maxYears = market.experience.maxYears;
  if (typeof years !== 'number' || !Number.isFinite(years) || years < 0 || years > maxYears) {
    throw new EstimateInputError(`years must be a number from 0 to ${maxYears}`, 'years');
  }
  const location: Location = find(market.locations, profile.city, 'city', 'city');
  const industry: Industry = find(market.industries, profile.industry, 'industry', 'industry');
  const degree: Degree = find(market.degrees.list, profile.degree, 'degree', 'degree');
  if (!Array.isArray(profile.skills)) {
    throw new EstimateInputError(
      `skills must be an array of skill ids, like ['mlops', 'nlp-llm'] (known: ${market.skills.list.map((s) => s.id).join(', ')}); resolveProfile turns names into ids`,
      'skills',
    );
  }
  const skillIds = [...new Set(profile.skills)];
  const skills: Skill[] = skillIds.map((id) => find(market.skills.list, id, 'skills', 'skill'));

  // Written out per figure rather than through mapRange: estimate() runs in tight loops (batch)
  // and the closures were a large share of its cost. Same arithmetic in the same order.
  const national = nationalBase(market, years);
  const place = location.multiplier;
  const employer = industry.baseMultiplier;
  const skillPremium = stackSkillPremiums(skills, market.skills.diminishingFactor);
  const degreeW = degreeWeight(market, years);
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
      ? techTotalOverBase(market, years)
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

  const level = levelFor(market, years);

  // Factors: each step's effect on the typical figure, rounded cumulatively so they add up to total.mid.
  const factors: Factor[] = [];
  let shown = 0;
  const step = (id: string, label: string, sources: string[], cumulative: number): void => {
    const rounded = Math.round(cumulative);
    factors.push({ id, label, effect: rounded - shown, sources });
    shown = rounded;
  };
  const curveSources = market.experience.curves.map((c) => c.source);
  step(
    'experience',
    `${plural(years, 'year')} of experience (${level}): national base, typical of both guides`,
    curveSources,
    national.mid,
  );
  let running = national.mid * location.multiplier.mid;
  step(
    `city:${location.id}`,
    `${location.label}: base ${times(location.multiplier.mid)}`,
    evidenceSources(location.evidence),
    running,
  );
  running *= industry.baseMultiplier;
  step(
    `industry:${industry.id}`,
    `${industry.label}: base ${times(industry.baseMultiplier)}`,
    evidenceSources(industry.evidence),
    running,
  );
  const bySize =
    skills.length <= 1 ? skills : [...skills].sort((a, b) => b.premium.mid - a.premium.mid);
  bySize.forEach((s, i) => {
    const weight = market.skills.diminishingFactor ** i;
    running += s.premium.mid * weight;
    const weightNote =
      i === 0 ? ', full weight' : `, at ${pct(weight)} weight (diminishing returns)`;
    const proxy = s.proxy ? ', priced by proxy' : '';
    step(
      `skill:${s.id}`,
      `${s.label}: ${dollars(s.premium.mid)} premium${weightNote}${proxy}`,
      uniq([s.source, ...(s.proxy ? ['article'] : []), market.skills.diminishingSource]),
      running,
    );
  });
  if (degree.premium.mid !== 0) {
    running += degreePremium.mid;
    const fadeNote = degreeW < 1 ? `, ${pct(degreeW)} of it after ${plural(years, 'year')}` : '';
    step(
      `degree:${degree.id}`,
      `${degree.label}: ${degree.premium.mid < 0 ? '-' : '+'}${dollars(Math.abs(degree.premium.mid))}${fadeNote}`,
      uniq([degree.source, market.degrees.fade.source]),
      running,
    );
  }
  if (shown !== base.mid) step('floor', 'Base cannot go below zero', ['model'], base.mid);
  shown = 0;
  factors.push({
    id: 'bonus',
    label: `Bonus: ${pct(industry.bonusShareOfBase.mid)} of base (${industry.label})`,
    effect: bonus.mid,
    sources: evidenceSources(industry.evidence, 'article'),
  });
  factors.push({
    id: 'equity',
    label:
      industry.payMix === 'tech'
        ? `Equity: ${pct(equityPerBase.mid)} of base (tech pay mix at ${plural(years, 'year')}${industry.equityIntensity !== 1 ? `, ${times(industry.equityIntensity)}` : ''})`
        : `Equity: ${pct(equityPerBase.mid)} of base (general pay mix${industry.equityIntensity !== 1 ? `, ${times(industry.equityIntensity)}` : ''})`,
    effect: equity.mid,
    sources: [
      industry.payMix === 'tech' ? market.payMix.tech.source : market.payMix.general.source,
    ],
  });

  const sources: SourceRef[] = [];
  for (const s of market.sources) {
    if (s.id === 'model' || factors.some((f) => f.sources.includes(s.id))) {
      sources.push({ id: s.id, title: s.title, file: s.file });
    }
  }

  return {
    profile: {
      years,
      city: location.id,
      industry: industry.id,
      skills: skills.map((s) => s.id),
      degree: degree.id,
    },
    level,
    base,
    bonus,
    equity,
    total,
    factors,
    sources,
    guides: guideViews(market, years),
  };
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
