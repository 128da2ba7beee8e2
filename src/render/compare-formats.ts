// CSV and markdown of the compare and career documents (the table is render/compare.ts).
import type { CareerDocument, CompareDocument } from '../documents/compare.js';
import { money, signedMoney } from '../model/format.js';
import { csvRow } from './csv.js';

const PARTS = ['base', 'bonus', 'equity', 'total'] as const;

export function compareCsv(doc: CompareDocument): string {
  let out = csvRow([
    'label',
    'changes',
    'years',
    'city',
    'industry',
    'skills',
    'degree',
    'level',
    ...PARTS.flatMap((p) => [
      `${p}_low`,
      `${p}_p25`,
      `${p}_mid`,
      `${p}_p75`,
      `${p}_high`,
      `${p}_delta`,
    ]),
    'net',
    'net_delta',
  ]);
  for (const s of doc.scenarios) {
    out += csvRow([
      s.label,
      s.changes.join(';'),
      s.profile.years,
      s.profile.city,
      s.profile.industry,
      s.profile.skills.join(';'),
      s.profile.degree,
      s.level,
      ...PARTS.flatMap((p) => [
        s[p].low,
        s[p].p25,
        s[p].mid,
        s[p].p75,
        s[p].high,
        s.delta[p].dollars,
      ]),
      s.takeHome?.net ?? '',
      s.delta.net?.dollars ?? '',
    ]);
  }
  return out;
}

export function compareMarkdown(doc: CompareDocument): string {
  const usd = money;
  const lines = [
    `| | ${doc.scenarios.map((s) => s.label.replace(/\|/g, '\\|')).join(' | ')} |`,
    `|---|${doc.scenarios.map(() => '---:').join('|')}|`,
  ];
  for (const p of PARTS) {
    lines.push(
      `| ${p} | ${doc.scenarios.map((s) => `${usd(s[p].mid)} (${usd(s[p].low)}-${usd(s[p].high)})`).join(' | ')} |`,
    );
  }
  lines.push(
    `| total vs start | ${doc.scenarios.map((s) => signedMoney(s.delta.total.dollars)).join(' | ')} |`,
  );
  if (doc.scenarios.some((s) => s.takeHome)) {
    lines.push(
      `| net after tax | ${doc.scenarios.map((s) => (s.takeHome ? usd(s.takeHome.net) : '')).join(' | ')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function careerCsv(doc: CareerDocument): string {
  const taxed = doc.points.some((p) => p.takeHome);
  const head = [
    'label',
    'years',
    'level',
    ...PARTS.flatMap((p) => [`${p}_low`, `${p}_p25`, `${p}_mid`, `${p}_p75`, `${p}_high`]),
  ];
  let out = csvRow(taxed ? [...head, 'net'] : head);
  for (const line of [doc, ...(doc.scenarios ?? [])]) {
    for (const pt of line.points) {
      const cells = [
        line.label,
        pt.years,
        pt.level,
        ...PARTS.flatMap((p) => [pt[p].low, pt[p].p25, pt[p].mid, pt[p].p75, pt[p].high]),
      ];
      out += csvRow(taxed ? [...cells, pt.takeHome?.net ?? ''] : cells);
    }
  }
  return out;
}

/**
 * A row per point; with --vs, the points of every line (the start's, then each scenario's, as
 * in the CSV), each row led by its line's label.
 */
export function careerMarkdown(doc: CareerDocument): string {
  const usd = money;
  const all = [doc, ...(doc.scenarios ?? [])];
  const labelled = all.length > 1;
  const taxed = all.some((line) => line.points.some((p) => p.takeHome));
  const lines = [
    `|${labelled ? ' Line |' : ''} Years | Level | Base | Total |${taxed ? ' Net after tax |' : ''}`,
    `|${labelled ? '---|' : ''}---:|---|---:|---:|${taxed ? '---:|' : ''}`,
  ];
  for (const line of all) {
    const label = labelled ? ` ${line.label.replace(/\|/g, '\\|')} |` : '';
    for (const pt of line.points) {
      const net = taxed ? ` ${pt.takeHome ? usd(pt.takeHome.net) : ''} |` : '';
      lines.push(
        `|${label} ${pt.years} | ${pt.level} | ${usd(pt.base.mid)} | ${usd(pt.total.mid)} (${usd(pt.total.low)}-${usd(pt.total.high)}) |${net}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
