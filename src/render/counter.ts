// A counter-offer for people: the target against the market, the asks part by part and why,
// the gains, the message to adapt, and the rules with their sources.
import type { CounterPart, CounterView } from '../documents/counter.js';
import { money, signedMoney } from '../model/format.js';
import { grid } from './grid.js';
import { about, mdTable, reportLines, type Look } from './text.js';

const NAMES: Record<CounterPart, string> = {
  signOn: 'Sign-on',
  equity: 'Stock grant',
  base: 'Base',
  bonus: 'Target bonus',
  benefits: 'Benefits a year',
};

const MOVES = { most: 'moves most', more: 'moves more', less: 'moves least', fixed: 'stays' };

/** The counter-offer section of the report (lines). */
export function counterSection(c: CounterView, look: Look): string[] {
  const out = reportLines(look.paint, look.width);
  const near = about(look.charset);
  out.lines.push('');
  out.bold('Counter-offer: what to ask for');
  out.yellow(c.guide);
  const offerLine = `Your offer: ${money(c.offer.total)} a year (base + bonus + stock a year), ${near}P${c.offer.percentile} of the market for this profile.`;
  if (!c.target) {
    const why =
      c.status === 'above-ceiling'
        ? `It is above the market's P${c.ceiling.percentile} (${money(c.ceiling.total)}): the data gives no case for more, so no counter is suggested.`
        : c.status === 'capped'
          ? c.notes.join(' ')
          : `It is in the upper half already (the aim is P${c.aim.percentile}, ${money(c.aim.total)}): the market data gives no case for more; a competing offer would.`;
    out.plain(`${offerLine} ${why}`);
    return out.lines;
  }
  out.plain(offerLine);
  out.plain(
    `Target: ${look.paint.bold(money(c.target.total))} a year, ${near}P${c.target.percentile} (aim P${c.aim.percentile}, ${money(c.aim.total)}; never above P${c.ceiling.percentile}, ${money(c.ceiling.total)}).`,
  );
  const rows = c.parts.map((p) => [
    NAMES[p.part],
    MOVES[p.moves],
    money(p.from),
    money(p.to),
    p.to === p.from ? '-' : signedMoney(p.to - p.from),
  ]);
  out.lines.push(grid(['Part', '', 'Offer', 'Ask', 'Change'], rows, { ...look, stack: 'rows' }));
  const signOn = c.signOn.to.map((s, i) => `year ${i + 1} ${money(s)}`).join(', ');
  const changed = c.signOn.to.some((s, i) => s !== (c.signOn.from[i] ?? 0));
  if (signOn && changed) out.plain(`Sign-on asked by year: ${signOn}.`);
  out.plain(
    `Gain if granted: ${signedMoney(c.gains.firstYear)} in the first year, ${signedMoney(c.gains.total)} over the first ${c.gains.years} year${c.gains.years === 1 ? '' : 's'}.`,
  );
  for (const n of c.notes) out.dim(n);
  out.lines.push('', look.paint.bold('A message to adapt:'), c.message ?? '', '');
  out.dim('Why each part moves as it does (data/counter-offer.json):');
  for (const r of c.rules) {
    out.dim(`- ${r.rule} Source: ${r.source}.${r.judgement ? ` ${r.judgement}.` : ''}`, '  ');
  }
  return out.lines;
}

/** Markdown: the same section. */
export function counterMarkdown(c: CounterView): string[] {
  const lines = ['#### Counter-offer', '', `_${c.guide}_`, ''];
  lines.push(`Offer: ${money(c.offer.total)} a year (≈P${c.offer.percentile}).`);
  if (!c.target)
    return [...lines, [`No counter suggested (${c.status}).`, ...c.notes].join(' '), ''];
  lines.push(
    `Target: ${money(c.target.total)} a year (≈P${c.target.percentile}; aim P${c.aim.percentile} ${money(c.aim.total)}, ceiling P${c.ceiling.percentile} ${money(c.ceiling.total)}).`,
    '',
    ...mdTable(
      ['Part', 'Moves', 'Offer', 'Ask'],
      c.parts.map((p) => [NAMES[p.part], MOVES[p.moves], money(p.from), money(p.to)]),
      'llrr',
    ),
    '',
    `Gain: ${signedMoney(c.gains.firstYear)} in the first year, ${signedMoney(c.gains.total)} over ${c.gains.years} years.`,
    '',
    '```text',
    c.message ?? '',
    '```',
    '',
    ...c.rules.map(
      (r) => `- ${r.rule} Source: ${r.source}.${r.judgement ? ` ${r.judgement}.` : ''}`,
    ),
    '',
  );
  return lines;
}
