// An offer's benefits for people: a table of each year's 401(k) match and ESPP gain under the
// pay table (one offer), or a row per year beside each offer's (several), and what they assume.
import type { OfferDocument } from '../documents/offer.js';
import { money } from '../model/format.js';
import { grid } from './grid.js';
import { wrap } from './text.js';
import { yearRows, type Look } from './equity.js';

/** One offer's benefits: a row per year, then the notes; nothing without benefits. */
export function benefitsSection(doc: OfferDocument, look: Look): string[] {
  const b = doc.benefits;
  if (!b) return [];
  const head = ['Year'];
  if (b.match) head.push('401(k) match');
  if (b.espp) head.push('ESPP gain');
  head.push('Benefits', 'Total + benefits');
  const rows = b.years.map((y) => {
    const cells = [String(y.year)];
    if (b.match) cells.push(money(y.match));
    if (b.espp) cells.push(money(y.espp));
    cells.push(money(y.total), money(y.withPay));
    return cells;
  });
  return [
    look.paint.bold(
      wrap(
        'Benefits a year (before tax; not in the totals or the market comparison)',
        look.width,
        '',
      ),
    ),
    grid(head, rows, { ...look, stack: 'rows' }),
    ...b.notes.map((n) => look.paint.dim(wrap(n, look.width, ''))),
  ];
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
  const notes = offers.flatMap((o, i) =>
    o.benefits ? [`${labels[i]}: ${o.benefits.notes.slice(1).join(' ')}`] : [],
  );
  return [
    look.paint.bold(
      wrap(
        'Benefits a year: 401(k) match + ESPP gain (before tax; not in the totals)',
        look.width,
        '',
      ),
    ),
    grid(['', ...labels], rows, look),
    ...notes.map((n) => look.paint.dim(wrap(n, look.width, ''))),
  ];
}

/** Markdown: one offer's benefits table and notes (nothing without benefits). */
export function benefitsMarkdown(doc: OfferDocument): string[] {
  const b = doc.benefits;
  if (!b) return [];
  const lines = [
    '| Year | 401(k) match | ESPP gain | Benefits | Total + benefits |',
    '|---:|---:|---:|---:|---:|',
    ...b.years.map(
      (y) =>
        `| ${y.year} | ${money(y.match)} | ${money(y.espp)} | ${money(y.total)} | ${money(y.withPay)} |`,
    ),
    '',
    ...b.notes,
    '',
  ];
  return lines;
}
