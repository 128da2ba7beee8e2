import type {
  Degree,
  Estimate,
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

interface Point {
  x: number;
  y: number;
}

/** Piecewise-linear through the points (sorted by x), flat before the first and after the last. */
function interpolate(points: readonly Point[], x: number): number {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) throw new Error('interpolate: no points');
  if (x <= first.x) return first.y;
  if (x >= last.x) return last.y;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (x <= b.x) return a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
  }
  return last.y;
}

function mapRange(f: (k: Key) => number): Range {
  return { low: f('low'), mid: f('mid'), high: f('high') };
}

/** A curve's base band at `years`, in national dollars (hub curves deflated by the hub premium). */
function curveBase(curve: ExperienceCurve, years: number, hubPremium: number): Range {
  const scale = curve.basis === 'hub' ? 1 / hubPremium : 1;
  const at = (pick: (lo: number, hi: number) => number): number =>
    interpolate(
      curve.bands.map((b) => ({ x: b.anchorYears, y: pick(b.base[0], b.base[1]) * scale })),
      years,
    );
  return { low: at((lo) => lo), mid: at((lo, hi) => (lo + hi) / 2), high: at((_lo, hi) => hi) };
}

/**
 * The national base band at `years`, combining every guide: the lowest low, the mean of the
 * typical figures and the highest high, so the range shows where the guides disagree.
 */
export function nationalBase(market: Market, years: number): Range {
  const hub = market.experience.hubPremium.mid;
  const perCurve = market.experience.curves.map((c) => curveBase(c, years, hub));
  return {
    low: Math.min(...perCurve.map((r) => r.low)),
    mid: perCurve.reduce((sum, r) => sum + r.mid, 0) / perCurve.length,
    high: Math.max(...perCurve.map((r) => r.high)),
  };
}

/** Total over base at tech companies, from the total-compensation column of the national table. */
export function techTotalOverBase(market: Market, years: number): Range {
  const curve = market.experience.curves.find((c) => c.bands.every((b) => b.total));
  if (!curve) throw new Error('market data: no experience curve with total compensation');
  const at = (ratio: (base: [number, number], total: [number, number]) => number): number =>
    interpolate(
      curve.bands.map((b) => ({ x: b.anchorYears, y: ratio(b.base, b.total!) })),
      years,
    );
  return {
    low: at((b, t) => t[0] / b[0]),
    mid: at((b, t) => (t[0] + t[1]) / (b[0] + b[1])),
    high: at((b, t) => t[1] / b[1]),
  };
}

/** Share of a degree's premium that still applies after `years` (1 early on, fading to a residual). */
export function degreeWeight(market: Market, years: number): number {
  const { fullUntilYears, fadedByYears, residual } = market.degrees.fade;
  return interpolate(
    [
      { x: fullUntilYears, y: 1 },
      { x: fadedByYears, y: residual },
    ],
    years,
  );
}

/** Weighted skill premiums: per figure, largest first, weighted 1, d, d^2, ... */
export function stackSkillPremiums(skills: readonly Skill[], diminishing: number): Range {
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
  const hit = list.find((x) => x.id === id);
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
      base: [band.base[0], band.base[1]],
    };
    if (band.total && band.years[1] !== null) view.total = [band.total[0], band.total[1]];
    return view;
  });
}

const dollars = (n: number): string => `$${Math.round(n).toLocaleString('en-US')}`;
const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
const times = (x: number): string => `x${x.toFixed(3).replace(/0+$/, '').replace(/\.$/, '')}`;

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
  const skillIds = [...new Set(profile.skills)];
  const skills: Skill[] = skillIds.map((id) => find(market.skills.list, id, 'skills', 'skill'));

  const national = nationalBase(market, years);
  const core = mapRange((k) => national[k] * location.multiplier[k] * industry.baseMultiplier);
  const skillPremium = stackSkillPremiums(skills, market.skills.diminishingFactor);
  const degreeW = degreeWeight(market, years);
  const degreePremium = mapRange((k) => degree.premium[k] * degreeW);

  const base = mapRange((k) =>
    Math.round(Math.max(0, core[k] + skillPremium[k] + degreePremium[k])),
  );
  const bonus = mapRange((k) => Math.round(base[k] * industry.bonusShareOfBase[k]));
  const totalOverBase =
    industry.payMix === 'tech'
      ? techTotalOverBase(market, years)
      : market.payMix.general.totalOverBase;
  const typicalBonus = market.payMix.typicalBonusShareOfBase.value;
  const equityPerBase = mapRange(
    (k) => Math.max(0, totalOverBase[k] - 1 - typicalBonus) * industry.equityIntensity,
  );
  const equity = mapRange((k) => Math.round(base[k] * equityPerBase[k]));
  const total = mapRange((k) => base[k] + bonus[k] + equity[k]);

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
    uniq(location.evidence.map((e) => e.source)),
    running,
  );
  running *= industry.baseMultiplier;
  step(
    `industry:${industry.id}`,
    `${industry.label}: base ${times(industry.baseMultiplier)}`,
    uniq(industry.evidence.map((e) => e.source)),
    running,
  );
  const bySize = [...skills].sort((a, b) => b.premium.mid - a.premium.mid);
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
    sources: uniq(industry.evidence.map((e) => e.source).concat('article')),
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

  const usedIds = uniq(factors.flatMap((f) => f.sources));
  const sources: SourceRef[] = market.sources
    .filter((s) => usedIds.includes(s.id) || s.id === 'model')
    .map(({ id, title, file }) => ({ id, title, file }));

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

function uniq(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
