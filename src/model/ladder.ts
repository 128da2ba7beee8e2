import type { Level, Market, MixAtLevel, PayMixKind, Range, Widths } from './types.js';
import { LEVELS } from './types.js';

// The ladder (docs/methodology.md): a profile sits at a position on it, 0 = entry ... 4 =
// principal; a given level is its own position, years give the typical position of people with
// those years. Everything that depends on the level (the national base, the pay mix, the widths
// of the percentiles) is read at that position, between the two levels around it.

/** The level that years alone imply (the last whose fromYears they reach; principal never). */
export function levelFor(market: Market, years: number): Level {
  let level: Level = 'entry';
  for (const l of market.levels.list)
    if (l.fromYears !== null && years >= l.fromYears) level = l.id;
  return level;
}

/** The typical position of people with `years` of experience: straight lines between anchors. */
export function positionFor(market: Market, years: number): number {
  const anchors = market.experience.position.anchors;
  const first = anchors[0]!;
  if (years <= first.years) return first.position;
  for (let i = 1; i < anchors.length; i++) {
    const a = anchors[i - 1]!;
    const b = anchors[i]!;
    if (years <= b.years) {
      return a.position + ((b.position - a.position) * (years - a.years)) / (b.years - a.years);
    }
  }
  return anchors[anchors.length - 1]!.position;
}

/** The two levels around position `s` and the weight of the upper one (0 at the lower). */
function between(s: number): { lo: number; hi: number; t: number } {
  const top = LEVELS.length - 1;
  const lo = Math.min(Math.max(Math.floor(s), 0), top - 1);
  return { lo, hi: lo + 1, t: Math.min(Math.max(s - lo, 0), 1) };
}

/** The national typical base at position `s`: geometric steps between the levels' bases (the
 * ladder lists the levels in order: --data's check makes sure of it). */
export function ladderBase(market: Market, s: number): number {
  const { lo, hi, t } = between(s);
  const a = market.levels.list[lo]!.base;
  const b = market.levels.list[hi]!.base;
  return a * (b / a) ** t;
}

/** A pay mix at position `s`: straight lines between its levels' shares, times its term for the
 * place (a location id: in its hubs or elsewhere) where it has one and a place is given. */
export function mixAt(kind: PayMixKind, s: number, place?: string): MixAtLevel {
  const { lo, hi, t } = between(s);
  const a = kind.levels[LEVELS[lo]!];
  const b = kind.levels[LEVELS[hi]!];
  const by = kind.byPlace;
  const f = by && place !== undefined ? by[by.hubs.includes(place) ? 'hub' : 'elsewhere'] : NONE;
  return {
    bonus: (a.bonus + (b.bonus - a.bonus) * t) * f.bonus,
    equity: (a.equity + (b.equity - a.equity) * t) * f.equity,
  };
}
const NONE = { bonus: 1, equity: 1 };

/** The share of a skill premium that applies at position `s` (straight lines between levels). */
export function skillWeight(market: Market, s: number): number {
  const { lo, hi, t } = between(s);
  const by = market.skills.byLevel;
  return by[LEVELS[lo]!] + (by[LEVELS[hi]!] - by[LEVELS[lo]!]) * t;
}

/** Share of a degree's effect that still applies after `years` (1 early on, fading to a residual). */
export function degreeWeight(market: Market, years: number): number {
  const { fullUntilYears, fadedByYears, residual } = market.degrees.fade;
  if (years <= fullUntilYears) return 1;
  if (years >= fadedByYears) return residual;
  return 1 + ((residual - 1) * (years - fullUntilYears)) / (fadedByYears - fullUntilYears);
}

/**
 * The ratios [P10, P25, P75, P90] / P50 at position `s` from one component's rows: between two
 * levels, geometric where both ratios are above 0, straight where one is 0 (a part often nil).
 * `scale` (a location's spread) scales their log-distances from 1.
 */
export function widthsAt(rows: readonly Widths[], s: number, scale = 1): Widths {
  const { lo, hi, t } = between(s);
  const a = rows[lo]!;
  const b = rows[hi]!;
  const out: Widths = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const r = x > 0 && y > 0 ? x * (y / x) ** t : x + (y - x) * t;
    out[i] = r > 0 && scale !== 1 ? r ** scale : r;
  }
  return out;
}

/**
 * Five percentiles from a typical figure and its widths, rounded to whole dollars and kept in
 * order (rounding never puts a percentile past its neighbour).
 */
export function stated(mid: number, w: Widths, roundedMid = Math.round(mid)): Range {
  const low = Math.round(mid * w[0]);
  const p25 = Math.round(mid * w[1]);
  const p75 = Math.round(mid * w[2]);
  const high = Math.round(mid * w[3]);
  const m = roundedMid;
  const q25 = Math.min(p25, m);
  const q75 = Math.max(p75, m);
  return { low: Math.min(low, q25), p25: q25, mid: m, p75: q75, high: Math.max(high, q75) };
}
