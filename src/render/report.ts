import { stripVTControlCharacters } from 'node:util';
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { EstimateDocument } from '../document.js';
import { money, moneyK, signedMoney } from '../format.js';
import type { ProfileField } from '../types.js';
import { sourceTag, tagList, wrap } from './text.js';

export interface TableOptions {
  paint: ChalkInstance;
  /** Terminal width to wrap prose to; 0 = never wrap (not a terminal). */
  width: number;
  /** Why the defaulted fields were defaulted, e.g. "no terminal on stdin". */
  defaultedBecause?: string;
}

const ROWS = [
  ['Base', 'base'],
  ['Bonus', 'bonus'],
  ['Equity', 'equity'],
  ['Total', 'total'],
] as const;

/** The fewest columns a reason gets beside its effect; fewer, and it goes below it. */
const REASON_MIN_WIDTH = 20;

const NO_BORDERS = Object.fromEntries(
  ['top', 'top-mid', 'top-left', 'top-right', 'bottom', 'bottom-mid', 'bottom-left', 'bottom-right']
    .concat(['left', 'left-mid', 'mid', 'mid-mid', 'right', 'right-mid', 'middle'])
    .map((k) => [k, '']),
);

/**
 * The breakdown: rows Base, Bonus, Equity, Total; columns Low, Typical, High. `width` is the
 * terminal's (0 = not a terminal, no limit): where the boxed table (43 columns for six-figure
 * pay) does not fit, it is drawn without borders (33), and where that does not fit either, as a
 * list (18): a terminal would otherwise break its rows, and the figures in them, across lines.
 */
export function renderBreakdownTable(
  doc: EstimateDocument,
  paint: ChalkInstance,
  width = 0,
): string {
  const boxed = breakdownTable(doc, paint, true);
  if (width <= 0 || widest(boxed) <= width) return boxed;
  const bare = breakdownTable(doc, paint, false);
  return widest(bare) <= width ? bare : renderBreakdownList(doc, paint);
}

function breakdownTable(doc: EstimateDocument, paint: ChalkInstance, borders: boolean): string {
  const table = new Table({
    head: ['', 'Low', 'Typical', 'High'].map((h) => paint.bold(h)),
    colAligns: ['left', 'right', 'right', 'right'],
    style: borders
      ? { head: [], border: [] }
      : { head: [], border: [], 'padding-left': 0, 'padding-right': 1 },
    chars: borders ? { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } : NO_BORDERS,
  });
  for (const [label, key] of ROWS) {
    const r = doc[key];
    const cells = [label, money(r.low), money(r.mid), money(r.high)];
    table.push(key === 'total' ? cells.map((c) => paint.bold(c)) : cells);
  }
  // Without borders the last column is padded too: that trailing space would cost a column.
  return borders ? table.toString() : table.toString().replace(/ +$/gm, '');
}

/** The breakdown as a list for the narrowest terminals: each part, then its low, typical, high. */
function renderBreakdownList(doc: EstimateDocument, paint: ChalkInstance): string {
  const columns = [
    ['Low', 'low'],
    ['Typical', 'mid'],
    ['High', 'high'],
  ] as const;
  const figures = ROWS.flatMap(([, key]) => columns.map(([, end]) => money(doc[key][end])));
  const figureWidth = Math.max(...figures.map((f) => f.length));
  const lines: string[] = [];
  for (const [label, key] of ROWS) {
    const style = key === 'total' ? (t: string) => paint.bold(t) : (t: string) => t;
    lines.push(style(label));
    for (const [name, end] of columns) {
      lines.push(style(`  ${name.padEnd(7)} ${money(doc[key][end]).padStart(figureWidth)}`));
    }
  }
  return lines.join('\n');
}

/** The widest line of some text, as a terminal shows it (escape codes take no room). */
function widest(text: string): number {
  return Math.max(
    ...stripVTControlCharacters(text)
      .split('\n')
      .map((l) => l.length),
  );
}

/** How a profile field reads to a person: the label the document carries. */
function labelFor(field: ProfileField, doc: EstimateDocument): string {
  switch (field) {
    case 'years':
      return String(doc.profile.years);
    case 'skills':
      return doc.labels.skills.length === 0 ? 'none' : doc.labels.skills.join(', ');
    default:
      return doc.labels[field];
  }
}

/** The whole human report: heading, table, why, what the guides say, sources, defaults. */
export function renderReport(doc: EstimateDocument, opts: TableOptions): string {
  const { paint, width } = opts;
  const out: string[] = [];
  const p = doc.profile;
  const years = `${p.years} year${p.years === 1 ? '' : 's'}`;
  out.push(paint.bold(wrap(`ML engineer pay estimate: ${doc.level} level, ${years}`, width, '')));
  const profileLine = (['city', 'industry', 'skills', 'degree'] as const)
    .map((f) => labelFor(f, doc) + (doc.defaulted.includes(f) ? '*' : ''))
    .join(' | ');
  out.push(wrap(profileLine, width, ''));
  out.push(renderBreakdownTable(doc, paint, width));
  out.push(
    paint.dim(
      wrap(
        'US dollars a year; equity is the yearly value of grants. Typical total = base + bonus + equity. Low and High take the low and high ends of every input range.',
        width,
        '',
      ),
    ),
  );
  out.push('');

  out.push(paint.bold(wrap('Why (effect on the typical total)', width, '')));
  const effectWidth = Math.max(
    ...doc.factors.map((f) => signedMoney(f.effect).length),
    money(doc.total.mid).length + 1,
  );
  // Too narrow for a column of effects beside the reasons: each effect above its reason.
  const stacked = width > 0 && width - (4 + effectWidth) < REASON_MIN_WIDTH;
  doc.factors.forEach((f, i) => {
    const shown = i === 0 ? money(f.effect) : signedMoney(f.effect);
    // Green adds, red takes away; the base line and effects of zero are plain.
    const colored =
      f.effect < 0 ? paint.red(shown) : i === 0 || f.effect === 0 ? shown : paint.green(shown);
    const pad = stacked ? '' : ' '.repeat(effectWidth - shown.length);
    const indent = stacked ? '    ' : ' '.repeat(2 + effectWidth + 2);
    const tagsText = `[${tagList(f.sources, doc.sources)}]`;
    // Wrap the plain text, then colour: escape codes must not count towards the width.
    const text = wrap(`${f.label} ${tagsText}`, width, indent);
    const cut = Math.max(0, text.lastIndexOf(tagsText)); // tags hold no space, so wrap keeps them whole
    const reason = `${text.slice(0, cut)}${paint.dim(text.slice(cut))}`;
    out.push(stacked ? `  ${colored}\n${indent}${reason}` : `  ${pad}${colored}  ${reason}`);
  });
  const totalText = `=${money(doc.total.mid)}`;
  out.push(
    stacked
      ? `  ${paint.bold(totalText)}\n    typical total`
      : `  ${' '.repeat(effectWidth - totalText.length)}${paint.bold(totalText)}  typical total`,
  );
  out.push('');

  out.push(paint.bold(wrap(`What the guides say for ${years} (before any adjustment)`, width, '')));
  for (const g of doc.guides) {
    const tag = sourceTag({ id: g.source, file: g.file });
    const basis = g.basis === 'hub' ? 'tech hubs, top employers' : 'national';
    const total = g.total ? `, total ${guideRange(g.total)}` : '';
    const line = `[${tag}] ${g.level}, ${g.years} years: base ${guideRange(g.base)}${total} (${basis})`;
    out.push(`  ${wrap(line, width, '    ')}`);
  }
  out.push('');

  out.push(paint.bold(wrap('Sources', width, '')));
  for (const s of doc.sources) {
    out.push(`  ${wrap(`[${sourceTag(s)}] ${s.title} (${s.file})`, width, '    ')}`);
  }
  if (doc.defaulted.length > 0) {
    out.push('');
    const because = opts.defaultedBecause ? ` (${opts.defaultedBecause})` : '';
    const list = doc.defaulted.map((f) => `${f} = ${labelFor(f, doc)}`).join(', ');
    const flags = doc.defaulted.map((f) => `--${f}`).join(', ');
    out.push(
      paint.yellow(wrap(`* Defaulted${because}: ${list}. Pass ${flags} to set them.`, width, '  ')),
    );
  }
  return `${out.join('\n')}\n`;
}

/** A guide's range as it states it: "$140K-$200K", or "$300K+" when it gives only a floor. */
function guideRange([low, high]: readonly [number, number | null]): string {
  return high === null ? `${moneyK(low)}+` : `${moneyK(low)}-${moneyK(high)}`;
}
