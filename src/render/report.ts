// The human report of one estimate: by default what fits an 80x40 terminal (the table, a range
// bar per part, the biggest reasons, what the open data says, the source titles); with
// --explain every reason, what each guide says and the sources in full.
import type { ChalkInstance } from 'chalk';
import type { EstimateDocument } from '../documents/estimate.js';
import { groupThousands, money, moneyK, signedMoney, yearsText } from '../model/format.js';
import type { Factor, SalaryStats } from '../model/types.js';
import { commonScale, rangeBar, rangeLegend } from './chart.js';
import type { Band, Paint, PaintRole } from './chart.js';
import { grid } from './grid.js';
import { defaultedNote, marked } from './profile.js';
import { renderTakeHomeTable } from './take-home.js';
import { FIVE, PARTS, PERCENTILES_NOTE, paperNote, capitalised, reportLines } from './text.js';
import { sourceTag, tagList, wrap, type Look, type ReportLines } from './text.js';

/**
 * `explain`: every reason, what each guide says and the sources in full; `defaultedBecause`: why
 * the defaulted fields were defaulted ("no terminal on stdin").
 */
export type ReportOptions = Look & { explain?: boolean; defaultedBecause?: string };

/** Reasons shown without --explain: the starting point and the largest effects. */
const REASONS_SHOWN = 5;

/** The fewest columns a reason gets beside its effect; fewer, and it goes below it. */
const REASON_MIN_WIDTH = 20;

/** How a chart's roles are coloured; the series are left plain. */
const ROLE_STYLES: Partial<Record<PaintRole, 'cyan' | 'bold' | 'yellow' | 'dim'>> = {
  band: 'cyan',
  typical: 'bold',
  marker: 'yellow',
  axis: 'dim',
  label: 'dim',
};

/** Colour for a chart's roles, from a chalk instance (no colour at level 0). */
export function chartPaint(paint: ChalkInstance): Paint {
  return (role, text) => {
    const style = ROLE_STYLES[role];
    return style ? paint[style](text) : text;
  };
}

/**
 * One range bar per row, to a common scale, with a legend: `rows` are [label, range, marker?].
 * Sized to the terminal (at most 48 cells wide; 36 when not a terminal); nothing when the
 * terminal is too narrow to draw one.
 */
export function rangeBars(
  rows: readonly (readonly [string, Band, number?])[],
  opts: Look & { markerName?: string },
): string[] {
  const labelWidth = Math.max(...rows.map(([label]) => label.length)) + 1;
  const cells = opts.width > 0 ? Math.min(48, opts.width - labelWidth) : 36;
  if (cells < 12) return [];
  const markers = rows.flatMap(([, , m]) => (m === undefined ? [] : [m]));
  const ranges = rows.map(([, r]) => r);
  const scale = commonScale(ranges, markers);
  const paint = chartPaint(opts.paint);
  const lines = rows.map(
    ([label, range, marker]) =>
      `${label.padEnd(labelWidth)}${rangeBar(range, scale, cells, { charset: opts.charset, marker, paint })}`,
  );
  // Measured without its colour codes: wrapped (plain) only when the words do not fit.
  const named = opts.markerName ? { marker: opts.markerName } : {};
  const plain = rangeLegend(opts.charset, named);
  const fits = opts.width === 0 || plain.length <= opts.width;
  lines.push(fits ? rangeLegend(opts.charset, { ...named, paint }) : wrap(plain, opts.width, '  '));
  return lines;
}

/** The reasons to show: all of them, or the starting point and the largest effects, in order. */
function reasonsShown(factors: readonly Factor[], all: boolean): Factor[] {
  if (all || factors.length <= REASONS_SHOWN) return [...factors];
  const byEffect = factors.slice(1).sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
  const biggest = byEffect.slice(0, REASONS_SHOWN - 1); // sort is stable: ties keep their order
  // A skill or degree the profile names that moves nothing (a given level prices it) says so.
  const why = (f: Factor): boolean => f.effect === 0 && /^(skill|degree):/.test(f.id);
  return factors.filter((f, i) => i === 0 || biggest.includes(f) || why(f));
}

/** A line of statistics: "median $205K, quartiles $175K-$238K, 3,490 postings". */
function statsText(s: SalaryStats): string {
  return `median ${moneyK(s.median)}, quartiles ${moneyK(s.p25)}-${moneyK(s.p75)}, ${groupThousands(s.count)} postings`;
}

/** The whole human report. */
export function renderReport(doc: EstimateDocument, opts: ReportOptions): string {
  const { paint, width, charset } = opts;
  const explain = opts.explain === true;
  const out = reportLines(paint, width);
  const p = doc.profile;
  out.bold(
    `ML engineer pay estimate: ${p.level ? `${doc.level} level (given), ` : ''}${yearsText(p.years)}`,
  );
  out.plain(marked(doc.defaulted, p, doc.labels));
  const rows = PARTS.map((part) => [capitalised(part), ...FIVE.map((k) => money(doc[part][k]))]);
  // Where even the borderless table does not fit, a list: a terminal would otherwise break its
  // rows, and the figures in them, across lines.
  const head = ['', 'P10', 'P25', 'Typical', 'P75', 'P90'];
  out.lines.push(grid(head, rows, { paint, width, bold: [3], charset, stack: 'rows' }));
  const bars = PARTS.map((part) => [capitalised(part), doc[part]] as const);
  out.lines.push(...rangeBars(bars, opts));
  out.dim(`US dollars a year. ${PERCENTILES_NOTE}`);
  if (doc.paper) out.dim(paperNote(doc));
  // By default the reasons, the open data and the sources follow without blank lines between:
  // the table stays on an 80x40 screen after an interactive run's two closing lines (issue 14).
  if (explain) out.lines.push('');
  reasonLines(doc, out, explain);
  out.lines.push('');
  openDataLines(doc, out, explain);
  if (explain) out.lines.push('');
  if (width > 0 && !explain) {
    // In a terminal the sources run on as one paragraph, each title to its first ':', ',' or
    // '(', so the table stays on an 80x40 screen after an interactive run (issue 14).
    // A tag and its title's first word stay on one line ('\x01' holds their space while wrapping).
    const short = doc.sources.map(
      (s) => `[${sourceTag(s)}]\x01${s.title.split(/[:,(]/)[0]!.trim()}`,
    );
    const text = wrap(`Sources (--explain: in full): ${short.join('; ')}`, width, '  ');
    out.lines.push(paint.bold('Sources') + text.slice('Sources'.length).replaceAll('\x01', ' '));
  } else {
    // Piped, one line a source, whole; --explain adds their files.
    out.bold(explain ? 'Sources' : 'Sources (--explain: what each guide says, the files)', '  ');
    for (const s of doc.sources)
      out.item(`[${sourceTag(s)}] ${s.title}${explain ? ` (${s.file})` : ''}`);
  }
  const t = doc.takeHome;
  if (t) {
    const columns = (['Low', 'Typical', 'High'] as const).map(
      (label, i) => [label, [t.low, t.mid, t.high][i]!] as const,
    );
    out.lines.push('', renderTakeHomeTable(columns, { paint, width, charset, explain: [1] }));
  }
  const defaulted = defaultedNote(doc.defaulted, p, doc.labels, opts.defaultedBecause);
  if (defaulted) {
    out.lines.push('');
    out.yellow(`* ${defaulted}`, '  ');
  }
  return `${out.lines.join('\n')}\n`;
}

/** The reasons, each with its effect on the typical total, down to the total itself. */
function reasonLines(doc: EstimateDocument, out: ReportLines, explain: boolean): void {
  const { paint, width } = out;
  const shown = reasonsShown(doc.factors, explain);
  const all = explain || shown.length === doc.factors.length;
  out.bold(`${all ? 'Why' : 'Biggest reasons'} (effect on the typical total)`);
  const effectWidth = Math.max(
    ...doc.factors.map((f) => signedMoney(f.effect).length),
    money(doc.total.mid).length + 1,
  );
  // Too narrow for a column of effects beside the reasons: each effect above its reason.
  const stacked = width > 0 && width - (4 + effectWidth) < REASON_MIN_WIDTH;
  const indent = stacked ? '    ' : ' '.repeat(2 + effectWidth + 2);
  for (const f of shown) {
    const first = f === doc.factors[0];
    const text = first ? money(f.effect) : signedMoney(f.effect);
    // Green adds, red takes away; the starting point and effects of zero are plain.
    const coloured =
      f.effect < 0 ? paint.red(text) : first || f.effect === 0 ? text : paint.green(text);
    const tags = `[${tagList(f.sources, doc.sources)}]`;
    // Wrap the plain text, then colour: escape codes must not count towards the width.
    const line = wrap(`${f.label} ${tags}`, width, indent);
    const cut = Math.max(0, line.lastIndexOf(tags)); // tags hold no space, so wrap keeps them whole
    const reason = `${line.slice(0, cut)}${paint.dim(line.slice(cut))}`;
    const pad = ' '.repeat(effectWidth - text.length);
    out.lines.push(
      stacked ? `  ${coloured}\n${indent}${reason}` : `  ${pad}${coloured}  ${reason}`,
    );
  }
  const hidden = doc.factors.length - shown.length;
  const more = hidden > 0 ? `(and ${hidden} smaller: --explain)` : '';
  const totalText = `=${money(doc.total.mid)}`;
  if (stacked) {
    out.lines.push(`  ${paint.bold(totalText)}`);
    out.lines.push(`    ${wrap(`typical total ${more}`.trimEnd(), width, '    ')}`);
    return;
  }
  const totalLine = `  ${' '.repeat(effectWidth - totalText.length)}${paint.bold(totalText)}  typical total`;
  const plainLength = 2 + effectWidth + 2 + 'typical total'.length;
  if (more === '') out.lines.push(totalLine);
  else if (width === 0 || plainLength + 1 + more.length <= width) {
    out.lines.push(`${totalLine} ${paint.dim(more)}`);
  } else {
    out.lines.push(totalLine);
    out.dim(`${' '.repeat(2 + effectWidth + 2)}${more}`, '  ');
  }
}

/** What the open data says (and, with --explain, what each guide says). */
function openDataLines(doc: EstimateDocument, out: ReportLines, explain: boolean): void {
  const od = doc.openData;
  const odTag = tagList([od.source], doc.sources);
  if (!explain) {
    const line = wrap(
      `Open data [${odTag}], ${od.label}${od.note ? ` (no ${doc.level} level in it)` : ''}: ${statsText(od.postings)}, ${od.period} (base only)`,
      out.width,
      '  ',
    );
    out.lines.push(out.paint.bold('Open data') + line.slice('Open data'.length));
    return;
  }
  out.bold(`What the open data says (${od.period}, national base salary of postings)`);
  out.item(
    `[${odTag}] ${od.label} (${od.level}): ${statsText(od.postings)}, 90th percentile ${moneyK(od.postings.p90)}`,
  );
  out.item(`${od.latest.year} alone: ${statsText(od.latest)}`);
  if (od.note) out.item(od.note);
  out.lines.push('');
  out.bold(`What the guides say for ${yearsText(doc.profile.years)} (before any adjustment)`);
  for (const g of doc.guides) {
    const tag = sourceTag({ id: g.source, file: g.file });
    const basis = g.basis === 'hub' ? 'tech hubs, top employers' : 'national';
    const total = g.total ? `, total ${guideRange(g.total)}` : '';
    out.item(
      `[${tag}] ${g.level}, ${g.years} years: base ${guideRange(g.base)}${total} (${basis})`,
    );
  }
}

/** A guide's range as it states it: "$140K-$200K", or "$300K+" when it gives only a floor. */
function guideRange([low, high]: readonly [number, number | null]): string {
  return high === null ? `${moneyK(low)}+` : `${moneyK(low)}-${moneyK(high)}`;
}
