// Take-home pay for people: one column per figure taxed (a year of an offer, a scenario, the
// low / typical / high total), each tax with its rate basis, the net, the effective rate and what
// the net buys at U.S.-average prices.
import type { ChalkInstance } from 'chalk';
import { money, percent } from '../model/format.js';
import type { TakeHomeView } from '../model/take-home.js';
import type { Charset } from './chart.js';
import { grid } from './grid.js';
import { netNotes, placeName, reportLines } from './text.js';

type Column = readonly [label: string, view: TakeHomeView];

/** The take-home table, how each tax is worked out (a column of each place), and the notes. */
export function renderTakeHomeTable(
  columns: readonly Column[],
  opts: { paint: ChalkInstance; width: number; charset?: Charset; explain?: readonly number[] },
): string {
  const { paint, width } = opts;
  const first = columns[0]?.[1];
  if (!first) return '';
  const places = new Map<string, number>();
  columns.forEach(([, v], i) => places.set(placeName(v), places.get(placeName(v)) ?? i));
  const out = reportLines(paint, width);
  out.bold(
    `Take-home pay (${first.filing}, tax year ${first.taxYear}; ${[...places.keys()].join(', ')})`,
  );
  const rows = taxRows(columns);
  const head = ['', ...columns.map(([label]) => label)];
  const charset = opts.charset ?? 'unicode';
  out.lines.push(grid(head, rows, { paint, width, charset, bold: [rows.length - 3] }));
  for (const i of opts.explain ?? places.values()) {
    const [label, view] = columns[i]!;
    const where = places.size > 1 ? `, ${placeName(view)}` : '';
    out.bold(`How each tax is worked out (${label}${where})`);
    for (const t of view.taxes)
      out.item(`${t.label}: ${t.basis} [${t.year}${t.uncertain ? ' (uncertain)' : ''}]`);
  }
  // The price levels behind "Net at U.S. prices", once per metro, each note beside its metro.
  const metros = new Map<string, [string[], TakeHomeView['purchasingPower']]>();
  for (const [label, { purchasingPower: pp }] of columns)
    metros.set(pp.metro, [[...(metros.get(pp.metro)?.[0] ?? []), label], pp]);
  const many = metros.size > 1;
  const said = [...metros.values()].map(([labels, p]) => [
    `${many ? `${labels.join(', ')}: ` : ''}${p.metro} ${p.index} (${p.year ?? 'year not stated'}${p.uncertain ? ', uncertain' : ''})`,
    p.note ? ` ${many ? `${p.metro}: ` : ''}${p.note}` : '',
  ]);
  const star = `* Net / (price level / 100), where the price level is BEA's Regional Price Parity (U.S. = 100): a price index, not a pay factor. ${said.map((s) => s[0]).join('; ')}.${said.map((s) => s[1]).join('')}`;
  for (const n of [star, ...netNotes(columns, true)]) out.dim(n, '  ');
  return out.lines.join('\n');
}

/** The rows: gross, contributions, every tax any column has (in order), net, rates. */
function taxRows(columns: readonly Column[]): string[][] {
  const row = (name: string, cell: (v: TakeHomeView) => string) => [
    name,
    ...columns.map(([, v]) => cell(v)),
  ];
  const rows = [row('Gross', (v) => money(v.gross))];
  // An amount taken off: -$1,234 ($0 for none).
  if (columns.some(([, v]) => v.pretax > 0))
    rows.push(row('401(k) deferrals', (v) => money(-v.pretax)));
  if (columns.some(([, v]) => v.hsa > 0)) rows.push(row('HSA contributions', (v) => money(-v.hsa)));
  // Every tax any column has, in the order they first appear; where the columns are in
  // different places, a shared line takes a name that fits them all.
  const ids = [...new Set(columns.flatMap(([, v]) => v.taxes.map((t) => t.id)))];
  const generic: Record<string, string> = { state: 'State income tax', local: 'Local income tax' };
  for (const id of ids) {
    const labels = new Set(
      columns.flatMap(([, v]) => v.taxes.filter((t) => t.id === id).map((t) => t.label)),
    );
    const name = labels.size > 1 ? (generic[id] ?? [...labels][0]!) : [...labels][0]!;
    rows.push(row(name, (v) => money(-(v.taxes.find((t) => t.id === id)?.amount ?? 0))));
  }
  rows.push(row('Net', (v) => money(v.net)));
  rows.push(row('Effective tax rate', (v) => percent(v.effectiveRate)));
  rows.push(row('Net at U.S. prices *', (v) => money(v.purchasingPower.net)));
  return rows;
}
