// Take-home pay for people: one column per figure taxed (a year of an offer, a scenario, the
// low / typical / high total), each tax with its rate basis, the net, the effective rate and what
// the net buys at U.S.-average prices.
import type { ChalkInstance } from 'chalk';
import { money, percent } from '../model/format.js';
import type { TakeHomeView } from '../model/take-home.js';
import type { Charset } from './chart.js';
import { grid } from './grid.js';
import { localWord, wrap } from './text.js';

/** The take-home table, the rate basis of the first column, and the notes. */
export function renderTakeHomeTable(
  columns: readonly (readonly [label: string, view: TakeHomeView])[],
  opts: { paint: ChalkInstance; width: number; charset?: Charset; explain?: readonly number[] },
): string {
  const { paint, width } = opts;
  const first = columns[0]?.[1];
  if (!first) return '';
  const out: string[] = [];
  const where = [...new Set(columns.map(([, v]) => placeName(v)))].join(', ');
  out.push(
    paint.bold(
      wrap(`Take-home pay (${first.filing}, tax year ${first.taxYear}; ${where})`, width, ''),
    ),
  );
  const rows = taxRows(columns);
  out.push(
    grid(['', ...columns.map(([label]) => label)], rows, {
      paint,
      width,
      charset: opts.charset ?? 'unicode',
      bold: [rows.length - 3],
    }),
  );
  // How each tax is worked out: for the columns asked for, else the first in each place.
  const places = new Map<string, number>();
  columns.forEach(([, v], i) => {
    if (!places.has(placeName(v))) places.set(placeName(v), i);
  });
  const explained = opts.explain ?? [...places.values()];
  for (const i of explained) {
    const [label, view] = columns[i]!;
    const where = places.size > 1 ? `, ${placeName(view)}` : '';
    out.push(paint.bold(wrap(`How each tax is worked out (${label}${where})`, width, '')));
    for (const t of view.taxes) {
      const flag = t.uncertain ? ' (uncertain)' : '';
      out.push(`  ${wrap(`${t.label}: ${t.basis} [${t.year}${flag}]`, width, '    ')}`);
    }
  }
  // The price levels behind "Net at U.S. prices", once per distinct metro, each note beside
  // the metro it is about.
  const metros = new Map<string, { labels: string[]; text: string; note?: string }>();
  for (const [label, v] of columns) {
    const pp = v.purchasingPower;
    const seen = metros.get(pp.metro);
    if (seen) {
      seen.labels.push(label);
      continue;
    }
    const year = pp.year === null ? 'year not stated' : String(pp.year);
    const text = `${pp.metro} ${pp.index} (${year}${pp.uncertain ? ', uncertain' : ''})`;
    metros.set(pp.metro, { labels: [label], text, ...(pp.note ? { note: pp.note } : {}) });
  }
  const levelText = [...metros.values()]
    .map((m) => (metros.size > 1 ? `${m.labels.join(', ')}: ${m.text}` : m.text))
    .join('; ');
  const ppNotes = [...metros].flatMap(([metro, m]) =>
    m.note ? [metros.size > 1 ? `${metro}: ${m.note}` : m.note] : [],
  );
  out.push(
    paint.dim(
      wrap(
        `* Net / (price level / 100), where the price level is BEA's Regional Price Parity (U.S. = 100): a price index, not a pay factor. ${levelText}.${ppNotes.map((n) => ` ${n}`).join('')}`,
        width,
        '  ',
      ),
    ),
  );
  const notes = [...new Set(columns.flatMap(([, v]) => v.notes))];
  for (const n of notes) out.push(paint.dim(wrap(n, width, '  ')));
  return out.join('\n');
}

/** Where the taxes are: "TX", "NY + NYC", "PA + Pittsburgh", or "federal only". */
export function placeName(v: TakeHomeView): string {
  if (v.state === 'none') return 'federal only';
  return v.local ? `${v.state} + ${localWord(v.local)}` : v.state;
}

/** The table's rows: gross, contributions, every tax any column has (in order), net, rates. */
function taxRows(columns: readonly (readonly [label: string, view: TakeHomeView])[]): string[][] {
  // Every tax any column has, in the order they first appear.
  const ids: { id: string; label: string }[] = [];
  for (const [, v] of columns) {
    for (const t of v.taxes)
      if (!ids.some((x) => x.id === t.id)) ids.push({ id: t.id, label: t.label });
  }
  const amountOf = (v: TakeHomeView, id: string): number =>
    v.taxes.find((t) => t.id === id)?.amount ?? 0;
  const minus = (n: number): string => money(-n); // an amount taken off: -$1,234 ($0 for none)
  const rows: string[][] = [['Gross', ...columns.map(([, v]) => money(v.gross))]];
  if (columns.some(([, v]) => v.pretax > 0)) {
    rows.push(['401(k) deferrals', ...columns.map(([, v]) => minus(v.pretax))]);
  }
  if (columns.some(([, v]) => v.hsa > 0)) {
    rows.push(['HSA contributions', ...columns.map(([, v]) => minus(v.hsa))]);
  }
  // Where the columns are in different places, a shared line takes a name that fits them all.
  const generic: Record<string, string> = { state: 'State income tax', local: 'Local income tax' };
  for (const { id, label } of ids) {
    const labels = new Set(
      columns.map(([, v]) => v.taxes.find((t) => t.id === id)?.label ?? label),
    );
    const name = labels.size > 1 ? (generic[id] ?? label) : label;
    rows.push([name, ...columns.map(([, v]) => minus(amountOf(v, id)))]);
  }
  rows.push(['Net', ...columns.map(([, v]) => money(v.net))]);
  rows.push(['Effective tax rate', ...columns.map(([, v]) => percent(v.effectiveRate))]);
  rows.push(['Net at U.S. prices *', ...columns.map(([, v]) => money(v.purchasingPower.net))]);
  return rows;
}
