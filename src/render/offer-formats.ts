// CSV and markdown of offer documents (the table is render/offer.ts).
import type { OfferDocument, OffersDocument } from '../documents/offer.js';
import type { BenefitYearRow } from '../documents/benefits.js';
import { money } from '../model/format.js';
import { csvRow, fileCell, PROFILE_COLUMNS, profileCells, TAX_COLUMNS, taxContext } from './csv.js';
import { equityMarkdown, offersCashMarkdown, shortYear, yearLabel } from './equity.js';
import { esc, FIVE, mdTable, netContext, netMarkdown, netNotes, PARTS } from './text.js';
import { profileMarkdown, yearsAndLevel } from './text.js';
import { benefitsMarkdown } from './benefits.js';
import { counterMarkdown } from './counter.js';

type Cell = string | number;

/**
 * CSV: one row per offer and year (with --take-home, its net and what it is of: state, local,
 * filing, tax_year), cash apart from the stock (`stock_basis`: market for a listed
 * company, paper for a private one; `risk_adjusted`: cash + the stock's expected value today of an
 * exit, with a stage), then first-year, annualized, total-vs-market (the annualized base +
 * bonus + stock, sign-on left out, with its percentile and verdict), the running totals
 * (`cumulative-N`), and what the stock may be worth (`exit-*`: in today's dollars, but for
 * `exit-expected-at-exit`; the years and rate of the discount), what leaving keeps and where
 * each offer catches the first (`break-even`) as rows whose figure is in `total`; an offer's
 * notes and its nets' (with --take-home) as `note` rows, the text in a `note` column. Every row
 * ends with the offer's profile as the estimate's CSV names it (`years`..`level`, `defaulted`,
 * `market_file` with --data), then `note`, there for every offer.
 */
export function offerCsv(docs: readonly OfferDocument[], many?: OffersDocument): string {
  const taxed = docs.some((d) => d.years.some((y) => y.takeHome));
  const options = docs.some((d) => d.equity?.options);
  const leave = docs.some((d) => d.leave);
  const head = ['label', 'private', 'year'];
  if (leave) head.push('months');
  head.push('base', 'bonus', 'stock', 'sign_on');
  if (leave) head.push('clawback');
  head.push('cash', 'total', 'stock_basis', 'risk_adjusted');
  if (docs.some((d) => d.equity?.atExit)) head.push('at_exit');
  if (options) head.push('options_vested', 'exercise_cost', 'exercise_spread', 'exercise_tax');
  head.push('total_percentile', 'total_verdict');
  if (taxed) head.push(...TAX_COLUMNS, 'net');
  // Benefits: their own columns, apart from `total` (the market comparison has none).
  if (docs.some((d) => d.benefits)) head.push('match', 'espp', 'benefits');
  const netNoted = docs.map((d) => netNotes(netsOf(d), true));
  head.push(...PROFILE_COLUMNS, 'defaulted', ...Object.keys(fileCell(docs[0]!)), 'note');
  let out = csvRow(head);
  const row = (values: Record<string, Cell | undefined>): void => {
    out += csvRow(head.map((h) => values[h] ?? ''));
  };
  const counterRows = (d: OfferDocument, common: Record<string, Cell>): void => {
    const k = d.counter;
    // A counter-offer: what it asks (stock: the whole grant; sign-on: summed) and its target.
    if (k?.target) {
      const ask = (part: string): number | undefined => k.parts.find((p) => p.part === part)?.to;
      row({
        ...common,
        year: 'counter',
        base: ask('base'),
        bonus: ask('bonus'),
        stock: ask('equity'),
        sign_on: ask('signOn'),
        total: k.target.total,
        total_percentile: k.target.percentile,
      });
      row({ ...common, year: 'counter-gain-first-year', total: k.gains.firstYear });
      row({ ...common, year: `counter-gain-${k.gains.years}-years`, total: k.gains.total });
    } else if (k) {
      // Nothing asked: why (at-target, above-ceiling, capped), at the offer's own total (A16).
      const { total, percentile } = k.offer;
      row({ ...common, year: `counter-${k.status}`, total, total_percentile: percentile });
    }
  };
  const notes = (d: OfferDocument, i: number, common: Record<string, Cell>): void => {
    for (const note of [...(d.notes ?? []), ...netNoted[i]!])
      row({ ...common, year: 'note', note });
  };
  docs.forEach((d, i) => {
    const label = d.label ?? `offer ${i + 1}`;
    const who = profileCells(d.profile, d.level);
    const common = Object.fromEntries(PROFILE_COLUMNS.map((c, k) => [c, who[k]!]));
    Object.assign(common, { label, private: String(d.offer.private), ...fileCell(d) });
    Object.assign(common, { stock_basis: d.equity?.basis ?? '', defaulted: d.defaulted.join(';') });
    const ev = d.equity?.expectedByYear;
    const ax = d.equity?.atExit?.byYear;
    d.years.forEach((y, k) => {
      const o = d.equity?.options?.years[k];
      row({
        ...common,
        year: y.year,
        months: y.months ?? 12,
        base: y.base,
        bonus: y.bonus,
        stock: y.equity,
        sign_on: y.signOn,
        clawback: y.clawback ?? 0,
        cash: y.cash,
        total: y.total,
        risk_adjusted: ev ? y.cash + (ev[k] ?? 0) : d.equity?.private ? '' : y.total,
        at_exit: ax ? y.cash + (ax[k] ?? 0) : undefined,
        options_vested: o?.vested,
        exercise_cost: o?.exerciseCost,
        exercise_spread: o?.spread,
        exercise_tax: o?.tax?.amount ?? (o ? 0 : undefined),
        ...taxContext(y.takeHome),
        net: y.takeHome?.net,
        ...benefitCells(d.benefits?.years.find((r) => r.year === y.year)),
      });
    });
    row({ ...common, year: 'first-year', total: d.firstYear });
    const a = d.annualized;
    const parts = { ...common, base: a.base, bonus: a.bonus, stock: a.equity };
    row({ ...parts, year: 'annualized', sign_on: a.signOn, total: a.total });
    // The percentile is of the annualized total without its sign-on (the market's figures have
    // none): its own row, as the table's "Total vs market", with the figure it is of.
    row({
      ...parts,
      year: 'total-vs-market',
      total: a.base + a.bonus + a.equity,
      total_percentile: d.position.total.percentile,
      total_verdict: d.position.total.verdict,
    });
    const c = d.cumulative;
    c.cash.forEach((cash, k) =>
      row({
        ...common,
        year: `cumulative-${k + 1}`,
        cash,
        total: c.stock[k],
        risk_adjusted: c.expected?.[k],
      }),
    );
    const odds = d.equity?.odds;
    if (odds) {
      for (const [name, value] of [
        ['exit-chance-of-nothing', odds.nothing],
        ['exit-p50', odds.p50],
        ['exit-expected', odds.expected],
        ['exit-expected-at-exit', odds.expectedAtExit],
        ['exit-years', odds.discount.years],
        ['exit-discount-rate', odds.discount.rate],
        ['exit-good-p90', odds.good],
        ['paper', d.equity!.paper],
      ] as const)
        row({ ...common, year: name, total: value });
    }
    counterRows(d, common);
    notes(d, i, common);
    const l = d.leave;
    if (l) {
      row({
        ...common,
        year: `kept-on-leaving-${l.months}`,
        months: l.months,
        clawback: -l.owed,
        cash: l.kept.cash,
        stock: l.kept.stock,
        total: l.kept.cash + l.kept.stock,
        risk_adjusted: l.kept.expected === undefined ? undefined : l.kept.cash + l.kept.expected,
        options_vested: l.exercise?.options,
        exercise_cost: l.exercise?.cost,
        exercise_spread: l.exercise?.spread,
        exercise_tax: l.exercise ? (l.exercise.tax?.amount ?? 0) : undefined,
      });
    }
  });
  for (const b of many?.breakEven ?? []) {
    const value = b.kind === 'growth' ? b.growth : (b.price ?? b.multiple);
    row({
      label: b.of,
      year: `break-even-${b.kind}`,
      total: b.result === 'found' ? value : b.result,
    });
  }
  return out;
}

/** An offer's nets, each labelled by its year ("Year 2") or by `label`. */
const netsOf = (d: OfferDocument, label?: string) =>
  d.years.flatMap((y) => (y.takeHome ? [[label ?? `Year ${y.year}`, y.takeHome] as const] : []));

/** A year's benefit cells, when the offer has benefits. */
const benefitCells = (b?: BenefitYearRow): Record<string, Cell> =>
  b ? { match: b.match, espp: b.espp, benefits: b.total } : {};

/** Markdown: each offer's year-by-year table, its stock, leaving early, where each part sits. */
export function offerMarkdown(docs: readonly OfferDocument[], many?: OffersDocument): string {
  const lines: string[] = [];
  // Side by side: the notes every offer's nets have (the disclaimer, --state's) once, under it.
  const taxed = docs.map((d) => netNotes(netsOf(d))).filter((n) => n.length);
  const shared =
    many && taxed.length > 1 ? taxed[0]!.filter((n) => taxed.every((t) => t.includes(n))) : [];
  docs.forEach((d, i) => {
    const l = d.labels;
    lines.push(
      `### Offer${d.label ? ` ${d.label}` : docs.length > 1 ? ` ${i + 1}` : ''}: ${yearsAndLevel(d)}, ${l.city}, ${l.industry}`,
      '',
      profileMarkdown('Profile:', d.profile, d.defaulted, d.profile.level),
      '',
    );
    const taxed = d.years.some((y) => y.takeHome);
    const paper = d.offer.private;
    const ev = d.equity?.expectedByYear;
    const columns = ['Year', 'Base', 'Bonus', 'Sign-on', 'Cash', paper ? 'Stock (paper)' : 'Stock'];
    columns.push(paper ? 'Cash + paper' : 'Total');
    if (ev) columns.push("Stock (risk-adjusted, today's $)");
    if (taxed) columns.push('Net after tax');
    const rows = d.years.map((y, k) => {
      const signOn = y.clawback
        ? `${money(y.signOn)} (${money(y.clawback)} paid back)`
        : money(y.signOn);
      const cells = [yearLabel(y), money(y.base), money(y.bonus), signOn];
      cells.push(...[y.cash, y.equity, y.total].map(money));
      if (ev) cells.push(money(ev[k] ?? 0));
      if (taxed) cells.push(y.takeHome ? money(y.takeHome.net) : '');
      return cells;
    });
    lines.push(...mdTable(columns, rows, 'r'.repeat(columns.length)));
    lines.push(...netMarkdown(netsOf(d), shared));
    lines.push('', ...benefitsMarkdown(d));
    if (paper)
      lines.push(
        'Private company: the stock is paper, not cash; the cash column leaves it out.',
        '',
      );
    for (const n of d.notes ?? []) lines.push(n, '');
    lines.push(...equityMarkdown(d));
    lines.push(
      `First year: ${money(d.firstYear)}${paper ? ' (cash + stock on paper)' : ''}${shortYear(d)}. Annualized${d.leave ? ', as offered (staying)' : ''} (levels.fyi: grant / vesting years, sign-on / 4): ${money(d.annualized.total)}${paper ? ' (cash + paper)' : ''}.`,
      '',
    );
    const a = d.annualized;
    const values = { ...a, total: a.base + a.bonus + a.equity };
    const market = PARTS.map((key) => {
      const p = d.position[key];
      const range = FIVE.map((f) => money(d.market[key][f]));
      return [key, money(values[key]), ...range, `≈${p.percentile}`, p.verdict];
    });
    const range = ['Market P10', 'P25', 'Typical', 'P75', 'P90'];
    lines.push(
      ...mdTable(['', 'Offer', ...range, '≈ Percentile', 'Verdict'], market, 'lrrrrrrrl'),
      '',
      "Total: base + target bonus + the grant per year; sign-on is left out, as the market's figures leave it out.",
      '',
    );
    if (d.counter) lines.push(...counterMarkdown(d.counter));
  });
  if (many) lines.push(...offersCashMarkdown(many));
  if (shared.length) {
    const nets = docs.flatMap((d, i) => netsOf(d, d.label ?? `offer ${i + 1}`));
    lines.push(`Net after tax: ${netContext(nets)}.`, '', ...shared.map((n) => `- ${esc(n)}`), '');
  }
  return `${lines.join('\n')}`;
}
