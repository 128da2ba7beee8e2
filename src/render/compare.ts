// What-if scenarios in columns, and a career as a table and a chart, for people.
import type { ChalkInstance } from 'chalk';
import type { Charset } from './chart.js';
import type { CareerDocument, CompareDocument, Delta } from '../documents/compare.js';
import { money, moneyK, signedMoney } from '../model/format.js';
import type { Range } from '../model/types.js';
import { lineChart } from './line-chart.js';
import { grid, narrowWidth } from './grid.js';
import { defaultedNote, marked } from './profile.js';
import { chartPaint } from './report.js';
import { renderTakeHomeTable } from './take-home.js';
import { wrap, yearsAndLevel } from './text.js';

const PARTS = [
  ['Base', 'base'],
  ['Bonus', 'bonus'],
  ['Equity', 'equity'],
  ['Total', 'total'],
] as const;

/** "+$12,345 (+4.1%)". */
function deltaText(d: Delta): string {
  const pct =
    d.percent === null
      ? ''
      : ` (${d.percent >= 0 ? '+' : ''}${Math.round(d.percent * 1000) / 10}%)`;
  return `${signedMoney(d.dollars)}${pct}`;
}

const rangeText = (r: Range): string => `${moneyK(r.low)}-${moneyK(r.high)}`;

export function renderCompareReport(
  doc: CompareDocument,
  opts: { paint: ChalkInstance; width: number; charset: Charset },
): string {
  const { paint, width } = opts;
  const out: string[] = [];
  const [start, ...rest] = doc.scenarios;
  const s0 = start!;
  out.push(
    paint.bold(
      wrap(
        `What if: ${rest.length} scenario${rest.length === 1 ? '' : 's'} against the starting point`,
        width,
        '',
      ),
    ),
  );
  const fields = marked(
    ['city', 'industry', 'skills', 'degree'],
    doc.defaulted,
    s0.profile,
    s0.labels,
  );
  const who = yearsAndLevel(s0.profile.years, s0.level, s0.profile.level !== undefined);
  out.push(wrap(`Start: ${who} | ${fields}`, width, '  '));
  const heads = doc.scenarios.map((s, i) => (i === 0 ? 'Start' : s.label));
  const rows: string[][] = [];
  for (const [label, key] of PARTS) {
    rows.push([label, ...doc.scenarios.map((s) => money(s[key].mid))]);
    rows.push(['  range', ...doc.scenarios.map((s) => rangeText(s[key]))]);
  }
  rows.push(['Total vs start', '', ...rest.map((s) => deltaText(s.delta.total))]);
  rows.push(['Base vs start', '', ...rest.map((s) => deltaText(s.delta.base))]);
  rows.push(['Level', ...doc.scenarios.map((s) => s.level)]);
  if (doc.scenarios.some((s) => s.takeHome)) {
    rows.push([
      'Net after tax',
      ...doc.scenarios.map((s) => (s.takeHome ? money(s.takeHome.net) : '-')),
    ]);
    rows.push([
      'Net vs start',
      '',
      ...rest.map((s) => (s.delta.net ? deltaText(s.delta.net) : '-')),
    ]);
  }
  out.push(grid(['', ...heads], rows, { paint, width, bold: [6], charset: opts.charset }));
  for (const s of doc.scenarios) {
    if (s.paper) {
      out.push(
        paint.dim(
          wrap(
            `${s.label === 'start' ? 'Start' : s.label}: equity is paper (a private company), at the latest round price; $0 at the low end, as it may never be sold.`,
            width,
            '  ',
          ),
        ),
      );
    }
  }
  out.push(
    paint.dim(
      wrap(
        'Typical figures, US dollars a year; each column is exactly the single estimate of its profile (ml-salary --json). Ranges: P10 to P90 (calibrated: docs/methodology.md).',
        width,
        '',
      ),
    ),
  );
  const defaulted = defaultedNote(doc.defaulted, s0.profile, s0.labels);
  if (defaulted) out.push(paint.yellow(wrap(`* ${defaulted}`, width, '  ')));
  if (doc.scenarios.some((s) => s.takeHome)) {
    out.push('');
    out.push(
      renderTakeHomeTable(
        doc.scenarios.map((s, i) => [i === 0 ? 'Start' : s.label, s.takeHome!] as const),
        { paint, width, charset: opts.charset },
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

export function renderCareerReport(
  doc: CareerDocument,
  opts: { paint: ChalkInstance; width: number; charset: Charset },
): string {
  const { paint, width } = opts;
  const out: string[] = [];
  // The profile at the first point (its years are the axis, not a field of the line).
  const first = { ...doc.profile, years: doc.points[0]?.years ?? 0 };
  const fields = marked(['city', 'industry', 'skills', 'degree'], doc.defaulted, first, doc.labels);
  out.push(paint.bold(wrap(`Pay across a career: ${fields}`, width, '  ')));
  const rows = doc.points.map((pt, i) => {
    const changed = i > 0 && doc.points[i - 1]!.level !== pt.level;
    return [
      String(pt.years),
      `${pt.level}${changed ? (opts.charset === 'ascii' ? ' <' : ' ◀') : ''}`,
      money(pt.base.mid),
      rangeText(pt.base),
      money(pt.total.mid),
      rangeText(pt.total),
    ];
  });
  const head = ['Years', 'Level', 'Base', 'Base range', 'Total', 'Total range'];
  // Too narrow for the ranges (a 40-column terminal): the typical figures alone, and say so.
  const ranges = width <= 0 || narrowWidth(head, rows) <= width;
  const shown = (cells: readonly string[]) =>
    ranges ? [...cells] : [0, 1, 2, 4].map((c) => cells[c]!);
  out.push(grid(shown(head), rows.map(shown), { paint, width, charset: opts.charset }));
  const mark = opts.charset === 'ascii' ? '<' : '◀';
  out.push(
    paint.dim(
      wrap(
        ranges
          ? `${mark} a new level. Typical figures, with their P10 to P90.`
          : `${mark} a new level. Typical figures; the ranges need a wider terminal (or --format csv).`,
        width,
        '',
      ),
    ),
  );
  const defaulted = defaultedNote(doc.defaulted, first, doc.labels);
  if (defaulted) out.push(paint.yellow(wrap(`* ${defaulted}`, width, '  ')));
  out.push('');
  const chartWidth = width > 0 ? width : 80;
  const series = [doc, ...(doc.scenarios ?? [])].map((line, i) => ({
    label: i === 0 ? 'typical total' : line.label,
    points: line.points.map((p) => ({ x: p.years, y: p.total.mid })),
  }));
  out.push(
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
    out.push('');
    out.push(
      paint.bold(wrap('Typical total after tax', width, '')),
      grid(
        ['Years', 'Gross', 'Net', 'Effective rate'],
        doc.points.map((p) => [
          String(p.years),
          money(p.takeHome!.gross),
          money(p.takeHome!.net),
          `${Math.round(p.takeHome!.effectiveRate * 1000) / 10}%`,
        ]),
        { paint, width },
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
