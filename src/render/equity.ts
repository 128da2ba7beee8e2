// The equity parts of an offer for people, as tables and sentences the table report and the
// markdown share: cash apart from paper stock, options year by year and their tax, a private
// company's odds at an exit, what leaving early keeps, and side by side the cash, the running
// totals and the break-even. Every figure is the document's; each dollar figure a private
// company's stock gives says whether it is cash, paper or risk-adjusted.
import type { BreakEven } from '../documents/break-even.js';
import type { OfferDocument, OffersDocument } from '../documents/offer.js';
import type { Tax } from '../model/exercise.js';
import { groupThousands, money, percent, plural } from '../model/format.js';
import { grid } from './grid.js';
import { esc, mdTable, wrap, type Look } from './text.js';

type Leave = NonNullable<OfferDocument['leave']>;
type Options = NonNullable<NonNullable<OfferDocument['equity']>['options']>;

/** Rows "Year 1" to "Year n", a cell for each column ('-' where it lacks the year). */
export function yearRows<T>(
  n: number,
  columns: readonly T[],
  cell: (c: T, y: number) => string | undefined,
): string[][] {
  return Array.from({ length: n }, (_, i) => [
    `Year ${i + 1}`,
    ...columns.map((c) => cell(c, i + 1) ?? '-'),
  ]);
}

/** A price a share: $4.00, $1.20, $0.8525 (cents, or as many places as it has). */
export function price(x: number): string {
  const cents = Math.round(x * 100);
  return Math.abs(x * 100 - cents) < 1e-9 ? `$${(cents / 100).toFixed(2)}` : `$${x}`;
}

/** A multiple: 0x, 1.99x, 5x. */
const times = (x: number): string => `${Math.round(x * 100) / 100}x`;

/** A yearly rate to two places: 9.94%. */
const rate = (x: number): string => `${Math.round(x * 10000) / 100}%`;

/** A year's label: "2", or "2 (6 mo)" for a year cut short by leaving. */
export const yearLabel = (y: { year: number; months?: number }): string =>
  y.months === undefined ? String(y.year) : `${y.year} (${y.months} mo)`;

/** The tax on one exercise in a few words: "$1,139 tax as wages", "no AMT", "$817 AMT". */
function taxText(t: Tax | undefined): string {
  if (!t) return '$0 (no spread)';
  if (t.type === 'nso') return `${money(t.amount)} tax as wages`;
  const amt = t.amount - (t.wagesTax ?? 0);
  const text = amt === 0 ? 'no AMT' : `${money(amt)} AMT${t.uncertain ? ' (uncertain)' : ''}`;
  return t.overLimit
    ? `${text}; ${money(t.wagesTax ?? 0)} tax as wages on the ${money(t.wagesSpread ?? 0)} spread of ${groupThousands(t.overLimit)} options over the ISO limit`
    : text;
}

/**
 * The year-by-year table of one offer. A listed company's whole offer: base, bonus, stock,
 * sign-on, total. One whose stock is private or that is left early: cash on its own, the stock on
 * its basis (paper for a private company) and, with a stage, risk-adjusted; a total that says it
 * adds paper to cash.
 */
export function yearTable(doc: OfferDocument, look: Look): string {
  const e = doc.equity;
  if (!e?.private && !doc.leave) {
    const rows = doc.years.map((y) => [
      yearLabel(y),
      ...[y.base, y.bonus, y.equity, y.signOn, y.total].map(money),
    ]);
    const head = ['Year', 'Base', 'Bonus', 'Stock', 'Sign-on', 'Total'];
    return grid(head, rows, { ...look, stack: 'rows' });
  }
  const ev = e?.expectedByYear;
  const back = doc.years.some((y) => y.clawback);
  const head = ['Year', 'Base', 'Bonus', 'Sign-on', ...(back ? ['Paid back'] : []), 'Cash'];
  head.push(e?.private ? 'Paper' : 'Stock', ...(ev ? ['Risk-adj.'] : []));
  head.push(e?.private ? 'Cash + paper' : 'Total');
  const rows = doc.years.map((y, i) => [
    yearLabel(y),
    ...[y.base, y.bonus, y.signOn].map(money),
    ...(back ? [y.clawback ? money(y.clawback) : '-'] : []),
    money(y.cash),
    money(y.equity),
    ...(ev ? [money(ev[i] ?? 0)] : []),
    money(y.total),
  ]);
  return grid(head, rows, { ...look, stack: 'rows' });
}

/** Options year by year: vested, the cost to exercise them, the FMV, the spread, its tax. */
function optionRows(o: Options, md = false): string[][] {
  const head = ['Year', 'Options vested', 'Exercise cost', 'FMV a share', 'Spread'];
  return [
    [...head, md ? 'Tax on exercise' : `Tax (${o.type.toUpperCase()})`],
    ...o.years.map((y) => [
      String(y.year),
      md ? String(y.vested) : groupThousands(y.vested),
      money(y.exerciseCost),
      md ? `$${y.fmv}` : price(y.fmv),
      money(y.spread),
      y.spread > 0 ? taxText(y.tax) : '-',
    ]),
  ];
}

/** The sentences of a private company's odds at an exit. */
export function oddsLines(doc: OfferDocument): string[] {
  const e = doc.equity;
  const o = e?.odds;
  if (!e || !o) return [];
  const at = e.preferred !== null ? ` (at the ${price(e.preferred)} preferred price)` : '';
  const strike = e.options ? `, less the ${price(e.options.strike)} strike` : '';
  const rounds = o.futureRounds
    .map((r) => `${r.round.toUpperCase()} ${percent(r.dilution)}`)
    .join(', ');
  const dilution = rounds
    ? ` Carta's median dilution for the rounds still to come (${rounds}) leaves a holding ${percent(o.kept)} of its share of the company.`
    : '';
  const { years, rate: r } = o.discount;
  const n = o.futureRounds.length;
  const gap = `Carta's median ${o.roundGapYears} years between rounds`;
  const lines = [
    `What the stock may be worth (${o.stageLabel}), in today's dollars: ${percent(o.nothing)} chance of nothing; median ${money(o.p50)}; expected ${money(o.expected)} (risk-adjusted: the average exit, ${money(o.expectedAtExit)}, discounted ${years} years at ${rate(r)} a year, the long-run return of US stocks); a good outcome (P90) ${money(o.good)}. On paper${at}: ${money(e.paper)}.`,
    `A share at exit, as a multiple of the preferred price: median ${times(o.multiples.p50)}, expected ${times(o.multiples.expected)}, P90 ${times(o.multiples.good)}${strike}. Below 1x the investors' 1x liquidation preference takes it all.`,
    `${percent(o.fromTenfold)} of the expected value comes from outcomes of 10x or more: most outcomes are far below it. An exit is taken to be ${years} years away (${n > 0 ? `${gap}, for the ${plural(n, 'round')} still to come and the exit` : gap}).${dilution}`,
    `Odds: ${o.source} (${o.year}). Return of US stocks: ${o.discount.source} (${o.discount.year}).`,
  ];
  // Still above paper in today's dollars: one sentence says why.
  const why = [
    e.options &&
      `an option gains from every dollar an exit brings above its ${price(e.options.strike)} strike and cannot fall below $0, while paper counts only today's spread`,
    o.multiples.expected * (1 + r) ** -years > 1 &&
      `the average exit (${times(o.multiples.expected)} the preferred price in ${years} years) beats the stock market's ${rate(r)} a year: venture investors are paid a premium for risk and for waiting, which the ${percent(o.nothing)} chance of nothing and the ${money(o.p50)} median show is far from certain`,
  ].filter(Boolean);
  if (o.expected > e.paper && why.length > 0)
    lines.splice(1, 0, `Above paper even in today's dollars because ${why.join(', and ')}.`);
  return lines;
}

/** Keeping vested options on leaving: the window, the cash, the tax, the shares' expected value. */
function exerciseLine(x: NonNullable<Leave['exercise']>, nothing: number): string {
  const at = `the ${money(x.spread)} spread at ${price(x.fmv)} a share`;
  const tax =
    x.spread <= 0
      ? " (no tax: no spread at today's FMV)"
      : x.tax?.overLimit
        ? `, and, on ${at}, ${taxText(x.tax)}`
        : `, and ${taxText(x.tax)} on ${at}`;
  const ev =
    x.expected !== undefined
      ? ` The shares bought would have an expected value of ${money(x.expected)} in today's dollars (risk-adjusted; ${percent(nothing)} chance of nothing).`
      : '';
  const iso =
    x.type === 'iso' && x.windowMonths > 3
      ? ' An ISO exercised more than 3 months after leaving is taxed as an NSO.'
      : '';
  const by = x.windowMonths
    ? `within ${plural(x.windowMonths, 'month')} of leaving`
    : 'by the day you leave';
  return `To keep them: exercise ${by}, ${money(x.cost)} in cash${tax}.${ev}${iso}`;
}

/** The sentences of leaving early. */
export function leaveLines(doc: OfferDocument): string[] {
  const l = doc.leave;
  if (!l) return [];
  const e = doc.equity;
  // An offer without stock has no cliff to be before or past.
  const cliff = !e
    ? ''
    : l.cliffMonths === 0
      ? ' (no cliff)'
      : l.months < l.cliffMonths
        ? ` (before the ${l.cliffMonths}-month cliff: nothing vested)`
        : ` (past the ${l.cliffMonths}-month cliff)`;
  const out = [`Leaving after ${plural(l.months, 'month')}${cliff}.`];
  const paper = (text: string): string => (e?.private ? text : '');
  if (e?.options)
    out.push(
      `Vested: ${groupThousands(l.vested)} of ${groupThousands(e.options.count)} options (${percent(l.vestedShare)}); ${groupThousands(l.forfeited)} forfeited.`,
    );
  else if (e)
    out.push(
      `Vested: ${percent(l.vestedShare)} of the grant, ${money(l.vested)} at its grant value${paper(' (paper)')}; ${money(l.forfeited)} forfeited.`,
    );
  // Before the cliff no option vested: there is nothing to exercise, so nothing to keep.
  if (l.exercise && l.exercise.options > 0)
    out.push(exerciseLine(l.exercise, e?.odds?.nothing ?? 0));
  for (const s of l.signOn.filter((k) => k.owed > 0))
    out.push(`Sign-on owed back: ${money(s.owed)} of year ${s.year}'s ${money(s.paid)}.`);
  // Without --clawback nothing is owed back: say so, as many sign-ons must be repaid.
  const paid = l.signOn.reduce((sum, s) => sum + s.paid, 0);
  if (paid > 0 && !doc.offer.clawback)
    out.push(
      `Sign-on kept in full (${money(paid)}): no clawback given; many agreements ask for it back if you leave within 12 months (--clawback 12, or 12:full for all of it).`,
    );
  out.push(keptLine(doc, l));
  return out;
}

/** What is kept on leaving: cash, and the stock (paper, risk-adjusted) with what it adds. */
function keptLine(doc: OfferDocument, l: NonNullable<OfferDocument['leave']>): string {
  const e = doc.equity;
  const paper = (text: string): string => (e?.private ? text : '');
  const { cash, stock, expected } = l.kept;
  const bought = l.exercise?.expected !== undefined ? ': the shares, less buying them' : '';
  const ev =
    expected !== undefined ? ` (${money(expected)} risk-adjusted, today's dollars${bought})` : '';
  // Stock kept is more than the grant's vested dollars by the refreshers' vests and the growth.
  const more = [
    doc.offer.refresh > 0 && 'refreshers',
    doc.offer.growth !== 0 && 'the price change',
  ];
  const why = !e?.options && stock !== l.vested ? more.filter(Boolean).join(' and ') : '';
  const all = `; stock ${money(stock)}${paper(' on paper')}${why && ` (with ${why})`}${ev}; in all ${money(cash + stock)}${paper(' (cash + paper)')}`;
  return `Kept by then: cash ${money(cash)}${e ? all : ev}.`;
}

/** The note under the options table: how exercising is taxed, and the AMT room. */
function exerciseNotes(o: Options, leave?: Tax): string {
  const taxed = o.years.find((y) => y.tax);
  const t = taxed?.tax;
  // The room is the first taxed year's: other years' pay may differ (options over the ISO limit).
  const rooms = new Set(o.years.flatMap((y) => (y.tax?.room === undefined ? [] : [y.tax.room])));
  const pay = rooms.size > 1 ? `year ${taxed!.year}'s pay` : 'this pay';
  const guess = [...o.years.map((y) => y.tax), leave].some(
    (x) => x?.type === 'iso' && x.uncertain && x.amount > 0,
  )
    ? " AMT marked uncertain reaches the 28% rate, whose 2026 start is 2025's indexed: the IRS table was not read."
    : '';
  const iso =
    o.type === 'iso'
      ? `ISO: the spread is not wages but an AMT adjustment (${t?.taxYear ?? 2026} federal AMT: 26%/28% over the exemption, which phases out at 50 cents a dollar; state AMT left out).${t?.room !== undefined ? ` At ${pay} about ${money(t.room)} of spread a year triggers no AMT.` : ''}`
      : `NSO: the spread is wages when exercised (income tax, Social Security, Medicare, state); employers withhold federal tax at the flat supplemental rate${t?.withheld !== undefined ? ` (${money(t.withheld)} on year ${taxed!.year}'s${t.uncertain ? ': the 2025 rates; 2026 not yet published' : ''})` : ''}.`;
  // IRC 422(b)(4): an ISO's strike is at least the FMV on the day it is granted.
  const below =
    o.type === 'iso' && o.strike < o.fmv
      ? ` An ISO's strike is at least the stock's FMV on the day it is granted (IRC 422(b)(4)): granted today at ${price(o.strike)} under a ${price(o.fmv)} FMV, these would be NSOs (--option-type nso; "optionType" in an offer file).`
      : '';
  return `Exercise cost: ${money(o.exerciseCost)} for all ${groupThousands(o.count)} options at ${price(o.strike)}. Each year's row exercises that year's options at its FMV (${price(o.fmv)} today). ${iso}${guess}${below}`;
}

/** What the stock is worth at the exit price the user gave (--exit-price), in a sentence. */
export function exitLine(doc: OfferDocument): string | undefined {
  const e = doc.equity;
  const x = e?.atExit;
  if (!e || !x) return undefined;
  const grant = x.byYear.reduce((a, b) => a + b, 0);
  const cash = doc.years.reduce((a, y) => a + y.cash, 0);
  const what = e.options ? 'the options vesting each year are' : 'the stock vesting each year is';
  const strike = e.options ? ` after the ${price(e.options.strike)} strike` : '';
  const d = e.odds?.discount;
  const today = d
    ? `, in today's dollars (the exit ${d.years} years away, discounted ${rate(d.rate)} a year)`
    : '';
  const each = new Set(x.byYear).size === 1 ? money(x.byYear[0]!) : x.byYear.map(money).join(', ');
  return `At an exit at ${price(x.price)} a share (--exit-price: a price you chose, not a forecast), ${what} worth ${each}${strike}${today}: ${money(grant)} over ${plural(x.byYear.length, 'year')}, ${money(grant + cash)} with the cash.`;
}

/** With --leave-at inside year 1, the first year is the months before leaving: say so. */
export function shortYear(doc: OfferDocument): string {
  const months = doc.years[0]?.months;
  return months !== undefined && months < 12 ? `, the ${months} months before leaving` : '';
}

/** The report's equity sections: options year by year, the odds at an exit, leaving early. */
export function equitySections(doc: OfferDocument, look: Look): string[] {
  const { paint, width } = look;
  const out: string[] = [];
  const o = doc.equity?.options;
  if (o) {
    const [head, ...rows] = optionRows(o);
    out.push(
      paint.bold(wrap("Options year by year, each exercised at that year's FMV", width)),
      grid(head!, rows, { ...look, stack: 'rows' }),
      paint.dim(wrap(exerciseNotes(o, doc.leave?.exercise?.tax), width, '')),
    );
  }
  const [odds, ...notes] = oddsLines(doc);
  if (odds)
    out.push('', wrap(odds, width, '  '), ...notes.map((n) => paint.dim(wrap(n, width, ''))));
  const exit = exitLine(doc);
  if (exit) out.push('', wrap(exit, width, '  '));
  const [leave, ...kept] = leaveLines(doc);
  if (leave)
    out.push('', paint.bold(wrap(leave, width, '')), ...kept.map((n) => wrap(n, width, '  ')));
  return out;
}

/** The same in markdown: the options table and its note, the odds, leaving early. */
export function equityMarkdown(doc: OfferDocument): string[] {
  const out: string[] = [];
  const o = doc.equity?.options;
  if (o) {
    const [head, ...rows] = optionRows(o, true);
    out.push(...mdTable(head!, rows, 'rrrrrl'), '', exerciseNotes(o, doc.leave?.exercise?.tax), '');
  }
  const exit = exitLine(doc);
  for (const text of [oddsLines(doc), exit ? [exit] : [], leaveLines(doc)])
    if (text.length > 0) out.push(...text, '');
  return out;
}

/** One break-even in a sentence. */
export function breakEvenText(b: BreakEven): string {
  const over = `over ${b.horizon} years`;
  if (b.result === 'always')
    return `${b.of} is ahead of ${b.against} ${over} even if its stock is worth nothing.`;
  if (b.result === 'never' && b.reached !== undefined)
    return `${b.of} does not catch ${b.against} ${over}: no stock vests in them, and its ${money(b.reached)} is short of ${money(b.target)}.`;
  if (b.result === 'never')
    return `${b.of} does not catch ${b.against} ${over} ${b.kind === 'growth' ? 'even at +1000% a year.' : 'at any price: no stock vests by then.'}`;
  const counted = b.basis === 'expected' ? 'risk-adjusted' : 'as given';
  const head = `${b.of} catches ${b.against} (${money(b.target)} ${over}, ${counted})`;
  if (b.kind === 'growth')
    return `${head} if its stock price changes ${b.growth! >= 0 ? '+' : ''}${(b.growth! * 100).toFixed(2)}% a year.`;
  const d = b.discount;
  const when = d
    ? `the exit ${d.years} years away, discounted ${rate(d.rate)} a year as risk-adjusted is`
    : '';
  // A grant in dollars with no price a share: the multiple of its paper value is the condition.
  if (b.price === undefined)
    return `${head} if its stock is worth ${b.multiple}x the grant's paper value at an exit${when ? ` (${when})` : ''}.`;
  const mult =
    b.multiple !== undefined
      ? ` (${b.multiple}x the preferred price${when ? `; ${when}` : ''})`
      : '';
  const company =
    b.companyMultiple !== undefined
      ? `; after the dilution expected before an exit, a sale at ${b.companyMultiple}x today's valuation`
      : '';
  return `${head} at ${price(b.price)} a share at an exit${mult}${company}.`;
}

/** Side by side: each year's cash, then running totals of cash, cash + stock and risk-adjusted. */
function cashRows(doc: OffersDocument, md: boolean): [string[][], string[][]] {
  const at = (y: number, xs: readonly number[] | undefined): string =>
    xs?.[y - 1] === undefined ? '-' : money(xs[y - 1]!);
  const row = (label: string, cell: (o: OfferDocument) => string): string[] => [
    label,
    ...doc.offers.map(cell),
  ];
  const yearsCash = (o: OfferDocument): number[] => o.years.map((r) => r.cash);
  const cash: string[][] = [];
  const running: string[][] = [];
  for (let y = 1; y <= Math.max(...doc.offers.map((o) => o.years.length)); y++) {
    const span = y === 1 ? 'Year 1' : `Years 1-${y}`;
    const sub = (text: string): string => (md ? `${span}: ${text}` : `  ${text}`);
    const paper = (o: OfferDocument): string =>
      !o.equity?.private ? '' : md ? ' (paper)' : ' paper';
    cash.push(row(`Year ${y}${md ? ' cash' : ''}`, (o) => at(y, yearsCash(o))));
    // Markdown's one table has year 1's cash above: its running total is not said twice.
    if (!md || y > 1) running.push(row(`${span}: cash`, (o) => at(y, o.cumulative.cash)));
    running.push(
      row(sub('cash + stock'), (o) => at(y, o.cumulative.stock) + paper(o)),
      row(sub('risk-adjusted'), (o) => at(y, o.cumulative.expected)),
    );
  }
  return [cash, running];
}

const RUNNING_NOTE =
  "Cash + stock counts a listed company's stock at its price and a private company's on paper; risk-adjusted counts a private company's stock at its expected value at an exit in today's dollars (discounted over the years to an exit at the long-run return of US stocks; with --stage, '-' without) and a listed company's as it is.";

/** Side by side: the cash and running totals, what each row counts, the break-even. */
export function offersCash(doc: OffersDocument, labels: readonly string[], look: Look): string[] {
  const { paint, width } = look;
  const [cash, running] = cashRows(doc, false);
  return [
    paint.bold('Cash only (base + bonus + sign-on), year by year'),
    grid(['', ...labels], cash, look),
    paint.bold('Running totals'),
    grid(['', ...labels], running, look),
    paint.dim(wrap(RUNNING_NOTE, width, '')),
    ...(doc.breakEven ?? []).map((b) => paint.bold(wrap(breakEvenText(b), width, ''))),
  ];
}

/** The same in markdown. */
export function offersCashMarkdown(doc: OffersDocument): string[] {
  const labels = doc.offers.map((o, i) => o.label ?? `offer ${i + 1}`);
  const [cash, running] = cashRows(doc, true);
  const head = ['', ...labels.map(esc)];
  const table = mdTable(head, [...cash, ...running], `l${'r'.repeat(labels.length)}`);
  return [
    '### Side by side',
    '',
    ...table,
    '',
    ...(doc.breakEven ?? []).flatMap((b) => [breakEvenText(b), '']),
  ];
}
