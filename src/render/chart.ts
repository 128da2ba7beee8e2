/**
 * Small terminal charts: a one-line range bar (low to high, typical marked, an optional marker
 * such as the user's offer) and a line chart (a typical line inside its low-high band, with more
 * series on top). Pure string functions: no I/O, no environment (color.ts charsetFor picks the
 * charset), no
 * colour library. Colour comes only through the optional `paint` callback, applied after layout,
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

import type { Charset } from '../cli/color.js';

export type { Charset };

/** What a piece of a chart is, for colouring it. */
export type PaintRole = 'band' | 'typical' | 'marker' | 'axis' | 'label' | `series${number}`;

/** Colours one run of text by its role; the identity when colour is off. */
export type Paint = (role: PaintRole, text: string) => string;

// ---------------------------------------------------------------------------------------------
// Cells: layout works on plain cells; paint is applied to runs of one role at the very end.

interface Cell {
  ch: string;
  role?: PaintRole;
}

function cellsOf(text: string, role?: PaintRole): Cell[] {
  return Array.from(text, (ch) => (role === undefined ? { ch } : { ch, role }));
}

/** Joins cells into a string, painting each run of one role once. */
function paintCells(cells: readonly Cell[], paint: Paint | undefined): string {
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
function fit(cells: Cell[], width: number): Cell[] {
  const line = cells.slice(0, width);
  while (line.length > 0 && line[line.length - 1]!.ch === ' ' && !line[line.length - 1]!.role) {
    line.pop();
  }
  return line;
}

function checkFinite(value: number, what: string): void {
  if (!Number.isFinite(value))
    throw new RangeError(`chart: ${what} is ${value}, not a finite number`);
}

function checkSize(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`chart: ${what} must be a whole number of at least 1, got ${value}`);
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
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
export function commonScale(ranges: readonly Range[], extra: readonly number[] = []): Scale {
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
  range: Range,
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
    ...cellsOf(' low to high  ', 'label'),
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

// ---------------------------------------------------------------------------------------------
// Line chart

const LINE_GLYPHS = {
  unicode: {
    series: ['●', '▲', '■', '◆', '▼', '★'],
    band: '░',
    axis: '│',
    tick: '┤',
    corner: '└',
    rule: '─',
    xTick: '┬',
    ellipsis: '…',
  },
  ascii: {
    series: ['*', '+', 'o', '#', 'x', '@'],
    band: ':',
    axis: '|',
    tick: '+',
    corner: '+',
    rule: '-',
    xTick: '+',
    ellipsis: '...',
  },
} as const;

export interface Point {
  x: number;
  y: number;
}

export interface LineSeries {
  label: string;
  points: readonly Point[];
}

export interface BandPoint {
  x: number;
  low: number;
  high: number;
}

export interface LineChartOptions {
  /** The first series is the main line, drawn inside the band and over the others. */
  series: readonly LineSeries[];
  /** The low-high band around the first series, shaded. */
  band?: readonly BandPoint[];
  /** The band's name in the legend (default "low to high"). */
  bandLabel?: string;
  /** Columns: no line is longer. */
  width: number;
  /** Rows of the plot itself; the chart adds 4 lines (y title, axis, x ticks, x title) and the legend. */
  height: number;
  charset: Charset;
  xLabel: string;
  yLabel: string;
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  /** Where the y axis starts: at 0 (default; amounts read as amounts) or at the lowest value. */
  yFrom?: 'zero' | 'data';
  paint?: Paint;
}

/** Nice steps: mantissas × powers of ten, from the first at least `raw`. */
function* niceSteps(raw: number, mantissas: readonly number[]): Generator<number> {
  let power = 10 ** Math.floor(Math.log10(raw > 0 ? raw : 1));
  if (!(power > 0)) power = Number.MIN_VALUE; // a span so small that 10^k underflows to 0
  for (;;) {
    for (const m of mantissas) if (m * power >= raw) yield m * power;
    power *= 10;
  }
}

/** k × step without the float noise (0.30000000000000004 -> 0.3). */
function multiple(k: number, step: number): number {
  return Number((k * step).toPrecision(12));
}

/** The y of a sorted polyline at x, linearly interpolated; undefined outside it. */
/**
 * The multiples of `step` from `lo` to `hi` (a hair of float error tolerated at both ends), at
 * most 1000: past 2^53, k++ would stop counting.
 */
function multiplesWithin(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  const last = Math.floor(hi / step + 1e-9);
  for (let k = Math.ceil(lo / step - 1e-9); k <= last && out.length < 1000; k++) {
    out.push(multiple(k, step));
  }
  return out;
}

function valueAt<T extends { x: number }>(
  points: readonly T[],
  x: number,
  y: (p: T) => number,
): number | undefined {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined || x < first.x || x > last.x) return undefined;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.x < x) lo = mid + 1;
    else hi = mid;
  }
  const b = points[lo]!;
  if (b.x === x || lo === 0) return y(b);
  const a = points[lo - 1]!;
  return y(a) + ((y(b) - y(a)) * (x - a.x)) / (b.x - a.x);
}

/** The lowest and highest of `values` (a loop: spreading a long list into Math.min overflows). */
function extent(values: readonly number[], emptyMin: number, emptyMax: number): [number, number] {
  if (values.length === 0) return [emptyMin, emptyMax];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

function byX<T extends { x: number }>(points: readonly T[]): T[] {
  return [...points].sort((a, b) => a.x - b.x);
}

/** Greedy wrap of legend entries (each a run of cells) into lines of at most `width`. */
function wrapEntries(entries: Cell[][], width: number, ellipsis: string): Cell[][] {
  const lines: Cell[][] = [];
  let line: Cell[] = [];
  for (let entry of entries) {
    if (entry.length > width) {
      const cut = Math.max(0, width - ellipsis.length);
      entry = [...entry.slice(0, cut), ...cellsOf(ellipsis.slice(0, width - cut), 'label')];
    }
    if (line.length > 0 && line.length + 2 + entry.length > width) {
      lines.push(line);
      line = [];
    }
    line = line.length === 0 ? entry : [...line, ...cellsOf('  '), ...entry];
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/**
 * A line chart of at most `width` columns: the first series as a line of ● (ASCII `*`) inside
 * the shaded low-high band ░ (`:`), further series as lines of ▲ ■ ◆ ▼ ★ (`+ o # x @`; a
 * seventh reuses the first glyph), y tick labels from `formatY` on the left at nice round values,
 * x ticks from `formatX` underneath at nice steps (1, 2, 5 × 10^k) 10 columns apart or more, the
 * axis titles, and a legend naming each series by its glyph (wrapped onto more lines when narrow).
 * Lines are sampled once per column and joined vertically where they climb more than a row.
 * Output lines: 1 (y title) + `height` + 3 (axis, x ticks, x title) + the legend's.
 * Narrow widths keep every part and shrink the plot; when the y labels would leave the plot fewer
 * than 12 columns, they go (at about 20 columns for "$1,000K").
 * Throws a RangeError for non-finite data or a width or height below 1.
 */
export function lineChart(opts: LineChartOptions): string {
  const { width, height: rows, charset, paint } = opts;
  checkSize(width, 'the chart width');
  checkSize(rows, 'the chart height');
  const g = LINE_GLYPHS[charset];
  const series = opts.series.map((s) => ({ label: s.label, points: byX(s.points) }));
  const band = byX(opts.band ?? []);
  for (const p of series.flatMap((s) => s.points)) {
    checkFinite(p.x, 'x');
    checkFinite(p.y, 'y');
  }
  for (const p of band) {
    checkFinite(p.x, 'band x');
    checkFinite(p.low, 'band low');
    checkFinite(p.high, 'band high');
  }

  // Domains.
  const xs = [...series.flatMap((s) => s.points.map((p) => p.x)), ...band.map((p) => p.x)];
  const ys = [
    ...series.flatMap((s) => s.points.map((p) => p.y)),
    ...band.flatMap((p) => [p.low, p.high]),
  ];
  let [xMin, xMax] = extent(xs, 0, 1);
  if (xMax === xMin) [xMin, xMax] = [xMin - 0.5, xMax + 0.5];
  let [yLo, yHi] = extent(ys, 0, 1);
  if ((opts.yFrom ?? 'zero') === 'zero') yLo = Math.min(0, yLo);
  if (yHi === yLo) yHi = yLo + Math.max(1, Math.abs(yLo) / 10);

  if (!Number.isFinite(yHi - yLo) || !Number.isFinite(xMax - xMin)) {
    throw new RangeError('chart: the values span more than a number can hold');
  }

  // Rows: the top row is the highest value, the bottom row the lowest (or 0). Y ticks at the
  // smallest nice step that puts them at least 3 rows apart.
  const rowOf = (y: number): number =>
    clamp(Math.round(((yHi - y) / (yHi - yLo)) * (rows - 1)), 0, rows - 1);
  let yTickValues: number[] = [];
  for (const step of niceSteps(((yHi - yLo) * 3) / Math.max(1, rows - 1), [1, 2, 2.5, 5])) {
    yTickValues = multiplesWithin(yLo, yHi, step);
    if (yTickValues.length <= 1 || (step / (yHi - yLo)) * (rows - 1) >= 3) break;
  }
  if (yTickValues.length === 0) yTickValues = [yHi];
  const yTicks = new Map<number, string>();
  for (const v of yTickValues.reverse()) {
    const row = rowOf(v);
    if (!yTicks.has(row)) yTicks.set(row, opts.formatY(v));
  }
  let labelWidth = Math.max(...[...yTicks.values()].map((t) => Array.from(t).length));
  if (width - (labelWidth + 2) < 12) labelWidth = 0; // too narrow for labels: keep the plot
  const gutter = labelWidth === 0 ? 1 : labelWidth + 2;
  const plotWidth = Math.max(1, width - gutter);

  // Columns.
  const xAt = (c: number): number =>
    plotWidth === 1 ? xMin : xMin + (c * (xMax - xMin)) / (plotWidth - 1);
  const colOf = (x: number): number =>
    clamp(Math.round(((x - xMin) / (xMax - xMin)) * (plotWidth - 1)), 0, plotWidth - 1);

  const grid: Cell[][] = Array.from({ length: rows }, () =>
    Array.from({ length: plotWidth }, () => ({ ch: ' ' })),
  );

  for (let c = 0; c < plotWidth; c++) {
    const low = valueAt(band, xAt(c), (p) => p.low);
    const high = valueAt(band, xAt(c), (p) => p.high);
    if (low === undefined || high === undefined) continue;
    const [r1, r2] = [rowOf(Math.max(low, high)), rowOf(Math.min(low, high))];
    for (let r = r1; r <= r2; r++) grid[r]![c] = { ch: g.band, role: 'band' };
  }

  // Later series first, so the first (the main line) is drawn on top.
  for (let i = series.length - 1; i >= 0; i--) {
    const { points } = series[i]!;
    const cell: Cell = { ch: g.series[i % g.series.length]!, role: `series${i}` };
    const at: (number | undefined)[] = [];
    for (let c = 0; c < plotWidth; c++) {
      const y = valueAt(points, xAt(c), (p) => p.y);
      at.push(y === undefined ? undefined : rowOf(y));
    }
    // A series too short to span a column sampling point still shows its points.
    for (const p of points) at[colOf(p.x)] ??= rowOf(p.y);
    for (let c = 0; c < plotWidth; c++) {
      const r = at[c];
      if (r === undefined) continue;
      grid[r]![c] = cell;
      const next = at[c + 1];
      if (next === undefined || Math.abs(next - r) < 2) continue;
      // Join a climb of several rows: the first half in this column, the rest in the next.
      const dir = Math.sign(next - r);
      const between = Math.abs(next - r) - 1;
      for (let k = 1; k <= between; k++) {
        grid[r + dir * k]![k <= Math.ceil(between / 2) ? c : c + 1] = cell;
      }
    }
  }

  const lines: Cell[][] = [];
  lines.push(cellsOf(opts.yLabel, 'label'));
  for (let r = 0; r < rows; r++) {
    const tick = yTicks.get(r);
    const left =
      labelWidth === 0
        ? []
        : [
            ...cellsOf(' '.repeat(labelWidth - Array.from(tick ?? '').length)),
            ...cellsOf(tick ?? '', 'label'),
            ...cellsOf(' '),
          ];
    lines.push([...left, ...cellsOf(tick === undefined ? g.axis : g.tick, 'axis'), ...grid[r]!]);
  }

  // X ticks: the smallest nice step whose labels stand 10 columns apart (a third of a narrower
  // plot), and never closer than their width.
  const span = xMax - xMin;
  let xTicks: number[] = [];
  for (const step of niceSteps(span / plotWidth, [1, 2, 5])) {
    const ticks = multiplesWithin(xMin, xMax, step);
    const widest = Math.max(0, ...ticks.map((t) => Array.from(opts.formatX(t)).length));
    xTicks = ticks;
    if (
      ticks.length <= 1 ||
      (step / span) * (plotWidth - 1) >= Math.max(widest + 2, Math.min(10, plotWidth / 3))
    )
      break;
  }
  const tickCols = new Set(xTicks.map(colOf));
  const axis: Cell[] = [...cellsOf(' '.repeat(gutter - 1)), ...cellsOf(g.corner, 'axis')];
  for (let c = 0; c < plotWidth; c++) {
    axis.push({ ch: tickCols.has(c) ? g.xTick : g.rule, role: 'axis' });
  }
  lines.push(axis);

  const tickLine: Cell[] = Array.from({ length: width }, () => ({ ch: ' ' }));
  let free = 0; // the first column a label may start at
  for (const t of xTicks) {
    const text = Array.from(opts.formatX(t));
    const start = clamp(gutter + colOf(t) - Math.floor(text.length / 2), 0, width - text.length);
    if (start < free || text.length > width) continue;
    text.forEach((ch, k) => (tickLine[start + k] = { ch, role: 'label' }));
    free = start + text.length + 1;
  }
  lines.push(tickLine);

  const xTitle = Array.from(opts.xLabel);
  const xPad = clamp(gutter + Math.floor((plotWidth - xTitle.length) / 2), 0, width);
  lines.push([...cellsOf(' '.repeat(xPad)), ...cellsOf(opts.xLabel, 'label')]);

  const entries = series.map((s, i) => [
    { ch: g.series[i % g.series.length]!, role: `series${i}` as const },
    ...cellsOf(` ${s.label}`, 'label'),
  ]);
  if (band.length > 0) {
    entries.push([
      ...cellsOf(g.band, 'band'),
      ...cellsOf(` ${opts.bandLabel ?? 'low to high'}`, 'label'),
    ]);
  }
  lines.push(...wrapEntries(entries, width, g.ellipsis));

  return lines.map((line) => paintCells(fit(line, width), paint)).join('\n');
}
