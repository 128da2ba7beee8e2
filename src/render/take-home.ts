// Take-home pay for people: one column per figure taxed (a year of an offer, a scenario, the
// low / typical / high total), each tax with its rate basis, the net, the effective rate and what
// the net buys at U.S.-average prices.
import type { ChalkInstance } from 'chalk';
import { money, percent } from '../format.js';
import type { TakeHomeView } from '../take-home.js';
import { grid } from './grid.js';
import { wrap } from './text.js';

/** The take-home table, the rate basis of the first column, and the notes. */
export function renderTakeHomeTable(
  columns: readonly (readonly [label: string, view: TakeHomeView])[],
  opts: { paint: ChalkInstance; width: number },
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
  // Every tax any column has, in the order they first appear.
  const ids: { id: string; label: string }[] = [];
  for (const [, v] of columns) {
    for (const t of v.taxes)
      if (!ids.some((x) => x.id === t.id)) ids.push({ id: t.id, label: t.label });
  }
  const amountOf = (v: TakeHomeView, id: string): number =>
    v.taxes.find((t) => t.id === id)?.amount ?? 0;
  const minus = (n: number): string => (n === 0 ? money(0) : `-${money(n)}`);
  const rows: string[][] = [['Gross', ...columns.map(([, v]) => money(v.gross))]];
  if (columns.some(([, v]) => v.pretax > 0)) {
    rows.push(['Pre-tax contributions', ...columns.map(([, v]) => minus(v.pretax))]);
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
  out.push(
    grid(['', ...columns.map(([label]) => label)], rows, {
      paint,
      width,
      bold: [rows.length - 3],
    }),
  );
  out.push(paint.bold(wrap(`How each tax is worked out (${columns[0]![0]})`, width, '')));
  for (const t of first.taxes) {
    const flag = t.uncertain ? ' (uncertain)' : '';
    out.push(`  ${wrap(`${t.label}: ${t.basis} [${t.year}${flag}]`, width, '    ')}`);
  }
  const pp = first.purchasingPower;
  const ppYear = pp.year === null ? 'year not stated' : String(pp.year);
  out.push(
    paint.dim(
      wrap(
        `* Net / (price level / 100): a price index (BEA Regional Price Parity ${pp.index}, ${ppYear}${pp.uncertain ? ', uncertain' : ''}; U.S. = 100), not a pay factor.${pp.note ? ` ${pp.note}` : ''}`,
        width,
        '  ',
      ),
    ),
  );
  const notes = [...new Set(columns.flatMap(([, v]) => v.notes))];
  for (const n of notes) out.push(paint.dim(wrap(n, width, '  ')));
  return out.join('\n');
}

/** Where the taxes are: "TX", "NY + NYC", or "federal only". */
function placeName(v: TakeHomeView): string {
  if (v.state === 'none') return 'federal only';
  return v.local ? `${v.state} + ${v.local.toUpperCase()}` : v.state;
}
