// Tables for people: cli-table3 with our own colours (its colour library ignores NO_COLOR), boxed
// when the terminal is wide enough, borderless below that.
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { Charset } from '../color.js';

const NO_BORDERS = Object.fromEntries(
  ['top', 'top-mid', 'top-left', 'top-right', 'bottom', 'bottom-mid', 'bottom-left', 'bottom-right']
    .concat(['left', 'left-mid', 'mid', 'mid-mid', 'right', 'right-mid', 'middle'])
    .map((k) => [k, '']),
);

/** Box borders in plain ASCII, for TERM=dumb or a locale that is not UTF-8 (see charsetFor). */
const ASCII_BORDERS = {
  top: '-',
  'top-mid': '+',
  'top-left': '+',
  'top-right': '+',
  bottom: '-',
  'bottom-mid': '+',
  'bottom-left': '+',
  'bottom-right': '+',
  left: '|',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '|',
  'right-mid': '',
  middle: '|',
};

export interface GridOptions {
  paint: ChalkInstance;
  /** Box-drawing characters (default) or ASCII borders. */
  charset?: Charset;
  /** The terminal's width, 0 when not a terminal (never narrowed). */
  width: number;
  /** Rows drawn bold (e.g. the total), by index. */
  bold?: readonly number[];
}

function columnWidths(head: readonly string[], rows: readonly (readonly string[])[]): number[] {
  return head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
}

/** The width a boxed grid takes: its cells, one space of padding each side, and the borders. */
function boxedWidth(head: readonly string[], rows: readonly (readonly string[])[]): number {
  const widths = columnWidths(head, rows);
  return widths.reduce((sum, w) => sum + w + 2, 0) + widths.length + 1;
}

/** The least width a grid takes: drawn without borders, each cell and one space after it. */
export function narrowWidth(head: readonly string[], rows: readonly (readonly string[])[]): number {
  return columnWidths(head, rows).reduce((sum, w) => sum + w + 1, 0);
}

/**
 * A table: the first column left-aligned (labels), the others right-aligned (figures). Boxed
 * when it fits the terminal, else drawn without borders, so it stays readable when narrow.
 */
export function grid(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  opts: GridOptions,
): string {
  const { paint, width } = opts;
  const narrow = width > 0 && boxedWidth(head, rows) > width;
  const table = new Table({
    head: head.map((h) => paint.bold(h)),
    colAligns: head.map((_, c) => (c === 0 ? 'left' : 'right')),
    style: narrow
      ? { head: [], border: [], 'padding-left': 0, 'padding-right': 1 }
      : { head: [], border: [] },
    chars: narrow
      ? NO_BORDERS
      : opts.charset === 'ascii'
        ? ASCII_BORDERS
        : { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  rows.forEach((cells, i) => {
    table.push(opts.bold?.includes(i) ? cells.map((c) => paint.bold(c)) : [...cells]);
  });
  return table.toString();
}
