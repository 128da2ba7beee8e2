import type { Estimate, ProfileField } from '../model/types.js';

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

const PROFILE_COLUMNS = ['years', 'city', 'industry', 'skills', 'degree', 'level'] as const;
const FIGURES = ['base', 'bonus', 'equity', 'total'] as const;
const ENDS = ['low', 'p25', 'mid', 'p75', 'high'] as const;

/** Header of the wide CSV form: profile, level, then every component's low/p25/mid/p75/high. */
export function csvHeader(extra: readonly string[] = []): string {
  return csvRow([
    ...extra,
    ...PROFILE_COLUMNS,
    ...FIGURES.flatMap((f) => ENDS.map((e) => `${f}_${e}`)),
    'defaulted',
  ]);
}

/** One estimate as one wide CSV row (matching `csvHeader`). Skills are joined with ';'. */
export function csvRecord(
  doc: Pick<Estimate, 'profile' | 'level' | 'base' | 'bonus' | 'equity' | 'total'>,
  defaulted: readonly ProfileField[],
  extra: readonly (string | number)[] = [],
): string {
  const p = doc.profile;
  return csvRow([
    ...extra,
    p.years,
    p.city,
    p.industry,
    p.skills.join(';'),
    p.degree,
    doc.level,
    ...FIGURES.flatMap((f) => ENDS.map((e) => doc[f][e])),
    defaulted.join(';'),
  ]);
}

/** A single estimate as CSV: a header row and one record (with --take-home, the nets after). */
export function renderCsv(
  doc: Parameters<typeof csvRecord>[0] & {
    defaulted: ProfileField[];
    takeHome?: Record<'low' | 'mid' | 'high', { net: number }>;
  },
): string {
  const t = doc.takeHome;
  if (!t) return csvHeader() + csvRecord(doc, doc.defaulted);
  const nets = [t.low.net, t.mid.net, t.high.net].join(',');
  return (
    csvHeader().replace(/\n$/, ',net_low,net_mid,net_high\n') +
    csvRecord(doc, doc.defaulted).replace(/\n$/, `,${nets}\n`)
  );
}
