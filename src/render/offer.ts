// An offer (or several) for people: year by year, first year and annualized, and where each part
// sits against the market, with a range bar per part and the offer marked.
import type { Charset } from './chart.js';
import { groupThousands, money, percent, plural, signedMoney } from '../model/format.js';
import type { OfferDocument, OffersDocument } from '../documents/offer.js';
import { VERDICT_WORDS, type Position } from '../model/percentile.js';
import { grid } from './grid.js';
import { defaultedNote, marked } from './profile.js';
import { rangeBars } from './report.js';
import { renderTakeHomeTable } from './take-home.js';
import { about, capitalised, netNotes, PARTS, placeName, reportLines, wrap } from './text.js';
import { yearsAndLevel, type Look } from './text.js';
import { equitySections, exitLine, offersCash, price, shortYear } from './equity.js';
import { yearTable, yearRows } from './equity.js';
import { benefitsSection, offersBenefits } from './benefits.js';
import { counterSection } from './counter.js';

/** The offer's profile in one line: "5 years (mid) | Seattle | Big tech (FAANG) | ...". */
function profileLine(doc: OfferDocument): string {
  const who = yearsAndLevel(doc);
  return `${who} | ${marked([], doc.profile, doc.labels)}`;
}

/** An offer's terms in one line: base, bonus, grant, schedule, sign-on, private, growth. */
function termsLine(doc: OfferDocument): string {
  const o = doc.offer;
  const parts = [`base ${money(o.base)}`];
  if (o.bonus)
    parts.push(
      `bonus ${o.bonus.kind === 'percent' ? percent(o.bonus.value) : money(o.bonus.amount)}`,
    );
  const on = `on ${o.vesting.id} ${o.vesting.percents.join('/')}${o.private ? ' (private: paper)' : ''}`;
  if (o.options)
    parts.push(
      `${groupThousands(o.options.count)} ${o.options.type.toUpperCase()} options at ${price(o.options.strike)} (FMV ${price(o.options.fmv)}${o.preferred !== undefined ? `, preferred ${price(o.preferred)}` : ''}) ${on}`,
    );
  else if (o.equity > 0) parts.push(`grant ${money(o.equity)} ${on}`);
  if (o.stage) parts.push(`stage ${o.stage}`);
  if (o.leaveAt !== undefined) parts.push(`leaving after ${o.leaveAt} months`);
  if (o.refresh > 0) parts.push(`refresher ${money(o.refresh)} a year`);
  if (o.signOn.length > 0) parts.push(`sign-on ${o.signOn.map(money).join(' + ')}`);
  if (o.growth !== 0)
    parts.push(`stock price ${o.growth > 0 ? '+' : ''}${percent(o.growth)} a year`);
  return parts.join(', ');
}

/** How the stock vests, in words: "amazon 5/15/40/40 of a $400,000 grant; price change 0% a year". */
function vestingLine(doc: OfferDocument): string {
  const o = doc.offer;
  if (o.options) {
    const p = o.preferred !== undefined ? `, last preferred price ${price(o.preferred)}` : '';
    return `Options: ${groupThousands(o.options.count)} ${o.options.type.toUpperCase()} options at a ${price(o.options.strike)} strike (FMV today ${price(o.options.fmv)}${p})${o.private ? ', private company: paper' : ''}, vesting ${o.vesting.id} ${o.vesting.percents.join('/')}${o.cliffMonths ? ` after a ${o.cliffMonths}-month cliff` : ''}; FMV change ${percent(o.growth)} a year.`;
  }
  if (o.equity === 0) return 'No stock grant.';
  const schedule = `${o.vesting.id} ${o.vesting.percents.join('/')}`;
  const refresh = o.refresh > 0 ? `, plus a ${money(o.refresh)} refresher each year` : '';
  const paper = o.private ? ' (private company: paper value)' : '';
  return `Stock: a ${money(o.equity)} grant${paper} vesting ${schedule}${refresh}; stock price change ${percent(o.growth)} a year.`;
}

/** "≈P23, below typical (P10-P25): $21,234 under the median". */
function positionText(p: Position, charset: Charset): string {
  const gap =
    p.gap === 0
      ? 'at the median'
      : `${money(Math.abs(p.gap))} ${p.gap < 0 ? 'under' : 'over'} the median`;
  return `${about(charset)}P${p.percentile}, ${VERDICT_WORDS[p.verdict]}: ${gap}`;
}

/**
 * `head` then `text` wrapped under it (`wrap` drops a text's leading spaces and measures its first
 * line as if indented, so the head goes in front of the wrapped text, not into it). A head wider
 * than half the terminal goes on a line of its own.
 */
function hanging(head: string, text: string, width: number): string {
  if (width > 0 && head.length > width / 2)
    return `${head.trimEnd()}\n    ${wrap(text, width, '    ')}`;
  return head + wrap(text, width, ' '.repeat(head.length));
}

/** The whole report of one offer. */
export function renderOfferReport(doc: OfferDocument, opts: Look): string {
  const { paint, width } = opts;
  const out = reportLines(paint, width);
  const a = doc.annualized;
  out.bold(`Offer${doc.label ? ` ${doc.label}` : ''}: ${profileLine(doc)}`, '  ');
  out.plain(vestingLine(doc), '  ');
  out.lines.push(yearTable(doc, opts));
  out.lines.push(...benefitsSection(doc, opts));
  const sections = equitySections(doc, opts);
  if (sections.length > 0) out.lines.push(...sections, '');
  const first = money(doc.firstYear);
  const paper = doc.equity?.private ? ' (cash + stock on paper)' : '';
  const firstLine = wrap(`First year: ${first}${paper}${shortYear(doc)}`, width, '  ');
  out.lines.push(firstLine.replace(first, paint.bold(first)));
  const signOn = doc.offer.signOn.reduce((x, y) => x + y, 0);
  out.plain(
    `Annualized${doc.leave ? ', as offered (staying)' : ''}: ${money(a.total)}${doc.offer.private ? ' (cash + paper)' : ''} (levels.fyi's convention: base ${money(a.base)} + grant ${money(doc.equity?.paper ?? doc.offer.equity)} / ${plural(doc.offer.vesting.percents.length, 'year')} + target bonus ${money(a.bonus)} + sign-on ${money(signOn)} / 4)`,
    '  ',
  );
  out.lines.push('');
  out.bold(`Against the market for this profile (${about(opts.charset)} percentile: approximate)`);
  const values = { ...a, total: a.base + a.bonus + a.equity };
  const labelWidth = 8;
  const figureWidth = Math.max(...PARTS.map((k) => money(values[k]).length));
  const verdictLine = (label: string, value: number, p: Position): string =>
    hanging(
      `  ${label.padEnd(labelWidth)}${money(value).padStart(figureWidth)}  `,
      positionText(p, opts.charset),
      width,
    );
  // The total here is a year's base, bonus and stock (grant / vesting years): the market's
  // figures leave sign-on out, so the comparison does too.
  // A private company's stock is paper: its line says so.
  const named = (key: string): string =>
    key === 'equity' && doc.offer.private ? 'Paper' : capitalised(key);
  for (const key of PARTS) {
    const line = key === 'total' ? 'Total*' : named(key);
    out.lines.push(verdictLine(line, values[key], doc.position[key]));
  }
  if (doc.position.cash) out.lines.push(verdictLine('Cash', a.base + a.bonus, doc.position.cash));
  // The quartiles each part was judged against: typical means between them.
  const quartiles = PARTS.map(
    (k) => `${k} ${money(doc.market[k].p25)}-${money(doc.market[k].p75)}`,
  );
  out.dim(`Typical (P25-P75) here: ${quartiles.join(', ')}.`);
  out.lines.push(
    ...rangeBars(
      PARTS.map((key) => [named(key), doc.market[key], values[key]] as const),
      { ...opts, markerName: 'this offer' },
    ),
  );
  out.dim(
    `* Total a year: base + target bonus + ${doc.equity ? `stock, the grant per year (${money(doc.equity.paper)} / ${doc.offer.vesting.percents.length})` : 'stock (none in this offer)'}; sign-on is left out, as the market's figures leave it out. Typical means the market's middle half (P25-P75); percentiles are read between its five stated ones (P10, P25, median, P75, P90, calibrated on real pay records: docs/methodology.md): a guide, not a measurement.`,
  );
  if (doc.offer.private) {
    out.dim(
      `Private company: the stock is paper and may never be sold (its floor is $0), so the cash (base + bonus) is judged on its own above.`,
    );
  }
  for (const n of doc.notes ?? []) out.yellow(n);
  // The market this offer is judged against is that of the profile as defaulted.
  const defaulted = defaultedNote(doc.defaulted, doc.profile, doc.labels);
  if (defaulted) out.yellow(defaulted);
  if (doc.counter) out.lines.push(...counterSection(doc.counter, opts));
  if (doc.years.some((y) => y.takeHome)) {
    const columns = doc.years.map((y) => [`Year ${y.year}`, y.takeHome!] as const);
    out.lines.push('', renderTakeHomeTable(columns, opts));
  }
  return `${out.lines.join('\n')}\n`;
}

/** Several offers in columns: each year's total, the first year, annualized, the difference. */
export function renderOffersReport(doc: OffersDocument, opts: Look): string {
  const { paint, width } = opts;
  const out = reportLines(paint, width);
  const labels = doc.offers.map((o, i) => o.label ?? `offer ${i + 1}`);
  out.bold(`${doc.offers.length} offers side by side`);
  const paper = doc.offers
    .filter((o) => o.equity?.private)
    .map((o, i) => o.label ?? `offer ${i + 1}`);
  doc.offers.forEach((o, i) => {
    out.item(`${labels[i]}: ${profileLine(o)}`);
    out.lines.push(`    ${wrap(termsLine(o), width, '      ')}`);
  });
  const years = Math.max(...doc.offers.map((o) => o.years.length));
  const total = (r?: { total: number }): string | undefined => r && money(r.total);
  const rows = yearRows(years, doc.offers, (o, y) => total(o.years.find((r) => r.year === y)));
  rows.push(['First year', ...doc.offers.map((o) => money(o.firstYear))]);
  rows.push(['Annualized', ...doc.offers.map((o) => money(o.annualized.total))]);
  const a = about(opts.charset);
  // Where each offer's yearly total (base + bonus + stock, as in the one-offer report) sits in
  // the market for its own profile.
  rows.push(['Total vs market', ...doc.offers.map((o) => `${a}P${o.position.total.percentile}`)]);
  const onPaper = paper.length > 0 ? ` (${paper.join(', ')}: private stock on paper)` : '';
  out.bold(`Total a year: cash + stock${onPaper}`);
  out.lines.push(grid(['', ...labels], rows, { ...opts, bold: [rows.length - 2] }));
  if (doc.offers.length > 1) {
    const first = labels[0]!;
    const diffs = doc.difference.slice(1);
    const signed = (r?: { total: number }): string | undefined => r && signedMoney(r.total);
    const diffRows = yearRows(years, diffs, (d, y) => signed(d.years.find((r) => r.year === y)));
    diffRows.push(['First year', ...diffs.map((d) => signedMoney(d.firstYear))]);
    diffRows.push(['Annualized', ...diffs.map((d) => signedMoney(d.annualized))]);
    out.bold(`Difference from ${first}`);
    out.lines.push(grid(['', ...diffs.map((d) => d.label)], diffRows, opts));
  }
  out.lines.push(...offersBenefits(doc.offers, labels, opts));
  out.lines.push(...offersCash(doc, labels, opts));
  if (doc.offers.some((o) => o.years.some((y) => y.takeHome))) {
    out.lines.push(...offersNet(doc.offers, labels, years, opts));
  }
  out.dim(
    `Totals: base + target bonus + stock vested that year + sign-on paid that year${paper.length > 0 ? ` (${paper.join(', ')}: private stock, counted on paper: not cash)` : ''}. Annualized: levels.fyi's convention (grant / vesting years, sign-on / 4). Total vs market: the percentile of base + bonus + the grant per year in the market for each offer's own profile (approximate). Run one offer file alone for its year-by-year parts and where each part sits.`,
  );
  // An offer file's exitPrice: its sentence, as the one-offer report has it (CSV at_exit, JSON atExit).
  doc.offers.forEach((o, i) => {
    const exit = exitLine(o);
    if (exit) out.lines.push(wrap(`${labels[i]}: ${exit}`, width, '  '));
  });
  // A year cut short by leaving is a cell like any other here (the one-offer table says '2 (6 mo)').
  doc.offers.forEach(({ leave: l }, i) => {
    const part =
      l && l.months % 12
        ? `: its year ${Math.ceil(l.months / 12)} is ${l.months % 12} months (their base, no bonus)`
        : '';
    if (l)
      out.dim(
        `${labels[i]} leaves after ${l.months} months${part}; its annualized figure is as offered (staying).`,
      );
  });
  // A note every offer has (a --data file, one city's) once; the others under their offer's label.
  const all = (n: string) => doc.offers.every((o) => o.notes?.includes(n));
  for (const n of doc.offers[0]!.notes ?? []) if (all(n)) out.yellow(n);
  doc.offers.forEach((o, i) => o.notes?.forEach((n) => all(n) || out.yellow(`${labels[i]}: ${n}`)));
  return `${out.lines.join('\n')}\n`;
}

/**
 * With --take-home, side by side: each year's net after tax per offer ('-' for a year an offer
 * lacks), under a heading with the filing status, the tax year and where each offer is taxed (as
 * the one-offer report's take-home table has), then the take-home notes (a federal-only place).
 */
function offersNet(
  offers: readonly OfferDocument[],
  labels: readonly string[],
  years: number,
  opts: Look,
): string[] {
  const { paint, width } = opts;
  const nets = offers.flatMap((o, i) =>
    o.years.flatMap((y) => (y.takeHome ? [[labels[i]!, y.takeHome] as const] : [])),
  );
  const first = nets[0]![1];
  const places = offers.map((o) => {
    const view = o.years.find((y) => y.takeHome)?.takeHome;
    return view ? placeName(view) : '-';
  });
  const where =
    new Set(places).size === 1 ? places[0]! : labels.map((l, i) => `${l} ${places[i]!}`).join(', ');
  const net = (t?: { net: number }): string | undefined => t && money(t.net);
  const rows = yearRows(years, offers, (o, y) => net(o.years.find((r) => r.year === y)?.takeHome));
  const out = reportLines(paint, width);
  out.bold(`Net after tax, year by year (${first.filing}, tax year ${first.taxYear}; ${where})`);
  // An offer whose net leaves its stock out (options, private stock: gross is the cash alone).
  const cashOnly = offers.map((o) =>
    o.years.some((y) => y.takeHome && y.equity > 0 && y.takeHome.gross < y.cash + y.equity),
  );
  const heads = labels.map((l, i) => (cashOnly[i] ? `${l} (cash only)` : l));
  out.lines.push(grid(['', ...heads], rows, opts));
  out.dim(
    "Net: each year's total after the taxes on it; run one offer file alone with --take-home for each tax.",
  );
  // Every offer's notes once; one offer's (or some years') after its label (review4 leftover).
  for (const n of netNotes(nets, true)) out.dim(n);
  return out.lines;
}
