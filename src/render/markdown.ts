import type { EstimateDocument } from '../documents/estimate.js';
import { money, signedMoney, yearsText } from '../model/format.js';
import type { TakeHomeView } from '../model/take-home.js';
import { FIVE, PARTS, PERCENTILES_NOTE, placeName, paperNote, capitalised } from './text.js';
import { esc, mdTable, profileMarkdown, sourceTag, tagList } from './text.js';

/** A single estimate as a GitHub-flavoured markdown table, with the why list and sources. */
export function renderMarkdown(doc: EstimateDocument): string {
  const p = doc.profile;
  const lines = [
    `### ML engineer pay estimate: ${p.level ? `${doc.level} level (given), ` : ''}${yearsText(p.years)}`,
    '',
    profileMarkdown('Profile:', p, doc.defaulted),
    '',
    ...mdTable(
      ['', 'P10', 'P25', 'Typical', 'P75', 'P90'],
      PARTS.map((part) => {
        const b = (c: string) => (part === 'total' ? `**${c}**` : c);
        return [b(capitalised(part)), ...FIVE.map((k) => b(money(doc[part][k])))];
      }),
      'lrrrrr',
    ),
    '',
    `US dollars a year. ${PERCENTILES_NOTE}`,
  ];
  if (doc.paper) lines.push('', paperNote(doc));
  const od = doc.openData;
  lines.push(
    '',
    `What the open data says (${od.label}, ${od.period}, base only): median ${money(od.postings.median)}, quartiles ${money(od.postings.p25)}-${money(od.postings.p75)}, ${od.postings.count} postings; ${od.latest.year} alone: median ${money(od.latest.median)}, ${od.latest.count} postings.${od.note ? ` (${esc(od.note)})` : ''}`,
  );
  if (doc.takeHome) {
    const t = [doc.takeHome.low, doc.takeHome.mid, doc.takeHome.high];
    const row = (label: string, cell: (v: TakeHomeView) => string) => [label, ...t.map(cell)];
    const first = t[0]!;
    const pp = first.purchasingPower;
    const rows = [row('Gross', (v) => money(v.gross))];
    if (first.pretax > 0) rows.push(row('401(k) deferrals', (v) => money(-v.pretax)));
    if (first.hsa > 0) rows.push(row('HSA contributions', (v) => money(-v.hsa)));
    for (const tax of first.taxes)
      rows.push(
        row(esc(tax.label), (v) => money(-(v.taxes.find((x) => x.id === tax.id)?.amount ?? 0))),
      );
    const where = `price index ${pp.index}: ${esc(pp.metro)}, ${pp.year ?? 'year not stated'}`;
    rows.push(
      row('**Net**', (v) => `**${money(v.net)}**`),
      row('Effective tax rate', (v) => `${Math.round(v.effectiveRate * 1000) / 10}%`),
      row(`Net at U.S. prices (${where})`, (v) => money(v.purchasingPower.net)),
    );
    lines.push(
      '',
      `Take-home pay (${first.filing}, tax year ${first.taxYear}, ${placeName(first)}):`,
      '',
      ...mdTable(['', 'Low', 'Typical', 'High'], rows, 'lrrr'),
      '',
      ...first.notes.map((n) => `- ${esc(n)}`),
    );
  }
  lines.push('', 'Why (effect on the typical total):', '');
  doc.factors.forEach((f, i) => {
    const effect = i === 0 ? money(f.effect) : signedMoney(f.effect);
    const tags = tagList(f.sources, doc.sources).replace(/,/g, ', ');
    lines.push(`- ${effect}: ${esc(f.label)} [${tags}]`);
  });
  lines.push('', 'Sources:', '');
  for (const s of doc.sources) lines.push(`- [${sourceTag(s)}] ${esc(s.title)} (\`${s.file}\`)`);
  return `${lines.join('\n')}\n`;
}
