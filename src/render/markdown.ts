import type { EstimateDocument } from '../documents/estimate.js';
import { money, signedMoney } from '../model/format.js';
import { PERCENTILES_NOTE, localWord, sourceTag, tagList } from './text.js';

const esc = (s: string): string => s.replace(/\|/g, '\\|');

/** A single estimate as a GitHub-flavoured markdown table, with the why list and sources. */
export function renderMarkdown(doc: EstimateDocument): string {
  const p = doc.profile;
  const lines: string[] = [];
  lines.push(
    `### ML engineer pay estimate: ${doc.level} level${p.level ? ' (given)' : ''}, ${p.years} year${p.years === 1 ? '' : 's'}`,
  );
  lines.push('');
  lines.push(
    `Profile: city \`${p.city}\`, industry \`${p.industry}\`, skills ${p.skills.length ? p.skills.map((s) => `\`${s}\``).join(', ') : 'none'}, degree \`${p.degree}\`${doc.defaulted.length ? ` (defaulted: ${doc.defaulted.join(', ')})` : ''}`,
  );
  lines.push('');
  lines.push('| | P10 | P25 | Typical | P75 | P90 |');
  lines.push('|---|---:|---:|---:|---:|---:|');
  for (const [label, key] of [
    ['Base', 'base'],
    ['Bonus', 'bonus'],
    ['Equity', 'equity'],
    ['Total', 'total'],
  ] as const) {
    const r = doc[key];
    const row = [money(r.low), money(r.p25), money(r.mid), money(r.p75), money(r.high)];
    lines.push(
      key === 'total'
        ? `| **${label}** | ${row.map((c) => `**${c}**`).join(' | ')} |`
        : `| ${label} | ${row.join(' | ')} |`,
    );
  }
  lines.push('');
  lines.push(`US dollars a year. ${PERCENTILES_NOTE}`);
  if (doc.paper) {
    lines.push('');
    lines.push(
      `Equity here is paper (a private company): ${money(doc.paper.mid)} a year at the latest round price, counted as ${money(doc.equity.low)} at P10 because private stock may never be sold.`,
    );
  }
  const od = doc.openData;
  lines.push('');
  lines.push(
    `What the open data says (${od.label}, ${od.period}, base only): median ${money(od.postings.median)}, quartiles ${money(od.postings.p25)}-${money(od.postings.p75)}, ${od.postings.count} postings; ${od.latest.year} alone: median ${money(od.latest.median)}, ${od.latest.count} postings.${od.note ? ` (${esc(od.note)})` : ''}`,
  );
  if (doc.takeHome) {
    const t = [doc.takeHome.low, doc.takeHome.mid, doc.takeHome.high];
    const first = t[0]!;
    lines.push('');
    lines.push(
      `Take-home pay (${first.filing}, tax year ${first.taxYear}, ${first.state}${first.local ? ` + ${localWord(first.local)}` : ''}):`,
    );
    lines.push('');
    lines.push('| | Low | Typical | High |');
    lines.push('|---|---:|---:|---:|');
    lines.push(`| Gross | ${t.map((v) => money(v.gross)).join(' | ')} |`);
    if (first.pretax > 0)
      lines.push(`| 401(k) deferrals | ${t.map((v) => money(-v.pretax)).join(' | ')} |`);
    if (first.hsa > 0)
      lines.push(`| HSA contributions | ${t.map((v) => money(-v.hsa)).join(' | ')} |`);
    for (const tax of first.taxes) {
      lines.push(
        `| ${esc(tax.label)} | ${t.map((v) => money(-(v.taxes.find((x) => x.id === tax.id)?.amount ?? 0))).join(' | ')} |`,
      );
    }
    lines.push(`| **Net** | ${t.map((v) => `**${money(v.net)}**`).join(' | ')} |`);
    lines.push(
      `| Effective tax rate | ${t.map((v) => `${Math.round(v.effectiveRate * 1000) / 10}%`).join(' | ')} |`,
    );
    lines.push(
      `| Net at U.S. prices (price index ${first.purchasingPower.index}: ${esc(first.purchasingPower.metro)}, ${first.purchasingPower.year ?? 'year not stated'}) | ${t.map((v) => money(v.purchasingPower.net)).join(' | ')} |`,
    );
    lines.push('');
    for (const n of first.notes) lines.push(`- ${esc(n)}`);
  }
  lines.push('');
  lines.push('Why (effect on the typical total):');
  lines.push('');
  doc.factors.forEach((f, i) => {
    const effect = i === 0 ? money(f.effect) : signedMoney(f.effect);
    lines.push(
      `- ${effect}: ${esc(f.label)} [${tagList(f.sources, doc.sources).replace(/,/g, ', ')}]`,
    );
  });
  lines.push('');
  lines.push('Sources:');
  lines.push('');
  for (const s of doc.sources) lines.push(`- [${sourceTag(s)}] ${esc(s.title)} (\`${s.file}\`)`);
  return `${lines.join('\n')}\n`;
}
