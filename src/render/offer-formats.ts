// CSV and markdown of offer documents (the table is render/offer.ts).
import { money } from '../model/format.js';
import type { OfferDocument } from '../documents/offer.js';
import { csvRow } from './csv.js';

/**
 * CSV: one row per offer and year (with --take-home, its net), then first-year, annualized, and
 * total-vs-market: the annualized base + bonus + stock, sign-on left out, with its percentile and
 * verdict in the market (the annualized row's total includes sign-on / 4, so it has none).
 */
export function offerCsv(docs: readonly OfferDocument[]): string {
  const taxed = docs.some((d) => d.years.some((y) => y.takeHome));
  const head = [
    'label',
    'year',
    'base',
    'bonus',
    'stock',
    'sign_on',
    'total',
    'total_percentile',
    'total_verdict',
  ];
  let out = csvRow(taxed ? [...head, 'net'] : head);
  const row = (cells: (string | number)[], net?: number) =>
    csvRow(taxed ? [...cells, net ?? ''] : cells);
  docs.forEach((d, i) => {
    const label = d.label ?? `offer ${i + 1}`;
    for (const y of d.years) {
      out += row(
        [label, y.year, y.base, y.bonus, y.equity, y.signOn, y.total, '', ''],
        y.takeHome?.net,
      );
    }
    out += row([label, 'first-year', '', '', '', '', d.firstYear, '', '']);
    const a = d.annualized;
    out += row([label, 'annualized', a.base, a.bonus, a.equity, a.signOn, a.total, '', '']);
    // The percentile is of the annualized total without its sign-on (the market's figures have
    // none): its own row, as the table's "Total vs market", with the figure it is of.
    out += row([
      label,
      'total-vs-market',
      a.base,
      a.bonus,
      a.equity,
      '',
      a.base + a.bonus + a.equity,
      d.position.total.percentile,
      d.position.total.verdict,
    ]);
  });
  return out;
}

/** Markdown: each offer's year-by-year table and where each part sits. */
export function offerMarkdown(docs: readonly OfferDocument[]): string {
  const usd = money;
  const lines: string[] = [];
  docs.forEach((d, i) => {
    const l = d.labels;
    lines.push(
      `### Offer${d.label ? ` ${d.label}` : docs.length > 1 ? ` ${i + 1}` : ''}: ${d.profile.years} years (${d.level}), ${l.city}, ${l.industry}`,
    );
    lines.push('');
    const taxed = d.years.some((y) => y.takeHome);
    lines.push(
      `| Year | Base | Bonus | Stock | Sign-on | Total |${taxed ? ' Net after tax |' : ''}`,
    );
    lines.push(`|---:|---:|---:|---:|---:|---:|${taxed ? '---:|' : ''}`);
    for (const y of d.years) {
      const net = taxed ? ` ${y.takeHome ? usd(y.takeHome.net) : ''} |` : '';
      lines.push(
        `| ${y.year} | ${usd(y.base)} | ${usd(y.bonus)} | ${usd(y.equity)} | ${usd(y.signOn)} | ${usd(y.total)} |${net}`,
      );
    }
    lines.push('');
    lines.push(
      `First year: ${usd(d.firstYear)}. Annualized (levels.fyi: grant / vesting years, sign-on / 4): ${usd(d.annualized.total)}.`,
    );
    lines.push('');
    lines.push('| | Offer | Market P10 | P25 | Typical | P75 | P90 | ≈ Percentile | Verdict |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---|');
    const a = d.annualized;
    const values = {
      base: a.base,
      bonus: a.bonus,
      equity: a.equity,
      total: a.base + a.bonus + a.equity,
    };
    for (const key of ['base', 'bonus', 'equity', 'total'] as const) {
      const m = d.market[key];
      const p = d.position[key];
      lines.push(
        `| ${key} | ${usd(values[key])} | ${usd(m.low)} | ${usd(m.p25)} | ${usd(m.mid)} | ${usd(m.p75)} | ${usd(m.high)} | ≈${p.percentile} | ${p.verdict} |`,
      );
    }
    lines.push('');
    lines.push(
      "Total: base + target bonus + the grant per year; sign-on is left out, as the market's figures leave it out.",
    );
    lines.push('');
  });
  return `${lines.join('\n')}`;
}
