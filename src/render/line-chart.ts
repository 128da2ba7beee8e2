// A line chart for the terminal: a typical line inside its low-high band, with more series on
// top (compare's and career's charts). Laid out in cells (chart.ts), painted at the very end.
import { cellsOf, checkFinite, checkSize, clamp, extent, paintCells } from './chart.js';
import type { Cell, Charset, Paint } from './chart.js';

/** A seventh series reuses the first glyph. */
const LINE_GLYPHS = {
  unicode: { marks: '●▲■◆▼★', band: '░', axis: '│', tick: '┤', corner: '└', rule: '─', xTick: '┬' },
  ascii: { marks: '*+o#x@', band: ':', axis: '|', tick: '+', corner: '+', rule: '-', xTick: '+' },
};

type Point = { x: number; y: number };
type BandPoint = { x: number; low: number; high: number };

export interface LineChartOptions {
  /** The first series is the main line, drawn inside the band and over the others. */
  series: readonly { label: string; points: readonly Point[] }[];
  /** The low-high band around the first series, shaded. */
  band?: readonly BandPoint[];
  /** Columns: no line is longer. */
  width: number;
  /** Rows of the plot; the chart adds 4 lines (y title, axis, x ticks, x title) and the legend. */
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

/**
 * Ticks at the multiples of the smallest nice step (mantissas × 10^k, at least `raw`) that
 * `enough` accepts or that gives at most one tick.
 */
function niceTicks(
  [lo, hi]: [number, number],
  raw: number,
  mantissas: readonly number[],
  enough: (step: number, ticks: number[]) => boolean,
): number[] {
  let power = 10 ** Math.floor(Math.log10(raw > 0 ? raw : 1));
  if (!(power > 0)) power = Number.MIN_VALUE; // a span so small that 10^k underflows to 0
  for (; ; power *= 10) {
    for (const m of mantissas) {
      if (m * power < raw) continue;
      const ticks = multiplesWithin(lo, hi, m * power);
      if (ticks.length <= 1 || enough(m * power, ticks)) return ticks;
    }
  }
}

/**
 * The multiples of `step` from `lo` to `hi` (a hair of float error tolerated at both ends, and
 * without float noise: 0.30000000000000004 -> 0.3), at most 1000: past 2^53, k++ stops counting.
 */
function multiplesWithin(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  const last = Math.floor(hi / step + 1e-9);
  for (let k = Math.ceil(lo / step - 1e-9); k <= last && out.length < 1000; k++)
    out.push(Number((k * step).toPrecision(12)));
  return out;
}

/** The y of a sorted polyline at x, linearly interpolated; undefined outside it. */
function valueAt<T extends { x: number }>(
  points: readonly T[],
  x: number,
  y: (p: T) => number,
): number | undefined {
  const i = points.findIndex((p) => p.x >= x);
  const [a, b] = [points[i - 1], points[i]];
  if (b === undefined || x < points[0]!.x) return undefined;
  if (b.x === x || a === undefined) return y(b);
  return y(a) + ((y(b) - y(a)) * (x - a.x)) / (b.x - a.x);
}

const byX = <T extends { x: number }>(points: readonly T[]): T[] =>
  [...points].sort((a, b) => a.x - b.x);

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

/** Cuts a line to `width` cells and drops the unpainted spaces at its end. */
function fit(cells: Cell[], width: number): Cell[] {
  const line = cells.slice(0, width);
  while (line.at(-1)?.ch === ' ' && !line.at(-1)!.role) line.pop();
  return line;
}

/** The x and y domains of the data (checked finite), widened where they are a single value. */
function domains(series: Point[][], band: readonly BandPoint[], yFrom: 'zero' | 'data') {
  const xs = [...series.flat(), ...band].map((p) => p.x);
  const ys = [...series.flat().map((p) => p.y), ...band.flatMap((p) => [p.low, p.high])];
  for (const v of [...xs, ...ys]) checkFinite(v, 'a data value');
  let [xMin, xMax] = extent(xs, [0, 1]);
  if (xMax === xMin) [xMin, xMax] = [xMin - 0.5, xMax + 0.5];
  let [yLo, yHi] = extent(ys, [0, 1]);
  if (yFrom === 'zero') yLo = Math.min(0, yLo);
  if (yHi === yLo) yHi = yLo + Math.max(1, Math.abs(yLo) / 10);
  if (!Number.isFinite(yHi - yLo) || !Number.isFinite(xMax - xMin))
    throw new RangeError('chart: the values span more than a number can hold');
  return { xMin, xMax, yLo, yHi };
}

/** Y tick labels by row, at the smallest nice step that puts them at least 3 rows apart. */
function yTickLabels(
  yLo: number,
  yHi: number,
  rows: number,
  rowOf: (y: number) => number,
  formatY: (y: number) => string,
): Map<number, string> {
  const raw = ((yHi - yLo) * 3) / Math.max(1, rows - 1);
  const apart = (step: number) => (step / (yHi - yLo)) * (rows - 1) >= 3;
  let values = niceTicks([yLo, yHi], raw, [1, 2, 2.5, 5], apart);
  if (values.length === 0) values = [yHi];
  const ticks = new Map<number, string>();
  for (const v of values.reverse()) {
    const row = rowOf(v);
    if (!ticks.has(row)) ticks.set(row, formatY(v));
  }
  return ticks;
}

/** Where things go: the rows and columns of values (`xAt` a column's x). */
type Layout = Record<'xMin' | 'xMax' | 'rows' | 'plotWidth', number> &
  Record<'rowOf' | 'colOf' | 'xAt', (value: number) => number>;

/**
 * The plot's cells: the band shaded, then the series, the first on top; `under[i]` collects the
 * series whose marks hide series i's where they meet (`shown[i]`: some of its marks show).
 */
function plot(series: Point[][], band: readonly BandPoint[], g: Glyphs, at: Layout) {
  const grid: Cell[][] = Array.from({ length: at.rows }, () =>
    Array.from({ length: at.plotWidth }, () => ({ ch: ' ' })),
  );
  for (let c = 0; c < at.plotWidth; c++) {
    const low = valueAt(band, at.xAt(c), (p) => p.low);
    const high = valueAt(band, at.xAt(c), (p) => p.high);
    if (low === undefined || high === undefined) continue;
    const [r1, r2] = [at.rowOf(Math.max(low, high)), at.rowOf(Math.min(low, high))];
    for (let r = r1; r <= r2; r++) grid[r]![c] = { ch: g.band, role: 'band' };
  }
  const under = series.map(() => new Set<number>());
  const shown = series.map(() => false);
  series.forEach((points, i) =>
    drawLine(points, at, (r, c) => {
      const owner = /^series(\d+)$/.exec(grid[r]![c]!.role ?? '');
      if (owner && owner[1] !== String(i)) under[i]!.add(Number(owner[1]));
      else [grid[r]![c], shown[i]] = [g.series(i), true];
    }),
  );
  return { grid, under, shown };
}

/** One series, sampled once per column, a climb of several rows joined vertically. */
function drawLine(points: readonly Point[], at: Layout, put: (r: number, c: number) => void) {
  const rowAt: (number | undefined)[] = [];
  for (let c = 0; c < at.plotWidth; c++) {
    const y = valueAt(points, at.xAt(c), (p) => p.y);
    rowAt.push(y === undefined ? undefined : at.rowOf(y));
  }
  // A series too short to span a column sampling point still shows its points.
  for (const p of points) rowAt[at.colOf(p.x)] ??= at.rowOf(p.y);
  for (let c = 0; c < at.plotWidth; c++) {
    const r = rowAt[c];
    if (r === undefined) continue;
    put(r, c);
    const next = rowAt[c + 1];
    if (next === undefined || Math.abs(next - r) < 2) continue;
    // Join a climb of several rows: the first half in this column, the rest in the next.
    const dir = Math.sign(next - r);
    const between = Math.abs(next - r) - 1;
    for (let k = 1; k <= between; k++) put(r + dir * k, k <= Math.ceil(between / 2) ? c : c + 1);
  }
}

/** The x axis with its ticks, the tick labels under it, and the x title. */
function xAxis(opts: LineChartOptions, g: Glyphs, at: Layout, gutter: number): Cell[][] {
  const { width, formatX } = opts;
  // The smallest nice step whose labels stand 10 columns apart (a third of a narrower plot), and
  // never closer than their width.
  const span = at.xMax - at.xMin;
  const ticks = niceTicks([at.xMin, at.xMax], span / at.plotWidth, [1, 2, 5], (step, ticks) => {
    const widest = Math.max(0, ...ticks.map((t) => Array.from(formatX(t)).length));
    const apart = (step / span) * (at.plotWidth - 1);
    return apart >= Math.max(widest + 2, Math.min(10, at.plotWidth / 3));
  });
  const tickCols = new Set(ticks.map(at.colOf));
  const axis: Cell[] = [...cellsOf(' '.repeat(gutter - 1)), ...cellsOf(g.corner, 'axis')];
  for (let c = 0; c < at.plotWidth; c++)
    axis.push({ ch: tickCols.has(c) ? g.xTick : g.rule, role: 'axis' });
  const tickLine: Cell[] = Array.from({ length: width }, () => ({ ch: ' ' }));
  let free = 0; // the first column a label may start at
  for (const t of ticks) {
    const text = Array.from(opts.formatX(t));
    const start = clamp(gutter + at.colOf(t) - Math.floor(text.length / 2), 0, width - text.length);
    if (start < free || text.length > width) continue;
    text.forEach((ch, k) => (tickLine[start + k] = { ch, role: 'label' }));
    free = start + text.length + 1;
  }
  const title = Array.from(opts.xLabel).length;
  const xPad = clamp(gutter + Math.floor((at.plotWidth - title) / 2), 0, width);
  return [axis, tickLine, [...cellsOf(' '.repeat(xPad)), ...cellsOf(opts.xLabel, 'label')]];
}

type Glyphs = (typeof LINE_GLYPHS)[Charset] & { series: (i: number) => Cell; ellipsis: string };

function glyphs(charset: Charset): Glyphs {
  const g = LINE_GLYPHS[charset];
  const marks = Array.from(g.marks);
  return {
    ...g,
    series: (i) => ({ ch: marks[i % marks.length]!, role: `series${i}` }),
    ellipsis: charset === 'unicode' ? '…' : '...',
  };
}

/**
 * A line chart of at most `width` columns: the first series inside the shaded band, the others
 * over it (LINE_GLYPHS), nice round y ticks, x ticks 10 columns apart or more, axis titles and a
 * legend. The y labels go when they would leave the plot fewer than 12 columns. A RangeError for
 * non-finite data or a width or height below 1.
 */
export function lineChart(opts: LineChartOptions): string {
  const { width, height: rows } = opts;
  checkSize(width, 'the chart width');
  checkSize(rows, 'the chart height');
  const g = glyphs(opts.charset);
  const series = opts.series.map((s) => byX(s.points));
  const band = byX(opts.band ?? []);
  const { xMin, xMax, yLo, yHi } = domains(series, band, opts.yFrom ?? 'zero');

  // Rows: the top row is the highest value, the bottom row the lowest (or 0).
  const rowOf = (y: number): number =>
    clamp(Math.round(((yHi - y) / (yHi - yLo)) * (rows - 1)), 0, rows - 1);
  const yTicks = yTickLabels(yLo, yHi, rows, rowOf, opts.formatY);
  let labelWidth = Math.max(...[...yTicks.values()].map((t) => Array.from(t).length));
  if (width - (labelWidth + 2) < 12) labelWidth = 0; // too narrow for labels: keep the plot
  const gutter = labelWidth === 0 ? 1 : labelWidth + 2;
  const plotWidth = Math.max(1, width - gutter);
  const at: Layout = {
    xMin,
    xMax,
    rows,
    plotWidth,
    rowOf,
    xAt: (c) => (plotWidth === 1 ? xMin : xMin + (c * (xMax - xMin)) / (plotWidth - 1)),
    colOf: (x) =>
      clamp(Math.round(((x - xMin) / (xMax - xMin)) * (plotWidth - 1)), 0, plotWidth - 1),
  };
  const { grid, under, shown } = plot(series, band, g, at);

  const lines: Cell[][] = [cellsOf(opts.yLabel, 'label')];
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
  lines.push(...xAxis(opts, g, at, gutter));
  // The legend: each series by its glyph (and the marks that hide it where lines meet), then
  // the band, wrapped to the width.
  const legend = opts.series.map((s, i) => {
    const hidden = [...under[i]!].sort((a, b) => a - b).map((j) => g.series(j));
    const note = !hidden.length
      ? []
      : [
          ...cellsOf(shown[i] ? ' (under ' : ' (all under ', 'label'),
          ...hidden,
          ...cellsOf(shown[i] ? ' in places)' : ')', 'label'),
        ];
    return [g.series(i), ...cellsOf(` ${s.label}`, 'label'), ...note];
  });
  if (band.length > 0)
    legend.push([...cellsOf(g.band, 'band'), ...cellsOf(' P10 to P90', 'label')]);
  lines.push(...wrapEntries(legend, width, g.ellipsis));
  return lines.map((line) => paintCells(fit(line, width), opts.paint)).join('\n');
}
