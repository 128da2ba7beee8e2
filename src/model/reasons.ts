import { multiplier, percent, yearsText } from './format.js';
import type { Parts, Price } from './parts.js';
import type {
  Degree,
  Factor,
  Industry,
  Level,
  Location,
  Market,
  MixAtLevel,
  PayMixKind,
  SourceRef,
} from './types.js';
import { LEVELS, MARKET_FILE_SOURCE } from './types.js';

/** The source entry naming a --data market's file (undefined for the bundled data). */
export const marketFileSource = (m: Pick<Market, 'sources'>) =>
  m.sources[0]?.id === MARKET_FILE_SOURCE ? m.sources[0] : undefined;
/** That a --data file's figure behind reason `id` is its own (input/market-check.ts): cite the file. */
const ownFigure = (m: Market, id: string): boolean =>
  (marketFileSource(m)?.own as string[] | undefined)?.includes(id) === true;

// The reasons behind an estimate: each step's effect on the typical total in dollars, with the
// sources it rests on. The base steps are rounded cumulatively, so their effects add up to the
// rounded typical base, and with bonus and equity to total.mid exactly. A reason's label and
// sources depend on the market and the step alone: they are remembered (parts.ts) and shared.

/** A reason without its effect, and where its sources stand in the market's list. */
export interface Reason {
  id: string;
  label: string;
  sources: readonly string[];
  /** The sources' places in the market's list, as bits (markets of at most 31 sources). */
  mask: number;
}

/** Remembers `value` for `key` in `map` (emptied first if it holds `bound` values); returns it. */
export function keep<K, V>(map: Map<K, V>, key: K, value: V, bound = Infinity): V {
  if (map.size >= bound) map.clear();
  map.set(key, value);
  return value;
}

/** The distinct values in first-seen order. */
function uniq(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

/** A reason, with where its sources stand in the market's list; frozen (it is shared). */
function reason(market: Market, id: string, label: string, sources: readonly string[]): Reason {
  if (ownFigure(market, id)) {
    label = `${label} (the market file's own figure)`;
    sources = [MARKET_FILE_SOURCE];
  }
  let mask = 0;
  for (const s of sources) {
    const i = market.sources.findIndex((m) => m.id === s);
    if (i >= 0) mask |= 1 << i;
  }
  return Object.freeze({ id, label, sources: Object.freeze([...sources]), mask });
}

/** Where a position sits on the ladder, in words: "at senior level", "between mid and senior level (1.29)". */
export function positionText(position: number): string {
  const lo = Math.floor(position);
  if (position === lo) return `at ${LEVELS[lo]} level`;
  return `between ${LEVELS[lo]} and ${LEVELS[lo + 1]} level (${position.toFixed(2)})`;
}

/** What the reasons read of a stage (parts.ts). */
interface At {
  years: number;
  position: number;
  given: boolean;
  level: Level;
  degreeWeight: number;
}

function experienceReason(market: Market, stage: At): Reason {
  const { level } = stage;
  return reason(
    market,
    'experience',
    stage.given
      ? `${level[0]!.toUpperCase()}${level.slice(1)} level (given): national typical base at that level`
      : `${yearsText(stage.years)} of experience (${level}): national typical base ${positionText(stage.position)}`,
    uniq([...market.levels.sources, ...(stage.given ? [] : market.experience.position.sources)]),
  );
}

/** The sources that produced a figure: its evidence less what the figure outranked (review4 N7). */
const produced = (evidence: readonly { source: string; outranked?: unknown }[]): string[] =>
  uniq(evidence.flatMap((e) => (e.outranked ? [] : [e.source])));

/** A location's reason (the same for every estimate there). */
export function placeReason(market: Market, location: Location): Reason {
  return reason(
    market,
    `city:${location.id}`,
    `${location.label}: base ${multiplier(location.multiplier)}${ownFigure(market, `city:${location.id}`) ? '' : federalNote(location)}`,
    produced(location.evidence),
  );
}

/** How a location's factor stands to federal wage data, said where the factor is printed. */
function federalNote(location: Location): string {
  const f = location.federal;
  if (f === undefined) return '';
  const estimate = f.uncertain ? '; an estimate, about +/-7%' : '';
  const r = location.records;
  if (r)
    return ` (${r.n} pay record${r.n === 1 ? "'s" : "s'"} ${multiplier(r.factor)} weighed with ${prior(f, r.prior)}${disputed(r) ? ': uncertain' : ''})`;
  const whose = location.evidence.some((e) => e.source === 'levels') ? 'records' : 'guides';
  return f.guidesOutrank
    ? ` (the ${whose}' figure outranks federal wage data's ${multiplier(f.factor)}${estimate})`
    : ` (federal wage data${estimate})`;
}
/** Records that differ from their prior by over 10% leave the factor between them in doubt. */
const disputed = (r: { factor: number; prior: number }): boolean =>
  Math.abs(Math.log(r.factor / r.prior)) > Math.log(1.1);
/** The figure a location's records were weighed with, and whose it is. */
const prior = (f: NonNullable<Location['federal']>, at: number): string =>
  f.guidesOutrank
    ? `the guides' ${multiplier(at)}`
    : `federal wage data's ${multiplier(at)}${f.uncertain ? ', an estimate' : ''}`;

/**
 * Why a city's factor is in doubt, if it is: its pay records and their prior differ by over 10%
 * (`disputed`), or it rests on federal wage data marked an estimate alone (`estimate`).
 */
function cityDoubt(market: Market, l: Location): 'disputed' | 'estimate' | undefined {
  const f = l.federal;
  if (!f || ownFigure(market, `city:${l.id}`)) return undefined;
  if (l.records) return disputed(l.records) ? 'disputed' : undefined;
  return f.uncertain && !f.guidesOutrank ? 'estimate' : undefined;
}

/**
 * The cities and employers (ids) whose figures dataNotes says are uncertain: what a batch record's
 * `uncertain` names (worked out once per market, not per record).
 */
export const uncertainIds = (market: Market): Record<'city' | 'industry', Set<string>> => ({
  city: new Set(market.locations.filter((l) => cityDoubt(market, l)).map((l) => l.id)),
  industry: new Set(market.industries.filter((i) => i.unfitted).map((i) => i.id)),
});

/**
 * What the documents that print figures without the reasons or sources say they rest on: a --data
 * market file (its source's title); the cities (ids, each once) whose factor rests on federal
 * wage data marked an estimate alone, in one sentence (review L1, review3 A20), then each whose
 * pay records and prior differ by over 10% (review4 N1); each employer whose figures are not
 * fitted on the pay records (review4 N5).
 */
export function dataNotes(
  market: Market,
  profiles: readonly { city: string; industry: string }[],
): string[] {
  const file = marketFileSource(market);
  const employers = [...new Set(profiles.map((p) => p.industry))].flatMap((id) => {
    const i = market.industries.find((x) => x.id === id);
    return i?.unfitted ? [`${i.label}: not fitted on pay records (${i.unfitted}).`] : [];
  });
  const doubts: string[] = [];
  const places = [...new Set(profiles.map((p) => p.city))].flatMap((id) => {
    const l = market.locations.find((x) => x.id === id);
    if (!l) return [];
    const [doubt, r, f] = [cityDoubt(market, l), l.records, l.federal];
    if (doubt === 'disputed' && r && f)
      doubts.push(
        `${l.label}: its pay factor (base ${multiplier(l.multiplier)}) is uncertain: ${r.n === 1 ? '1 pay record puts' : `${r.n} pay records put`} it at ${multiplier(r.factor)}, ${f.guidesOutrank ? 'the guides' : `federal wage data${f.uncertain ? ' (an estimate)' : ''}`} at ${multiplier(r.prior)}; the figures built on it share the doubt.`,
      );
    return doubt === 'estimate' ? [`${l.label} (base ${multiplier(l.multiplier)})`] : [];
  });
  // One sentence for them all: "Salt Lake City (base x0.862): its pay factor is an estimate ...".
  const [its, it] =
    places.length > 1
      ? ['their pay factors are estimates', 'them']
      : ['its pay factor is an estimate', 'it'];
  const said = places.length
    ? [
        `${places.join(', ')}: ${its} from federal wage data (about +/-7%), and so are the figures built on ${it}.`,
      ]
    : [];
  return [...(file ? [`${file.title}.`] : []), ...said, ...doubts, ...employers];
}

/** An employer's reason (the same for every estimate there). */
export function employerReason(market: Market, industry: Industry): Reason {
  return reason(
    market,
    `industry:${industry.id}`,
    `${industry.label}: base ${multiplier(industry.baseMultiplier)}${industry.unfitted ? ` (not fitted on pay records: ${industry.unfitted})` : ''}`,
    produced(industry.evidence),
  );
}

/** A degree's or a skill's line where a given level prices the person (review4 N12). */
const byTheLevel = (label: string): string => `${label}: priced by the level given`;

function degreeReason(market: Market, stage: At, degree: Degree): Reason {
  const w = stage.degreeWeight;
  const fade = w < 1 ? `, ${percent(w)} of it after ${yearsText(stage.years)}` : '';
  return reason(
    market,
    `degree:${degree.id}`,
    stage.given && w === 0
      ? byTheLevel(degree.label)
      : `${degree.label}: base ${multiplier(degree.multiplier)}${fade}`,
    uniq([...degree.sources, market.degrees.fade.source]),
  );
}

function skillReason(market: Market, parts: Parts, rank: number): Reason {
  const skill = parts.skills[rank]!;
  const { stage } = parts;
  const byRank = stage.skills.get(skill) ?? keep(stage.skills, skill, []);
  return (byRank[rank] ??= reason(
    market,
    `skill:${skill.id}`,
    stage.given && stage.skillWeight === 0
      ? byTheLevel(skill.label)
      : `${skill.label}: +${percent(skill.premium / market.skills.reference.base)} of base${[
          rank === 0
            ? ''
            : `, at ${percent(market.skills.diminishingFactor ** rank)} weight (diminishing returns)`,
          stage.skillWeight < 1 ? `, ${percent(stage.skillWeight)} of it at this level` : '',
          skill.proxy ? ', priced by proxy' : '',
        ].join('')}`,
    uniq([skill.source, ...(skill.proxy ? ['article'] : []), ...market.skills.sources]),
  ));
}

/** A pay mix's bonus and equity reasons (by the employer kind's label). */
export function mixReasons(
  market: Market,
  kind: PayMixKind,
  mix: MixAtLevel,
  place: string,
): { bonus: Reason; equity: Reason } {
  const by = kind.byPlace;
  const where = by
    ? `${kind.label} ${by.hubs.includes(place) ? 'in' : 'outside'} the hubs`
    : kind.label;
  const value = market.payMix.paperValue;
  const paper =
    kind.paper === true
      ? `Equity (paper): ${percent(mix.equity)} of base at the latest round price${value.mid === 1 ? '' : `, counted at ${percent(value.mid)} of that`} (${where}); ${value.low === 0 ? '$0 at the low end: private stock may never be sold' : `${percent(value.low)} of it at the low end`}`
      : `Equity: ${percent(mix.equity)} of base (${where})`;
  return {
    bonus: reason(market, 'bonus', `Bonus: ${percent(mix.bonus)} of base (${where})`, kind.sources),
    equity: reason(
      market,
      'equity',
      paper,
      uniq([...kind.sources, ...(kind.paper === true ? value.sources : [])]),
    ),
  };
}

/** The factors and the market's sources they cite (with those always cited), in market order. */
export function reasonsOf(
  parts: Parts,
  figures: Price,
  market: Market,
): { factors: Factor[]; sources: SourceRef[] } {
  const factors: Factor[] = [];
  let mask = parts.table.always;
  let shown = 0;
  /** A base step: its effect is what it adds to the rounded running base. */
  const step = (r: Reason, running: number): void => {
    const rounded = Math.round(running);
    factors.push({ id: r.id, label: r.label, effect: rounded - shown, sources: r.sources });
    mask |= r.mask;
    shown = rounded;
  };
  let running = parts.stage.national;
  step((parts.stage.experience ??= experienceReason(market, parts.stage)), running);
  running *= parts.location.multiplier;
  step(parts.place, running);
  running *= parts.industry.baseMultiplier;
  step(parts.employer, running);
  if (parts.degree.multiplier !== 1) {
    running *= parts.degreeFactor;
    const { stage, degree } = parts;
    step(
      stage.degrees.get(degree) ?? keep(stage.degrees, degree, degreeReason(market, stage, degree)),
      running,
    );
  }
  const { before } = parts;
  for (let rank = 0; rank < parts.skills.length; rank++) {
    running += before * parts.skillShares[rank]!;
    step(skillReason(market, parts, rank), running);
  }
  // Rounding: the base steps end exactly at the rounded typical base.
  factors[factors.length - 1]!.effect += figures.base.mid - shown;
  const { bonus, equity } = parts.at;
  factors.push({
    id: 'bonus',
    label: bonus.label,
    effect: figures.bonus.mid,
    sources: bonus.sources,
  });
  factors.push({
    id: 'equity',
    label: equity.label,
    effect: figures.equity.mid,
    sources: equity.sources,
  });
  mask |= bonus.mask | equity.mask;
  // The market's sources that the reasons cite, and those always named, in the market's order.
  const sources = parts.table.refs.filter((_, i) => (mask & (1 << i)) !== 0);
  return { factors, sources };
}
