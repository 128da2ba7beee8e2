// Tables for people: cli-table3 with our own colours (its colour library ignores NO_COLOR), boxed
// when the terminal is wide enough, borderless below that.
import Table from 'cli-table3';
import { wrap, type Look } from './text.js';

const BORDER_KEYS = ['top', 'top-mid', 'top-left', 'top-right', 'bottom', 'bottom-mid']
  .concat(['bottom-left', 'bottom-right', 'left', 'left-mid', 'mid', 'mid-mid', 'right'])
  .concat(['right-mid', 'middle']);

/** cli-table3's border characters, one per key of BORDER_KEYS in order (a space: none). */
const borders = (chars: string) =>
  Object.fromEntries(BORDER_KEYS.map((k, i) => [k, (chars[i] ?? ' ').trim()]));

const NO_BORDERS = borders('');
/** Box borders in plain ASCII, for TERM=dumb or a locale that is not UTF-8 (see charsetFor). */
const ASCII_BORDERS = borders('-+++-+++|   | |');

type Rows = readonly (readonly string[])[];

/** `charset`: box-drawing characters (default) or ASCII borders. */
interface GridOptions extends Pick<Look, 'paint' | 'width'>, Partial<Pick<Look, 'charset'>> {
  /** Rows drawn bold (e.g. the total), by index. */
  bold?: readonly number[];
  /**
   * Where even the borderless grid is too wide, a list (no row, no figure breaks across lines):
   * a block per column, each row's label beside its figure ('columns', the default), or a block
   * per row ('rows': a part's low, typical and high; an offer's year).
   */
  stack?: 'columns' | 'rows';
}

/** A row with a label and no figure (career's "vs city=sf"): it heads the rows under it. */
const heading = (r: readonly string[]): boolean => r.slice(1).every((c) => c === '');

/**
 * The least width a grid takes: drawn without borders, each cell and one space after it; a
 * heading row spans the whole grid, so its label widens no column (review3 A1).
 */
export function narrowWidth(head: readonly string[], rows: Rows): number {
  const body = rows.filter((r) => !heading(r));
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((r) => (r[c] ?? '').length)));
  const spans = rows.filter(heading).map((r) => r[0]!.length + 1);
  return Math.max(
    widths.reduce((sum, w) => sum + w + 1, 0),
    ...spans,
  );
}

/**
 * A table: the first column left-aligned (labels), the others right-aligned (figures). Boxed
 * when it fits the terminal, else drawn without borders, so it stays readable when narrow.
 */
export function grid(head: readonly string[], rows: Rows, opts: GridOptions): string {
  const { paint, width } = opts;
  if (width > 0 && narrowWidth(head, rows) > width) return list(head, rows, opts);
  // Boxed: a space more of padding per cell, and one border more than there are columns.
  const narrow = width > 0 && narrowWidth(head, rows) + 2 * head.length + 1 > width;
  const table = new Table({
    head: head.map((h) => paint.bold(h)),
    colAligns: head.map((_, c) => (c === 0 ? 'left' : 'right')),
    // compact: no line between rows (a heading row's would be bare junctions).
    style: {
      head: [],
      border: [],
      compact: true,
      ...(narrow ? { 'padding-left': 0, 'padding-right': 1 } : {}),
    },
    chars: narrow
      ? NO_BORDERS
      : opts.charset === 'ascii'
        ? ASCII_BORDERS
        : { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  rows.forEach((cells, i) => {
    const shown = opts.bold?.includes(i) ? cells.map((c) => paint.bold(c)) : [...cells];
    table.push(heading(cells) ? [{ content: shown[0], colSpan: head.length }] : shown);
  });
  return table.toString();
}

/** A grid too wide for the terminal as blocks of "label  figure" lines (see `GridOptions.stack`). */
function list(head: readonly string[], rows: Rows, opts: GridOptions): string {
  const { paint, width } = opts;
  const byRow = opts.stack === 'rows';
  const bold = (i: number, text: string) => (opts.bold?.includes(i) ? paint.bold(text) : text);
  // Each block: a heading, then [label, figure, row index] lines (empty figures left out).
  const blocks = byRow
    ? rows.map((r, i) => ({
        heading: bold(i, head[0] ? `${head[0]} ${r[0] ?? ''}` : (r[0] ?? '')),
        lines: head.slice(1).map((h, c) => [h, r[c + 1] ?? '', i] as const),
      }))
    : head.slice(1).map((h, c) => ({
        heading: paint.bold(h),
        lines: rows.map((r, i) => [r[0] ?? '', r[c + 1] ?? '', i] as const),
      }));
  // A heading row (career's "vs city=sf") is kept.
  const heads = rows.map((r) => !byRow && heading(r));
  const shown = blocks.map((b) => ({ ...b, lines: b.lines.filter(([, f, i]) => f || heads[i]) }));
  const all = shown.flatMap((b) => b.lines).filter(([, f]) => f);
  // A figure wider than the terminal (an over-limit ISO's tax) goes wrapped under its label.
  const long = (f: string) => width > 4 && f.length > width - 4;
  const figureWidth = Math.max(0, ...all.filter(([, f]) => !long(f)).map(([, f]) => f.length));
  const labelWidth = Math.min(
    Math.max(...all.map(([l]) => l.length)),
    Math.max(0, width - 4 - figureWidth),
  );
  const out: string[] = [];
  for (const b of shown) {
    out.push(b.heading);
    for (const [label, figure, i] of b.lines) {
      const line = !figure
        ? `  ${label}`
        : long(figure)
          ? `  ${label}\n    ${wrap(figure, width, '    ')}`
          : label.length <= labelWidth
            ? `  ${label.padEnd(labelWidth)}  ${figure.padStart(figureWidth)}`
            : `  ${wrap(label, width, '  ')}\n  ${' '.repeat(labelWidth + 2)}${figure.padStart(figureWidth)}`;
      out.push(bold(i, line));
    }
  }
  return out.join('\n');
}
