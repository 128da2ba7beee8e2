// The equity tables of the offer report: the years with cash apart from paper stock, options
// year by year, and side by side the cash and running totals and the break-even.
import type { ChalkInstance } from 'chalk';
import type { Charset } from './chart.js';
import type { BreakEven } from '../documents/break-even.js';
import type { OfferDocument, OffersDocument } from '../documents/offer.js';
import { groupThousands, money } from '../model/format.js';
import { exerciseNotes, leaveLines, oddsLines, price, rate, taxText } from './equity-text.js';
import { wrap } from './text.js';
import { grid } from './grid.js';

interface Look {
  paint: ChalkInstance;
  width: number;
  charset: Charset;
}

/** A year's label: "2", or "2 (6 mo)" for a year cut short by leaving. */
export const yearLabel = (y: { year: number; months?: number }): string =>
  y.months === undefined ? String(y.year) : `${y.year} (${y.months} mo)`;

/**
 * The years of an offer whose stock is private or is left early: cash on its own, the stock on
 * its basis (paper for a private company) and, with a stage, risk-adjusted; a total that says it
 * adds paper to cash. Undefined for a listed company's whole offer (the plain year table).
 */
export function privateYears(doc: OfferDocument, look: Look): string | undefined {
  const e = doc.equity;
  if (!e?.private && !doc.leave) return undefined;
  const ev = e?.expectedByYear;
  const back = doc.years.some((y) => y.clawback);
  const head = ['Year', 'Base', 'Bonus', 'Sign-on', ...(back ? ['Paid back'] : []), 'Cash'];
  head.push(e?.private ? 'Paper' : 'Stock');
  if (ev) head.push('Risk-adj.');
  head.push(e?.private ? 'Cash + paper' : 'Total');
  const rows = doc.years.map((y, i) => [
    yearLabel(y),
    money(y.base),
    money(y.bonus),
    money(y.signOn),
    ...(back ? [y.clawback ? money(y.clawback) : '-'] : []),
    money(y.cash),
    money(y.equity),
    ...(ev ? [money(ev[i] ?? 0)] : []),
    money(y.total),
  ]);
  return grid(head, rows, { ...look, stack: 'rows' });
}

/** Options year by year: vested, the cost to exercise them, the FMV, the spread, its tax. */
export function optionsGrid(doc: OfferDocument, look: Look): string | undefined {
  const o = doc.equity?.options;
  if (!o) return undefined;
  const rows = o.years.map((y) => [
    String(y.year),
    groupThousands(y.vested),
    money(y.exerciseCost),
    price(y.fmv),
    money(y.spread),
    y.spread > 0 ? taxText(y.tax) : '-',
  ]);
  return grid(
    [
      'Year',
      'Options vested',
      'Exercise cost',
      'FMV a share',
      'Spread',
      `Tax (${o.type.toUpperCase()})`,
    ],
    rows,
    { ...look, stack: 'rows' },
  );
}

/** One break-even in a sentence. */
export function breakEvenText(b: BreakEven): string {
  const counted = b.basis === 'expected' ? 'risk-adjusted' : 'as given';
  const head = `${b.of} catches ${b.against} (${money(b.target)} over ${b.horizon} years, ${counted})`;
  if (b.result === 'always')
    return `${b.of} is ahead of ${b.against} over ${b.horizon} years even if its stock is worth nothing.`;
  if (b.result === 'never')
    return b.kind === 'growth'
      ? `${b.of} does not catch ${b.against} over ${b.horizon} years even at +1000% a year.`
      : `${b.of} does not catch ${b.against} over ${b.horizon} years at any price: no stock vests by then.`;
  if (b.kind === 'growth')
    return `${head} if its stock price changes ${b.growth! >= 0 ? '+' : ''}${(b.growth! * 100).toFixed(2)}% a year.`;
  const d = b.discount;
  const when = d
    ? `; the exit ${d.years} years away, discounted ${rate(d.rate)} a year as risk-adjusted is`
    : '';
  const share = b.price !== undefined ? ` at ${price(b.price)} a share at an exit` : '';
  const mult =
    b.multiple !== undefined
      ? ` (${b.multiple}x the ${b.price !== undefined ? 'preferred price' : "grant's paper value"}${when})`
      : '';
  const company =
    b.companyMultiple !== undefined
      ? `; after the dilution expected before an exit, a sale at ${b.companyMultiple}x today's valuation`
      : '';
  return `${head}${share}${mult}${company}.`;
}

/** Side by side: each year's cash, and running totals of cash, cash + stock, risk-adjusted. */
export function offersCash(doc: OffersDocument, labels: readonly string[], look: Look): string[] {
  const years = Math.max(...doc.offers.map((o) => o.years.length));
  const cell = (o: OfferDocument, xs: number[] | undefined, y: number): string =>
    xs?.[y - 1] === undefined || y > o.years.length ? '-' : money(xs[y - 1]!);
  const rows: string[][] = [];
  for (let y = 1; y <= years; y++)
    rows.push([
      `Year ${y}`,
      ...doc.offers.map((o) =>
        cell(
          o,
          o.years.map((r) => r.cash),
          y,
        ),
      ),
    ]);
  const cum: string[][] = [];
  for (let y = 1; y <= years; y++) {
    cum.push([
      `${y === 1 ? 'Year 1' : `Years 1-${y}`}: cash`,
      ...doc.offers.map((o) => cell(o, o.cumulative.cash, y)),
    ]);
    cum.push([
      `  cash + stock`,
      ...doc.offers.map(
        (o) => cell(o, o.cumulative.stock, y) + (o.equity?.private ? ' paper' : ''),
      ),
    ]);
    cum.push([`  risk-adjusted`, ...doc.offers.map((o) => cell(o, o.cumulative.expected, y))]);
  }
  return [
    look.paint.bold('Cash only (base + bonus + sign-on), year by year'),
    grid(['', ...labels], rows, look),
    look.paint.bold('Running totals'),
    grid(['', ...labels], cum, look),
  ];
}

/** The note under the running totals: what each row counts. */
export const RUNNING_NOTE =
  "Cash + stock counts a listed company's stock at its price and a private company's on paper; risk-adjusted counts a private company's stock at its expected value at an exit in today's dollars (discounted over the years to an exit at the long-run return of US stocks; with --stage, '-' without) and a listed company's as it is.";

/** The report's equity sections: options year by year, the odds at an exit, leaving early. */
export function equitySections(doc: OfferDocument, look: Look): string[] {
  const { paint, width } = look;
  const out: string[] = [];
  const options = optionsGrid(doc, look);
  if (options) {
    out.push(paint.bold("Options year by year, each exercised at that year's FMV"), options);
    for (const n of exerciseNotes(doc)) out.push(paint.dim(wrap(n, width, '')));
  }
  const odds = oddsLines(doc);
  if (odds.length > 0) {
    out.push('', wrap(odds[0]!, width, '  '));
    for (const n of odds.slice(1)) out.push(paint.dim(wrap(n, width, '')));
  }
  const leave = leaveLines(doc);
  if (leave.length > 0) {
    out.push('', paint.bold(wrap(leave[0]!, width, '')));
    for (const n of leave.slice(1)) out.push(wrap(n, width, '  '));
  }
  return out;
}
