/**
 * Small terminal charts: a one-line range bar, and the cells both it and the line chart
 * (line-chart.ts) are laid out in. Pure string functions; colour comes only through the optional
 * `paint` callback, applied after layout, so it never counts towards a width.
 *
 * Widths are counted in code points, one cell each. Where East Asian Ambiguous characters are
 * drawn wide (CJK locales, xterm's `cjkWidth`, ...), most Unicode glyphs here (█ ▌ ─ │ ┃ ● ◆ …)
 * take two cells and the chart misaligns; no terminal tells us, so the ASCII charset is the answer.
 */
import type { Range } from '../model/types.js';

/** Which glyphs charts draw with (cli/color.ts charsetFor chooses). */
export type Charset = 'unicode' | 'ascii';

/** What a piece of a chart is, for colouring it. */
export type PaintRole = 'band' | 'typical' | 'marker' | 'axis' | 'label' | `series${number}`;

/** Colours one run of text by its role; the identity when colour is off. */
export type Paint = (role: PaintRole, text: string) => string;

export type Cell = { ch: string; role?: PaintRole };

export function cellsOf(text: string, role?: PaintRole): Cell[] {
  return Array.from(text, (ch) => (role === undefined ? { ch } : { ch, role }));
}

/** Joins cells into a string, painting each run of one role once. */
export function paintCells(cells: readonly Cell[], paint: Paint | undefined): string {
  let out = '';
  let i = 0;
  while (i < cells.length) {
    const role = cells[i]!.role;
    let text = '';
    while (i < cells.length && cells[i]!.role === role) text += cells[i++]!.ch;
    out += role === undefined || paint === undefined ? text : paint(role, text);
  }
  return out;
}

export function checkFinite(value: number, what: string): void {
  if (!Number.isFinite(value))
    throw new RangeError(`chart: ${what} is ${value}, not a finite number`);
}

export function checkSize(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`chart: ${what} must be a whole number of at least 1, got ${value}`);
}

export function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** The lowest and highest of `values` (a loop: spreading a long list into Math.min overflows). */
export function extent(values: readonly number[], empty: [number, number]): [number, number] {
  if (values.length === 0) return empty;
  let [lo, hi] = [Infinity, -Infinity];
  for (const v of values) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  return [lo, hi];
}

/** Range bar glyphs: track, full, left half, right half, typical, marker, before, after. */
const BAR_GLYPHS = { unicode: '─█▌▐┃◆◀▶', ascii: '-===|o<>' };

/** What a range bar draws of a range: its P10 (low), typical (mid) and P90 (high). */
export type Band = Pick<Range, 'low' | 'mid' | 'high'>;

/** The value range a set of bars is drawn against. */
export type Scale = { min: number; max: number };

/**
 * One scale for bars drawn one above another (base, bonus, equity, total), from 0 (or a negative
 * lowest value) to the highest high or `extra` value (an offer), 0 to 1 if all are zero. Not from
 * the smallest low: a bar's length then stands for an amount, so a bonus reads as the small part
 * of the total that it is, not as a zoomed-in sliver as long as the base.
 */
export function commonScale(ranges: readonly Band[], extra: readonly number[] = []): Scale {
  const values = [...ranges.flatMap((r) => [r.low, r.mid, r.high]), ...extra];
  values.forEach((v) => checkFinite(v, 'a scale value'));
  const [lo, hi] = extent(values, [0, 0]);
  const min = Math.min(0, lo);
  return { min, max: hi > min ? hi : min + 1 };
}

/** Where `value` falls on a scale, as a fraction: 0 at min, 1 at max (outside: below 0, above 1). */
function fraction(value: number, scale: Scale): number {
  const span = scale.max - scale.min;
  if (span > 0) return (value - scale.min) / span;
  return value < scale.min ? -1 : value > scale.max ? 2 : 0;
}

/**
 * A range bar of exactly `width` cells: over a faint track for [scale.min, scale.max], the span
 * low-high (Unicode: to the half cell, rounded outward, at least one), the typical value ┃ (`|`)
 * and the optional `marker` (an offer) ◆ (`o`) over it, at an edge as ◀ or ▶ (`<`, `>`) beyond the
 * scale. A value v falls in cell floor((v - min) / (max - min) * width), the last cell holding
 * max. A RangeError for what only a caller's bug gives (non-finite, out of order, width < 1).
 */
export function rangeBar(
  range: Band,
  scale: Scale,
  width: number,
  opts: { charset: Charset; marker?: number; paint?: Paint },
): string {
  checkSize(width, 'a bar width');
  const { low, mid, high } = range;
  const values = { low, typical: mid, high, 'scale min': scale.min, 'scale max': scale.max };
  for (const [what, v] of Object.entries(values)) checkFinite(v, what);
  if (opts.marker !== undefined) checkFinite(opts.marker, 'the marker');
  if (!(low <= mid && mid <= high))
    throw new RangeError(`chart: range out of order: low ${low}, typical ${mid}, high ${high}`);
  if (scale.min > scale.max)
    throw new RangeError(`chart: scale min ${scale.min} is above its max ${scale.max}`);
  if (!Number.isFinite(scale.max - scale.min))
    throw new RangeError('chart: the scale spans more than a number can hold');

  const [track, full, leftHalf, rightHalf, typical, marker, before, after] = Array.from(
    BAR_GLYPHS[opts.charset],
  );
  const perCell = opts.charset === 'unicode' ? 2 : 1; // half cells in Unicode, whole ones in ASCII
  const units = width * perCell;
  const start = clamp(Math.floor(fraction(low, scale) * units), 0, units - 1);
  const end = Math.max(start + 1, clamp(Math.ceil(fraction(high, scale) * units), 0, units));
  const covered = (unit: number): boolean => unit >= start && unit < end;

  const cells = Array.from({ length: width }, (_, i): Cell => {
    const [left, right] = [covered(i * perCell), covered(i * perCell + perCell - 1)];
    const ch = left && right ? full : left ? leftHalf : right ? rightHalf : undefined;
    return ch ? { ch, role: 'band' } : { ch: track!, role: 'axis' };
  });
  const cellOf = (f: number): number => clamp(Math.floor(f * width), 0, width - 1);
  cells[cellOf(fraction(mid, scale))] = { ch: typical!, role: 'typical' };
  if (opts.marker !== undefined) {
    const f = fraction(opts.marker, scale);
    const [at, ch] = f < 0 ? [0, before] : f > 1 ? [width - 1, after] : [cellOf(f), marker];
    cells[at] = { ch: ch!, role: 'marker' };
  }
  return paintCells(cells, opts.paint);
}

/**
 * One line explaining a range bar's glyphs. Name the marker (`marker: 'your offer'`) when the
 * bars carry one; the legend then explains the edge arrows too.
 */
export function rangeLegend(
  charset: Charset,
  opts: { marker?: string; paint?: Paint } = {},
): string {
  const [, full, , , typical, marker, before, after] = Array.from(BAR_GLYPHS[charset]);
  const p = (role: PaintRole, text: string) => (opts.paint ? opts.paint(role, text) : text);
  const legend = `${p('band', full!)}${p('label', ' P10 to P90  ')}${p('typical', typical!)}`;
  if (opts.marker === undefined) return legend + p('label', ' typical');
  const arrows = p('marker', `${before} ${after}`);
  return `${legend}${p('label', ' typical  ')}${p('marker', marker!)}${p('label', ` ${opts.marker} (`)}${arrows}${p('label', ' off the scale)')}`;
}
