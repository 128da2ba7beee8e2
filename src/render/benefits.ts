// An offer's benefits for people: a table of each year's 401(k) match and ESPP gain under the
// pay table (one offer), or a row per year beside each offer's (several), and what they assume.
import type { BenefitsView } from '../documents/benefits.js';
import type { OfferDocument } from '../documents/offer.js';
import { money } from '../model/format.js';
import { grid } from './grid.js';
import { mdTable, reportLines, type Look } from './text.js';
import { yearRows } from './equity.js';

const COLUMNS = [
  ['401(k) match', 'match'],
  ['ESPP gain', 'espp'],
  ['Benefits', 'total'],
  ['Total + benefits', 'withPay'],
] as const;

/** A row per year: the year, then each column's figure (`all`: also a match or ESPP not given). */
function benefitRows(b: BenefitsView, all: boolean): string[][] {
  const shown = COLUMNS.filter(([, key]) => all || (key !== 'match' && key !== 'espp') || b[key]);
  return [
    ['Year', ...shown.map(([head]) => head)],
    ...b.years.map((y) => [String(y.year), ...shown.map(([, key]) => money(y[key]))]),
  ];
}

/** One offer's benefits: a row per year, then the notes; nothing without benefits. */
export function benefitsSection(doc: OfferDocument, look: Look): string[] {
  const b = doc.benefits;
  if (!b) return [];
  const out = reportLines(look.paint, look.width);
  const [head, ...rows] = benefitRows(b, false);
  out.bold('Benefits a year (before tax; not in the totals or the market comparison)');
  out.lines.push(grid(head!, rows, { ...look, stack: 'rows' }));
  for (const n of b.notes) out.dim(n);
  return out.lines;
}

/** Several offers: each year's benefits per offer ('-' for none), under the totals. */
export function offersBenefits(
  offers: readonly OfferDocument[],
  labels: readonly string[],
  look: Look,
): string[] {
  if (!offers.some((o) => o.benefits)) return [];
  const years = Math.max(...offers.map((o) => o.years.length));
  const rows = yearRows(years, offers, (o, y) => {
    const row = o.benefits?.years.find((r) => r.year === y);
    return row ? money(row.total) : o.benefits || y > o.years.length ? '-' : 'none';
  });
  const out = reportLines(look.paint, look.width);
  out.bold('Benefits a year: 401(k) match + ESPP gain (before tax; not in the totals)');
  out.lines.push(grid(['', ...labels], rows, look));
  offers.forEach((o, i) => {
    if (o.benefits) out.dim(`${labels[i]}: ${o.benefits.notes.slice(1).join(' ')}`);
  });
  return out.lines;
}

/** Markdown: one offer's benefits table and notes (nothing without benefits). */
export function benefitsMarkdown(doc: OfferDocument): string[] {
  const b = doc.benefits;
  if (!b) return [];
  const [head, ...rows] = benefitRows(b, true);
  return [...mdTable(head!, rows, 'rrrrr'), '', ...b.notes, ''];
}
