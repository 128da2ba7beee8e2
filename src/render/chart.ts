/**
 * Small terminal charts: a one-line range bar (low to high, typical marked, an optional marker
 * such as the user's offer), and the cells both it and the line chart (line-chart.ts) are laid
 * out in. Pure string functions: no I/O, no environment (color.ts charsetFor picks the charset),
 * no colour library. Colour comes only through the optional `paint` callback, applied after layout,
 * so it never counts towards a width and the chart reads the same without it.
 *
 * Widths are counted in code points: every glyph drawn here is one code point meant to take one
 * cell. That holds on every terminal that draws East Asian Ambiguous characters narrow, the
 * default outside CJK locales. It does not hold where they are drawn wide (a CJK locale, or
 * settings such as xterm's `cjkWidth`, VTE's "ambiguous-width: wide", iTerm2's "ambiguous
 * characters are double-width"): in Unicode's EastAsianWidth data (UAX #11) the full and left-half
 * blocks █ ▌, the box-drawing lines ─ │ ┃ ┤ └ ┬, the markers ● ▲ ■ ◆ ◀ ▶ and the ellipsis … are
 * Ambiguous (only ▐ and ░ are Neutral), so there a Unicode chart comes out too wide and misaligned.
 * A terminal's setting cannot be detected portably (string-width counts ambiguous characters as
 * narrow too; Sentry's CLI documents the same limit, getsentry/cli#1177), so this is documented
 * rather than detected: on such a terminal, use the ASCII charset, whose glyphs are all narrow.
 */
import type { Range } from '../model/types.js';

/** Which glyphs charts draw with (cli/color.ts charsetFor chooses). */
export type Charset = 'unicode' | 'ascii';

/** What a piece of a chart is, for colouring it. */
export type PaintRole = 'band' | 'typical' | 'marker' | 'axis' | 'label' | `series${number}`;

/** Colours one run of text by its role; the identity when colour is off. */
export type Paint = (role: PaintRole, text: string) => string;

// ---------------------------------------------------------------------------------------------
// Cells: layout works on plain cells; paint is applied to runs of one role at the very end.

export interface Cell {
  ch: string;
  role?: PaintRole;
}

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

/** Cuts a line to `width` cells and drops the unpainted spaces at its end. */
export function fit(cells: Cell[], width: number): Cell[] {
  const line = cells.slice(0, width);
  while (line.length > 0 && line[line.length - 1]!.ch === ' ' && !line[line.length - 1]!.role) {
    line.pop();
  }
  return line;
}

export function checkFinite(value: number, what: string): void {
  if (!Number.isFinite(value))
    throw new RangeError(`chart: ${what} is ${value}, not a finite number`);
}

export function checkSize(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`chart: ${what} must be a whole number of at least 1, got ${value}`);
  }
}

export function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** The lowest and highest of `values` (a loop: spreading a long list into Math.min overflows). */
export function extent(
  values: readonly number[],
  emptyMin: number,
  emptyMax: number,
): [number, number] {
  if (values.length === 0) return [emptyMin, emptyMax];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

// ---------------------------------------------------------------------------------------------
// Range bars

const BAR_GLYPHS = {
  unicode: {
    track: '─',
    full: '█',
    leftHalf: '▌',
    rightHalf: '▐',
    typical: '┃',
    marker: '◆',
    before: '◀',
    after: '▶',
  },
  ascii: {
    track: '-',
    full: '=',
    leftHalf: '=',
    rightHalf: '=',
    typical: '|',
    marker: '*',
    before: '<',
    after: '>',
  },
} as const;

/** What a range bar draws of a range: its P10 (low), typical (mid) and P90 (high). */
export type Band = Pick<Range, 'low' | 'mid' | 'high'>;

/** The value range a set of bars is drawn against. */
export interface Scale {
  min: number;
  max: number;
}

/**
 * One scale for bars drawn one above another (base, bonus, equity, total), so their lengths can
 * be compared. It starts at 0 (or at the lowest value, if one is negative) rather than at the
 * smallest low: a bar's length then stands for an amount, so a bonus reads as the small part of
 * the total that it is, instead of a zoomed-in sliver that looks as large as the base. It ends at
 * the highest high or `extra` value (an offer, say); an all-zero set gets the scale 0 to 1.
 */
export function commonScale(ranges: readonly Band[], extra: readonly number[] = []): Scale {
  const values = [...ranges.flatMap((r) => [r.low, r.mid, r.high]), ...extra];
  values.forEach((v) => checkFinite(v, 'a scale value'));
  const [lo, hi] = extent(values, 0, 0);
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
 * A range bar of exactly `width` cells: over a faint track standing for [scale.min, scale.max],
 * the span from `range.low` to `range.high` (in Unicode to the half cell, with ▌ ▐ ends), the
 * typical value (`range.mid`) as ┃ (ASCII `|`) and, when given, `marker` (the user's offer) as
 * ◆ (`*`), drawn even outside the span; beyond the scale it sits at that edge as ◀ or ▶ (`<`,
 * `>`). A value v falls in cell floor((v - min) / (max - min) * width), the last cell holding
 * max. The span covers every half cell (ASCII: cell) that [low, high] overlaps, rounded outward
 * and at least one, so the typical mark sits on it or right at its end. The marker is drawn over
 * the typical mark when they share a cell. Throws a RangeError for a non-finite value, a width
 * below 1, a range not in the order low <= typical <= high, or min > max: a caller's bug, not a
 * user's input.
 */
export function rangeBar(
  range: Band,
  scale: Scale,
  width: number,
  opts: { charset: Charset; marker?: number; paint?: Paint },
): string {
  checkSize(width, 'a bar width');
  for (const [what, v] of [
    ['low', range.low],
    ['typical', range.mid],
    ['high', range.high],
    ['scale min', scale.min],
    ['scale max', scale.max],
  ] as const) {
    checkFinite(v, what);
  }
  if (opts.marker !== undefined) checkFinite(opts.marker, 'the marker');
  if (!(range.low <= range.mid && range.mid <= range.high)) {
    throw new RangeError(
      `chart: range out of order: low ${range.low}, typical ${range.mid}, high ${range.high}`,
    );
  }
  if (scale.min > scale.max) {
    throw new RangeError(`chart: scale min ${scale.min} is above its max ${scale.max}`);
  }
  if (!Number.isFinite(scale.max - scale.min)) {
    throw new RangeError('chart: the scale spans more than a number can hold');
  }

  const g = BAR_GLYPHS[opts.charset];
  const perCell = opts.charset === 'unicode' ? 2 : 1; // half cells in Unicode, whole ones in ASCII
  const units = width * perCell;
  const start = clamp(Math.floor(fraction(range.low, scale) * units), 0, units - 1);
  let end = clamp(Math.ceil(fraction(range.high, scale) * units), 0, units);
  if (end <= start) end = start + 1;
  const covered = (unit: number): boolean => unit >= start && unit < end;

  const cells: Cell[] = [];
  for (let i = 0; i < width; i++) {
    const left = covered(i * perCell);
    const right = covered(i * perCell + perCell - 1);
    if (left && right) cells.push({ ch: g.full, role: 'band' });
    else if (left) cells.push({ ch: g.leftHalf, role: 'band' });
    else if (right) cells.push({ ch: g.rightHalf, role: 'band' });
    else cells.push({ ch: g.track, role: 'axis' });
  }
  const cellOf = (f: number): number => clamp(Math.floor(f * width), 0, width - 1);
  cells[cellOf(fraction(range.mid, scale))] = { ch: g.typical, role: 'typical' };
  if (opts.marker !== undefined) {
    const f = fraction(opts.marker, scale);
    if (f < 0) cells[0] = { ch: g.before, role: 'marker' };
    else if (f > 1) cells[width - 1] = { ch: g.after, role: 'marker' };
    else cells[cellOf(f)] = { ch: g.marker, role: 'marker' };
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
  const g = BAR_GLYPHS[charset];
  const cells: Cell[] = [
    ...cellsOf(g.full, 'band'),
    ...cellsOf(' P10 to P90  ', 'label'),
    ...cellsOf(g.typical, 'typical'),
    ...cellsOf(' typical', 'label'),
  ];
  if (opts.marker !== undefined) {
    cells.push(
      ...cellsOf('  ', 'label'),
      ...cellsOf(g.marker, 'marker'),
      ...cellsOf(` ${opts.marker} (`, 'label'),
      ...cellsOf(`${g.before} ${g.after}`, 'marker'),
      ...cellsOf(' off the scale)', 'label'),
    );
  }
  return paintCells(cells, opts.paint);
}
