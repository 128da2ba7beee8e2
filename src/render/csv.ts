import type { TakeHome } from '../model/tax/types.js';
import type { Estimate, Profile, ProfileField, Range } from '../model/types.js';
import { FIVE, PARTS } from './text.js';

/**
 * Quote a CSV field when it holds a comma, quote, CR or LF (RFC 4180). A text that a spreadsheet
 * would run as a formula (starting with =, +, -, @, a tab or a CR, such as an offer's label
 * `=HYPERLINK(...)`) is neutralised as OWASP's CSV-injection rule says: a ' before it, and quoted.
 * Numbers are written as numbers (a negative difference stays -5000).
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  if (/^[=+\-@\t\r]/.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(values: readonly (string | number)[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** The profile's columns, and its cells (skills joined with ';'). */
export const PROFILE_COLUMNS = ['years', 'city', 'industry', 'skills', 'degree', 'level'];
export const profileCells = (p: Profile, level: string): (string | number)[] => {
  return [p.years, p.city, p.industry, p.skills.join(';'), p.degree, level];
};

/** What a net is of, as CSV cells: its state (or none), locality, filing status and tax year. */
export const taxContext = (v: TakeHome | undefined): Record<string, string | number> => ({
  state: v?.state ?? '',
  local: v?.local ?? '',
  filing: v?.filing ?? '',
  tax_year: v?.taxYear ?? '',
});
export const TAX_COLUMNS = Object.keys(taxContext(undefined));

/** The `market_file` column of a document from a --data market (none for the bundled data). */
export const fileCell = (d: { marketFile?: string }): Record<string, string> =>
  d.marketFile === undefined ? {} : { market_file: d.marketFile };

/**
 * A document's notes (a city's factor that is an estimate, a --data file): a row per note under
 * the records, `note` in the first column and the text in the last, the `note` column.
 */
export const noteRows = (d: { notes?: readonly string[] }, columns: number): string =>
  (d.notes ?? []).map((n) => csvRow(['note', ...Array<string>(columns - 2).fill(''), n])).join('');

/** A part's five columns ("base_low" .. "base_high"), and a range's five cells. */
export const rangeColumns = (part: string): string[] => FIVE.map((e) => `${part}_${e}`);
export const rangeCells = (r: Range): number[] => FIVE.map((e) => r[e]);

/**
 * Header of the wide CSV form: `extra` columns, the profile and level, every component's
 * low/p25/mid/p75/high, `defaulted`, then the `after` columns.
 */
export function csvHeader(extra: readonly string[] = [], after: readonly string[] = []): string {
  return csvRow([
    ...extra,
    ...PROFILE_COLUMNS,
    ...PARTS.flatMap(rangeColumns),
    'defaulted',
    ...after,
  ]);
}

/** One estimate as one wide CSV row (matching `csvHeader` with the same extra and after). */
export function csvRecord(
  doc: Pick<Estimate, 'profile' | 'level' | 'base' | 'bonus' | 'equity' | 'total'>,
  defaulted: readonly ProfileField[],
  extra: readonly (string | number)[] = [],
  after: readonly (string | number)[] = [],
): string {
  const figures = PARTS.flatMap((p) => rangeCells(doc[p]));
  return csvRow([
    ...extra,
    ...profileCells(doc.profile, doc.level),
    ...figures,
    defaulted.join(';'),
    ...after,
  ]);
}

/**
 * A single estimate as CSV: a header row and one record; after them `paper` (true or false, as
 * in batch), with --take-home what the nets are of (state, local, filing, tax_year) and
 * the nets, with --data the market file's name (`market_file`), and `note` (the notes, and the
 * take-home's).
 */
export function renderCsv(
  doc: Parameters<typeof csvRecord>[0] & {
    defaulted: ProfileField[];
    paper?: Range;
    takeHome?: Record<'low' | 'mid' | 'high', TakeHome>;
    marketFile?: string;
  },
  notes: readonly string[] = [],
): string {
  const t = doc.takeHome;
  const more: Record<string, string | number> = {};
  // `paper` and `note` are always there (false, empty), so every profile's header is the same.
  more.paper = doc.paper ? 'true' : 'false';
  if (t) Object.assign(more, taxContext(t.mid), { net_low: t.low.net, net_mid: t.mid.net });
  if (t) more.net_high = t.high.net;
  // The take-home notes too (a tax year not yet published...), as the markdown prints them.
  Object.assign(more, fileCell(doc), { note: [...notes, ...(t?.low.notes ?? [])].join(' ') });
  const after = (line: string, cells: readonly (string | number)[]): string =>
    cells.length ? line.replace(/\n$/, `,${cells.map(csvField).join(',')}\n`) : line;
  return (
    after(csvHeader(), Object.keys(more)) +
    after(csvRecord(doc, doc.defaulted), Object.values(more))
  );
}
