// The human report of one estimate: by default what fits an 80x40 terminal (the table, a range
// bar per part, the biggest reasons, what the open data says, the source titles); with
// --explain every reason, what each guide says and the sources in full.
import type { ChalkInstance } from 'chalk';
import type { EstimateDocument } from '../documents/estimate.js';
import { groupThousands, money, moneyK, signedMoney, yearsText } from '../model/format.js';
import type { Factor, SalaryStats } from '../model/types.js';
import { commonScale, rangeBar, rangeLegend } from './chart.js';
import type { Band, Charset, Paint, PaintRole } from './chart.js';
import { grid } from './grid.js';
import { defaultedNote, marked } from './profile.js';
import { renderTakeHomeTable } from './take-home.js';
import {
  FIVE,
  PARTS,
  PERCENTILES_NOTE,
  paperNote,
  partLabel,
  sourceTag,
  tagList,
  wrap,
} from './text.js';

export interface ReportOptions {
  paint: ChalkInstance;
  /** Terminal width to lay out to; 0 = not a terminal (never wrapped). */
  width: number;
  /** Glyphs for the range bars. */
  charset: Charset;
  /** Every reason, what each guide says and the sources in full. */
  explain?: boolean;
  /** Why the defaulted fields were defaulted, e.g. "no terminal on stdin". */
  defaultedBecause?: string;
}

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
  opts: { paint: ChalkInstance; width: number; charset: Charset; markerName?: string },
): string[] {
  const labelWidth = Math.max(...rows.map(([label]) => label.length)) + 1;
  const cells = opts.width > 0 ? Math.min(48, opts.width - labelWidth) : 36;
  if (cells < 12) return [];
  const markers = rows.flatMap(([, , m]) => (m === undefined ? [] : [m]));
  const scale = commonScale(
    rows.map(([, r]) => r),
    markers,
  );
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
  const biggest = new Set(
    factors
      .slice(1)
      .map((f, i) => ({ f, i }))
      .sort((a, b) => Math.abs(b.f.effect) - Math.abs(a.f.effect) || a.i - b.i)
      .slice(0, REASONS_SHOWN - 1)
      .map(({ f }) => f),
  );
  return factors.filter((f, i) => i === 0 || biggest.has(f));
}

/** A line of statistics: "median $205K, quartiles $175K-$238K, 3,490 postings". */
function statsText(s: SalaryStats): string {
  return `median ${moneyK(s.median)}, quartiles ${moneyK(s.p25)}-${moneyK(s.p75)}, ${groupThousands(s.count)} postings`;
}

/** The whole human report. */
export function renderReport(doc: EstimateDocument, opts: ReportOptions): string {
  const { paint, width } = opts;
  const explain = opts.explain === true;
  const out: string[] = [];
  const p = doc.profile;
  out.push(
    paint.bold(
      wrap(
        `ML engineer pay estimate: ${doc.level} level${p.level ? ' (given)' : ''}, ${yearsText(p.years)}`,
        width,
        '',
      ),
    ),
  );
  const profileLine = marked(
    ['city', 'industry', 'skills', 'degree'],
    doc.defaulted,
    doc.profile,
    doc.labels,
  );
  out.push(wrap(profileLine, width, ''));
  const rows = PARTS.map((p) => [partLabel(p), ...FIVE.map((k) => money(doc[p][k]))]);
  // Where even the borderless table does not fit, a list: a terminal would otherwise break its
  // rows, and the figures in them, across lines.
  const head = ['', 'P10', 'P25', 'Typical', 'P75', 'P90'];
  out.push(grid(head, rows, { paint, width, bold: [3], charset: opts.charset, stack: 'rows' }));
  out.push(
    ...rangeBars(
      PARTS.map((p) => [partLabel(p), doc[p]] as const),
      { paint, width, charset: opts.charset },
    ),
  );
  for (const note of [`US dollars a year. ${PERCENTILES_NOTE}`, paperNote(doc)]) {
    if (note) out.push(paint.dim(wrap(note, width, '')));
  }
  out.push('');

  out.push(...reasonLines(doc, paint, width, explain), '');
  out.push(...openDataLines(doc, paint, width, explain), '');

  const sourcesHeading = explain
    ? 'Sources'
    : 'Sources (--explain: what each guide says, the files)';
  out.push(paint.bold(wrap(sourcesHeading, width, '  ')));
  for (const s of doc.sources) {
    const where = explain ? ` (${s.file})` : '';
    out.push(`  ${wrap(`[${sourceTag(s)}] ${s.title}${where}`, width, '    ')}`);
  }
  if (doc.takeHome) {
    out.push('');
    const t = doc.takeHome;
    out.push(
      renderTakeHomeTable(
        [
          ['Low', t.low],
          ['Typical', t.mid],
          ['High', t.high],
        ],
        { paint, width, charset: opts.charset, explain: [1] },
      ),
    );
  }
  const defaulted = defaultedNote(doc.defaulted, doc.profile, doc.labels, opts.defaultedBecause);
  if (defaulted) out.push('', paint.yellow(wrap(`* ${defaulted}`, width, '  ')));
  return `${out.join('\n')}\n`;
}

/** The reasons, each with its effect on the typical total, down to the total itself. */
function reasonLines(
  doc: EstimateDocument,
  paint: ChalkInstance,
  width: number,
  explain: boolean,
): string[] {
  const out: string[] = [];
  const shown = reasonsShown(doc.factors, explain);
  const heading =
    explain || shown.length === doc.factors.length
      ? 'Why (effect on the typical total)'
      : 'Biggest reasons (effect on the typical total)';
  out.push(paint.bold(wrap(heading, width, '')));
  const effectWidth = Math.max(
    ...doc.factors.map((f) => signedMoney(f.effect).length),
    money(doc.total.mid).length + 1,
  );
  // Too narrow for a column of effects beside the reasons: each effect above its reason.
  const stacked = width > 0 && width - (4 + effectWidth) < REASON_MIN_WIDTH;
  for (const f of shown) {
    const first = f === doc.factors[0];
    const text = first ? money(f.effect) : signedMoney(f.effect);
    // Green adds, red takes away; the starting point and effects of zero are plain.
    const coloured =
      f.effect < 0 ? paint.red(text) : first || f.effect === 0 ? text : paint.green(text);
    const pad = stacked ? '' : ' '.repeat(effectWidth - text.length);
    const indent = stacked ? '    ' : ' '.repeat(2 + effectWidth + 2);
    const tags = `[${tagList(f.sources, doc.sources)}]`;
    // Wrap the plain text, then colour: escape codes must not count towards the width.
    const line = wrap(`${f.label} ${tags}`, width, indent);
    const cut = Math.max(0, line.lastIndexOf(tags)); // tags hold no space, so wrap keeps them whole
    const reason = `${line.slice(0, cut)}${paint.dim(line.slice(cut))}`;
    out.push(stacked ? `  ${coloured}\n${indent}${reason}` : `  ${pad}${coloured}  ${reason}`);
  }
  const hidden = doc.factors.length - shown.length;
  const more = hidden > 0 ? `(and ${hidden} smaller: --explain)` : '';
  const totalText = `=${money(doc.total.mid)}`;
  if (stacked) {
    out.push(
      `  ${paint.bold(totalText)}`,
      wrap(`    typical total ${more}`.trimEnd(), width, '    '),
    );
  } else {
    const totalLine = `  ${' '.repeat(effectWidth - totalText.length)}${paint.bold(totalText)}  typical total`;
    const plainLength = 2 + effectWidth + 2 + 'typical total'.length;
    if (more === '') out.push(totalLine);
    else if (width === 0 || plainLength + 1 + more.length <= width) {
      out.push(`${totalLine} ${paint.dim(more)}`);
    } else {
      out.push(
        totalLine,
        paint.dim(wrap(`${' '.repeat(2 + effectWidth + 2)}${more}`, width, '  ')),
      );
    }
  }
  return out;
}

/** What the open data says (and, with --explain, what each guide says). */
function openDataLines(
  doc: EstimateDocument,
  paint: ChalkInstance,
  width: number,
  explain: boolean,
): string[] {
  const out: string[] = [];
  const p = doc.profile;
  const od = doc.openData;
  const odTag = sourceTag(
    doc.sources.find((s) => s.id === od.source) ?? { id: od.source, file: '' },
  );
  if (explain) {
    out.push(
      paint.bold(`What the open data says (${od.period}, national base salary of postings)`),
    );
    out.push(
      `  ${wrap(`[${odTag}] ${od.label} (${od.level}): ${statsText(od.postings)}, 90th percentile ${moneyK(od.postings.p90)}`, width, '    ')}`,
    );
    out.push(`  ${wrap(`${od.latest.year} alone: ${statsText(od.latest)}`, width, '    ')}`);
    if (od.note) out.push(`  ${wrap(od.note, width, '    ')}`);
    out.push('');
    out.push(
      paint.bold(
        wrap(`What the guides say for ${yearsText(p.years)} (before any adjustment)`, width, ''),
      ),
    );
    for (const g of doc.guides) {
      const tag = sourceTag({ id: g.source, file: g.file });
      const basis = g.basis === 'hub' ? 'tech hubs, top employers' : 'national';
      const total = g.total ? `, total ${guideRange(g.total)}` : '';
      const line = `[${tag}] ${g.level}, ${g.years} years: base ${guideRange(g.base)}${total} (${basis})`;
      out.push(`  ${wrap(line, width, '    ')}`);
    }
  } else {
    const line = wrap(
      `Open data [${odTag}], ${od.label}: ${statsText(od.postings)}, ${od.period} (base only)`,
      width,
      '  ',
    );
    out.push(paint.bold('Open data') + line.slice('Open data'.length));
  }
  return out;
}

/** A guide's range as it states it: "$140K-$200K", or "$300K+" when it gives only a floor. */
function guideRange([low, high]: readonly [number, number | null]): string {
  return high === null ? `${moneyK(low)}+` : `${moneyK(low)}-${moneyK(high)}`;
}
