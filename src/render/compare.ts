// What-if scenarios in columns, and a career as a table and a chart, for people.
import type { CareerDocument, CareerLine, CareerPoint } from '../documents/compare.js';
import type { CompareDocument, Delta } from '../documents/compare.js';
import { money, moneyK, percent, plural, signedMoney } from '../model/format.js';
import type { Range } from '../model/types.js';
import { lineChart } from './line-chart.js';
import { grid, narrowWidth } from './grid.js';
import { defaultedNote, marked } from './profile.js';
import { chartPaint } from './report.js';
import { renderTakeHomeTable } from './take-home.js';
import { PARTS, capitalised, netContext, netNotes } from './text.js';
import { reportLines } from './text.js';
import { yearsAndLevel, type Look } from './text.js';

/** "+$12,345 (+4.1%)"; "-" for none. */
function deltaText(d: Delta | undefined): string {
  if (!d) return '-';
  const pct = d.percent === null ? '' : ` (${d.percent >= 0 ? '+' : ''}${percent(d.percent)})`;
  return `${signedMoney(d.dollars)}${pct}`;
}

/** After the label of a net that leaves paper equity out. */
const cash = (paper: unknown): string => (paper ? ' (cash only)' : '');
const rangeText = (r: Range): string => `${moneyK(r.low)}-${moneyK(r.high)}`;
const typicalAndRange = (r: Range): string[] => [money(r.mid), rangeText(r)];

export function renderCompareReport(doc: CompareDocument, opts: Look): string {
  const { paint, width } = opts;
  const out = reportLines(paint, width);
  const all = doc.scenarios;
  const [s0, rest] = [all[0]!, all.slice(1)];
  out.bold(`What if: ${plural(rest.length, 'scenario')} against the starting point`);
  const fields = marked(doc.defaulted, s0.profile, s0.labels);
  const who = yearsAndLevel(s0);
  out.plain(`Start: ${who} | ${fields}`, '  ');
  const rows = PARTS.flatMap((p) => [
    [capitalised(p), ...all.map((s) => money(s[p].mid))],
    ['  range', ...all.map((s) => rangeText(s[p]))],
  ]);
  rows.push(['Total vs start', '', ...rest.map((s) => deltaText(s.delta.total))]);
  rows.push(['Base vs start', '', ...rest.map((s) => deltaText(s.delta.base))]);
  rows.push(['Level', ...all.map((s) => s.level)]);
  const taxed = all.some((s) => s.takeHome);
  if (taxed) {
    rows.push(['Net after tax', ...all.map((s) => (s.takeHome ? money(s.takeHome.net) : '-'))]);
    rows.push(['Net vs start', '', ...rest.map((s) => deltaText(s.delta.net))]);
  }
  const heads = all.map((s, i) => (i === 0 ? 'Start' : s.label));
  out.lines.push(grid(['', ...heads], rows, { paint, width, bold: [6], charset: opts.charset }));
  for (const note of doc.notes ?? []) out.dim(note, '  ');
  out.dim(
    'Typical figures, US dollars a year; each column is exactly the single estimate of its profile (ml-salary --json). Ranges: P10 to P90 (calibrated: docs/methodology.md).',
  );
  const defaulted = defaultedNote(doc.defaulted, s0.profile, s0.labels);
  if (defaulted) out.yellow(`* ${defaulted}`, '  ');
  if (taxed) {
    // A paper column's net leaves its stock out, headed as offers side by side are (L14).
    const columns = all.map((s, i) => [`${heads[i]}${cash(s.paper)}`, s.takeHome!] as const);
    out.lines.push('', renderTakeHomeTable(columns, { paint, width, charset: opts.charset }));
  }
  return `${out.lines.join('\n')}\n`;
}

export function renderCareerReport(doc: CareerDocument, opts: Look): string {
  const { paint, width } = opts;
  const out = reportLines(paint, width);
  // The profile at the first point (its years are the axis, not a field of the line).
  const first = { ...doc.profile, years: doc.points[0]?.years ?? 0 };
  const fields = marked(doc.defaulted, first, doc.labels);
  out.bold(`Pay across a career: ${fields}`, '  ');
  const mark = opts.charset === 'ascii' ? '<' : '◀';
  const all = [doc, ...(doc.scenarios ?? [])];
  // With --vs, each scenario's points follow the start's, under a row naming it ("vs city=sf").
  const groups = (
    cells: (pt: CareerPoint, i: number, line: CareerLine) => string[],
    n: number,
    tag = (_: CareerLine) => '',
  ) =>
    all.flatMap((line, l) => [
      ...(l > 0 ? [[`vs ${line.label}${tag(line)}`, ...Array<string>(n - 1).fill('')]] : []),
      ...line.points.map((pt, i) => cells(pt, i, line)),
    ]);
  const rows = groups((pt, i, line) => {
    const changed = i > 0 && line.points[i - 1]!.level !== pt.level;
    const level = `${pt.level}${changed ? ` ${mark}` : ''}`;
    return [String(pt.years), level, ...typicalAndRange(pt.base), ...typicalAndRange(pt.total)];
  }, 6);
  const bold = rows.flatMap((r, i) => (r[1] === '' ? [i] : []));
  const head = ['Years', 'Level', 'Base', 'Base range', 'Total', 'Total range'];
  // Too narrow for the ranges (a 40-column terminal): the typical figures alone, and say so.
  const ranges = width <= 0 || narrowWidth(head, rows) <= width;
  const shown = (cells: readonly string[]) =>
    ranges ? [...cells] : [0, 1, 2, 4].map((c) => cells[c]!);
  out.lines.push(grid(shown(head), rows.map(shown), { ...opts, bold }));
  out.dim(
    ranges
      ? `${mark} a new level. Typical figures, with their P10 to P90.`
      : `${mark} a new level. Typical figures; the ranges need a wider terminal (or --format csv).`,
  );
  for (const note of doc.notes ?? []) out.dim(note);
  const defaulted = defaultedNote(doc.defaulted, first, doc.labels);
  if (defaulted) out.yellow(`* ${defaulted}`, '  ');
  const chartWidth = width > 0 ? width : 80;
  const series = all.map((line, i) => ({
    label: i === 0 ? 'typical total' : line.label,
    points: line.points.map((p) => ({ x: p.years, y: p.total.mid })),
  }));
  out.lines.push(
    '',
    lineChart({
      series,
      band: doc.points.map((p) => ({ x: p.years, low: p.total.low, high: p.total.high })),
      width: chartWidth,
      height: chartWidth >= 80 ? 14 : 10,
      charset: opts.charset,
      xLabel: 'years of experience',
      yLabel: 'Total pay, US$ a year',
      formatX: (x) => String(Math.round(x * 10) / 10),
      formatY: (y) => moneyK(y),
      paint: chartPaint(paint),
    }),
  );
  if (doc.points.some((p) => p.takeHome)) {
    const nets = all.flatMap((l) => l.points.map((p) => [l.label, p.takeHome!] as const));
    out.lines.push('');
    out.bold(`Typical total after tax (${netContext(nets)})`);
    const paper = (line: CareerLine) => cash(line.points.some((p) => p.paper));
    const taxRows = groups(
      ({ years, takeHome: t }) => {
        return [String(years), money(t!.gross), money(t!.net), percent(t!.effectiveRate)];
      },
      4,
      paper,
    );
    const taxHead = ['Years', 'Gross', 'Net', 'Effective rate'];
    out.lines.push(grid(taxHead, taxRows, { ...opts, bold }));
    for (const note of netNotes(nets, true)) out.dim(note, '  ');
  }
  return `${out.lines.join('\n')}\n`;
}
