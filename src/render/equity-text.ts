// The equity parts of an offer in words, for the table report and markdown alike: a private
// company's odds at an exit, options and their tax on exercise, what leaving early keeps. Every
// figure is the document's; each dollar figure says whether it is cash, paper or risk-adjusted.
import type { Odds } from '../documents/equity.js';
import type { OfferDocument } from '../documents/offer.js';
import type { Tax } from '../model/exercise.js';
import { groupThousands, money, percent, plural } from '../model/format.js';

/** A price a share: $4.00, $1.20, $0.8525 (cents, or as many places as it has). */
export function price(x: number): string {
  const cents = Math.round(x * 100);
  return Math.abs(x * 100 - cents) < 1e-9 ? `$${(cents / 100).toFixed(2)}` : `$${x}`;
}

/** A multiple: 0x, 1.99x, 5x. */
const times = (x: number): string => `${Math.round(x * 100) / 100}x`;

/** A yearly rate to two places: 9.94%. */
export const rate = (x: number): string => `${Math.round(x * 10000) / 100}%`;

const ROUND: Record<string, string> = { a: 'A', b: 'B', c: 'C', d: 'D' };

/** The tax on one exercise in a few words: "$1,139 as wages", "no AMT", "$817 AMT". */
export function taxText(t: Tax | undefined): string {
  if (!t) return '$0 (no spread)';
  if (t.type === 'nso') return `${money(t.amount)} as wages`;
  const over = t.overLimit ? `, incl. ${t.overLimit} options over the ISO limit as wages` : '';
  return t.amount === 0 ? `no AMT${over}` : `${money(t.amount)} AMT${over}`;
}

/** The sentences of a private company's odds at an exit. */
export function oddsLines(doc: OfferDocument): string[] {
  const e = doc.equity;
  const o: Odds | undefined = e?.odds;
  if (!e || !o) return [];
  const at = e.preferred !== null ? ` (at the ${price(e.preferred)} preferred price)` : '';
  const strike = e.options ? `, less the ${price(e.options.strike)} strike` : '';
  const rounds = o.futureRounds
    .map((r) => `${ROUND[r.round] ?? r.round} ${percent(r.dilution)}`)
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
function exerciseLine(
  x: NonNullable<OfferDocument['leave']>['exercise'] & object,
  nothing: number,
): string {
  const tax =
    x.spread > 0
      ? `, and ${taxText(x.tax)} on the ${money(x.spread)} spread at ${price(x.fmv)} a share`
      : " (no tax: no spread at today's FMV)";
  const ev =
    x.expected !== undefined
      ? ` The shares bought would have an expected value of ${money(x.expected)} in today's dollars (risk-adjusted; ${percent(nothing)} chance of nothing).`
      : '';
  const iso =
    x.type === 'iso' && x.windowMonths > 3
      ? ' An ISO exercised more than 3 months after leaving is taxed as an NSO.'
      : '';
  return `To keep them: exercise within ${plural(x.windowMonths, 'month')} of leaving, ${money(x.cost)} in cash${tax}.${ev}${iso}`;
}

/** The sentences of leaving early. */
export function leaveLines(doc: OfferDocument): string[] {
  const l = doc.leave;
  if (!l) return [];
  const e = doc.equity;
  const cliff =
    l.cliffMonths === 0
      ? 'no cliff'
      : l.months < l.cliffMonths
        ? `before the ${l.cliffMonths}-month cliff: nothing vested`
        : `past the ${l.cliffMonths}-month cliff`;
  const out = [`Leaving after ${plural(l.months, 'month')} (${cliff}).`];
  if (e?.kind === 'options' && e.options) {
    out.push(
      `Vested: ${groupThousands(l.vested)} of ${groupThousands(e.options.count)} options (${percent(l.vestedShare)}); ${groupThousands(l.forfeited)} forfeited.`,
    );
  } else if (e) {
    out.push(
      `Vested: ${percent(l.vestedShare)} of the grant, ${money(l.vested)} at its grant value${e.private ? ' (paper)' : ''}; ${money(l.forfeited)} forfeited.`,
    );
  }
  if (l.exercise) out.push(exerciseLine(l.exercise, e?.odds?.nothing ?? 0));
  for (const s of l.signOn.filter((k) => k.owed > 0))
    out.push(`Sign-on owed back: ${money(s.owed)} of year ${s.year}'s ${money(s.paid)}.`);
  const stock = e ? `; stock ${money(l.kept.stock)}${e.private ? ' on paper' : ''}` : '';
  const ev =
    l.kept.expected !== undefined
      ? ` (${money(l.kept.expected)} risk-adjusted, today's dollars)`
      : '';
  const all = e
    ? `; in all ${money(l.kept.cash + l.kept.stock)}${e.private ? ' (cash + paper)' : ''}`
    : '';
  out.push(`Kept by then: cash ${money(l.kept.cash)}${stock}${ev}${all}.`);
  return out;
}

/** The note under the options table: how exercising is taxed, and the AMT room. */
export function exerciseNotes(doc: OfferDocument): string[] {
  const o = doc.equity?.options;
  if (!o) return [];
  const taxed = o.years.find((y) => y.tax)?.tax;
  const iso =
    o.type === 'iso'
      ? `ISO: the spread is not wages but an AMT adjustment (${taxed?.taxYear ?? 2026} federal AMT: 26%/28% over the exemption, which phases out at 50 cents a dollar; state AMT left out).${taxed?.room !== undefined ? ` At this pay about ${money(taxed.room)} of spread a year triggers no AMT.` : ''}`
      : `NSO: the spread is wages when exercised (income tax, Social Security, Medicare, state); employers withhold federal tax at the flat supplemental rate${taxed?.withheld !== undefined ? ` (${money(taxed.withheld)} on year ${o.years.find((y) => y.tax)!.year}'s)` : ''}.`;
  return [
    `Exercise cost: ${money(o.exerciseCost)} for all ${groupThousands(o.count)} options at ${price(o.strike)}. Each year's row exercises that year's options at its FMV (${price(o.fmv)} today). ${iso}`,
  ];
}
