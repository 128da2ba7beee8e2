// CSV and markdown of the compare and career documents (the table is render/compare.ts).
import type { CareerDocument, CompareDocument, CompareScenario } from '../documents/compare.js';
import { money, signedMoney, yearsText } from '../model/format.js';
import type { Range } from '../model/types.js';
import { PROFILE_COLUMNS, TAX_COLUMNS, csvRow, fileCell, profileCells, taxContext } from './csv.js';
import { noteRows, rangeCells, rangeColumns } from './csv.js';
import { esc, mdTable, netMarkdown, netNotes, PARTS, profileMarkdown } from './text.js';
import type { TakeHome } from '../model/tax/types.js';

/** The typical figure, its P25 to P75 and P10 to P90, as the JSON and CSV give them. */
const midAndRange = (r: Range): string =>
  `${money(r.mid)} (P25-P75 ${money(r.p25)}-${money(r.p75)}; P10-P90 ${money(r.low)}-${money(r.high)})`;

// `paper` (true/false) and `note` are always there, so every profile's header is the same.

type Nets = (readonly [string, TakeHome])[];
const compareNets = (doc: CompareDocument): Nets =>
  doc.scenarios.flatMap((s) => (s.takeHome ? [[s.label, s.takeHome] as const] : []));
const careerNets = (doc: CareerDocument): Nets =>
  [doc, ...(doc.scenarios ?? [])].flatMap((line) =>
    line.points.flatMap((p) => (p.takeHome ? [[line.label, p.takeHome] as const] : [])),
  );
/** The note rows: the document's notes, then its nets' (the markdown's, under its table). */
const notesOf = (doc: { notes?: readonly string[] }, nets: Nets, columns: number): string =>
  noteRows({ notes: [...(doc.notes ?? []), ...netNotes(nets, true)] }, columns);

export function compareCsv(doc: CompareDocument): string {
  const parts = PARTS.flatMap((p) => [...rangeColumns(p), `${p}_delta`]);
  const taxed = doc.scenarios.some((s) => s.takeHome);
  const head = ['label', 'changes', ...PROFILE_COLUMNS, ...parts, 'paper'];
  const file = fileCell(doc);
  const columns = [...head, ...(taxed ? TAX_COLUMNS : []), 'net', 'net_delta'];
  columns.push(...Object.keys(file), 'note');
  let out = csvRow(columns);
  for (const s of doc.scenarios) {
    out += csvRow([
      s.label,
      s.changes.join(';'),
      ...profileCells(s.profile, s.level),
      ...PARTS.flatMap((p) => [...rangeCells(s[p]), s.delta[p].dollars]),
      String(!!s.paper),
      ...(taxed ? Object.values(taxContext(s.takeHome)) : []),
      s.takeHome?.net ?? '',
      s.delta.net?.dollars ?? '',
      ...Object.values(file),
      '',
    ]);
  }
  return out + notesOf(doc, compareNets(doc), columns.length);
}

export function compareMarkdown(doc: CompareDocument): string {
  const all = doc.scenarios;
  const row = (label: string, cell: (s: CompareScenario) => string) => [label, ...all.map(cell)];
  const rows = [
    ...PARTS.map((p) => row(p, (s) => midAndRange(s[p]))),
    row('total vs start', (s) => signedMoney(s.delta.total.dollars)),
  ];
  if (all.some((s) => s.takeHome)) {
    rows.push(row('net after tax', (s) => (s.takeHome ? money(s.takeHome.net) : '')));
  }
  const head = ['', ...all.map((s) => esc(s.label))];
  const table = mdTable(head, rows, `l${'r'.repeat(all.length)}`);
  const notes = doc.notes ?? [];
  const nets = compareNets(doc);
  const p = all[0]!.profile;
  const start = profileMarkdown(`Start: ${yearsText(p.years)},`, p, doc.defaulted, p.level);
  const lines = [start, '', ...table, ...(notes.length ? ['', ...notes] : [])];
  return `${[...lines, ...netMarkdown(nets)].join('\n')}\n`;
}

export function careerCsv(doc: CareerDocument): string {
  const taxed = doc.points.some((p) => p.takeHome);
  const all = [doc, ...(doc.scenarios ?? [])];
  const head = ['label', 'years', 'level', ...PARTS.flatMap(rangeColumns), 'paper'];
  const file = fileCell(doc);
  head.push(...(taxed ? [...TAX_COLUMNS, 'net'] : []), ...Object.keys(file), 'note');
  let out = csvRow(head);
  for (const line of all) {
    for (const pt of line.points) {
      const cells = [line.label, pt.years, pt.level, ...PARTS.flatMap((p) => rangeCells(pt[p]))];
      cells.push(String(!!pt.paper));
      if (taxed) cells.push(...Object.values(taxContext(pt.takeHome)), pt.takeHome?.net ?? '');
      out += csvRow([...cells, ...Object.values(file), '']);
    }
  }
  return out + notesOf(doc, careerNets(doc), head.length);
}

/**
 * A row per point; with --vs, the points of every line (the start's, then each scenario's, as
 * in the CSV), each row led by its line's label.
 */
export function careerMarkdown(doc: CareerDocument): string {
  const all = [doc, ...(doc.scenarios ?? [])];
  const labelled = all.length > 1;
  const taxed = all.some((line) => line.points.some((p) => p.takeHome));
  const head = ['Years', 'Level', 'Base', 'Bonus', 'Equity', 'Total'];
  const rows = all.flatMap((line) =>
    line.points.map((pt) => {
      const cells = [String(pt.years), pt.level, ...PARTS.map((p) => midAndRange(pt[p]))];
      if (taxed) cells.push(pt.takeHome ? money(pt.takeHome.net) : '');
      return labelled ? [esc(line.label), ...cells] : cells;
    }),
  );
  if (taxed) head.push('Net after tax');
  if (labelled) head.unshift('Line');
  const align = `${labelled ? 'l' : ''}rlrrrr${taxed ? 'r' : ''}`;
  const notes = doc.notes ?? [];
  const nets = careerNets(doc);
  const who = profileMarkdown('Profile:', doc.profile, doc.defaulted, doc.profile.level);
  const lines = [who, '', ...mdTable(head, rows, align), ...(notes.length ? ['', ...notes] : [])];
  return `${[...lines, ...netMarkdown(nets)].join('\n')}\n`;
}
