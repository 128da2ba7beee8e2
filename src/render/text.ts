// Laying out prose for a terminal, and the short source tags of human output.
import type { ChalkInstance } from 'chalk';
import { money, yearsText } from '../model/format.js';
import type { TakeHome } from '../model/tax/types.js';
import type { Profile, Range, SourceRef } from '../model/types.js';
import type { Charset } from './chart.js';

/** How a report is drawn: colours, the terminal's width (0: not one, never wrapped), glyphs. */
export type Look = { paint: ChalkInstance; width: number; charset: Charset };

/** The parts of pay every estimate has, and a range's five points (P10, P25, typical, P75, P90). */
export const PARTS = ['base', 'bonus', 'equity', 'total'] as const;
export const FIVE = ['low', 'p25', 'mid', 'p75', 'high'] as const;

/** "About" in front of a percentile: ≈, or ~ where the terminal shows only ASCII. */
export const about = (charset: Charset): string => (charset === 'ascii' ? '~' : '≈');

/** "Base" for "base". */
export const capitalised = (part: string): string => part.charAt(0).toUpperCase() + part.slice(1);

/** The note under an estimate whose equity is paper; empty for public stock. */
export function paperNote(doc: { paper?: { mid: number }; equity: Range }): string {
  if (!doc.paper) return '';
  return `Equity here is paper (a private company): ${money(doc.paper.mid)} a year at the latest round price, counted as ${money(doc.equity.low)} at P10 because private stock may never be sold.`;
}

/** Short tag for a source in human output: the guide's number ("000"), or the source's id. */
export function sourceTag(source: Pick<SourceRef, 'id' | 'file'>): string {
  const m = /^(\d{3})_/.exec(source.file);
  return m ? m[1]! : source.id;
}

/** The tags of some source ids, sorted and joined: "000,001". Unknown ids show as themselves. */
export function tagList(ids: readonly string[], sources: readonly SourceRef[]): string {
  return ids
    .map((id) => sourceTag(sources.find((s) => s.id === id) ?? { id, file: '' }))
    .sort()
    .join(',');
}

/** Greedy word wrap to `width` columns with a hanging indent; width <= 0 means no wrapping. */
export function wrap(text: string, width: number, indent = ''): string {
  if (width <= 0 || text.length + indent.length <= width) return text;
  // An indent wider than half the terminal leaves no room to wrap into: fall back to two spaces.
  if (indent.length > width / 2) indent = '  ';
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && indent.length + line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else {
      line = line === '' ? w : `${line} ${w}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join(`\n${indent}`);
}

export type ReportLines = ReturnType<typeof reportLines>;

/**
 * The lines of a report for a terminal `width` wide: each text wrapped (hanging `indent`), then
 * coloured, so that escape codes never count towards the width.
 */
export function reportLines(paint: ChalkInstance, width: number) {
  const lines: string[] = [];
  const put =
    (style: (s: string) => string) =>
    (text: string, indent = ''): void => {
      lines.push(style(wrap(text, width, indent)));
    };
  return {
    lines,
    paint,
    width,
    plain: put((s) => s),
    /** An item of a list: two spaces in, its further lines four. */
    item: (text: string): void => {
      lines.push(`  ${wrap(text, width, '    ')}`);
    },
    bold: put(paint.bold),
    dim: put(paint.dim),
    yellow: put(paint.yellow),
  };
}

/** What the five columns of an estimate mean, said under every table of one. */
export const PERCENTILES_NOTE =
  'Typical: P50; eight in ten are paid within P10-P90 (calibrated on real pay records: docs/methodology.md); the total has its own percentiles. Equity: the yearly value of grants.';

/**
 * "5 years (senior, given)" when the profile names its level, else "5 years": the years price a
 * position between levels (the first reason says which), not their level's figures (review4 N6).
 */
export const yearsAndLevel = ({ profile: p, level }: { profile: Profile; level: string }) =>
  `${yearsText(p.years)}${p.level ? ` (${level}, given)` : ''}`;

/** A locality id as a heading word: "nyc" -> "NYC", "prince-georges" -> "Prince Georges". */
export const localWord = (id: string): string =>
  id.length <= 3 ? id.toUpperCase() : id.split('-').map(capitalised).join(' ');

/** Where the taxes are: "TX", "NY + NYC", "PA + Pittsburgh", or "federal only". */
export function placeName(v: Pick<TakeHome, 'state' | 'local'>): string {
  if (v.state === 'none') return 'federal only';
  return v.local ? `${v.state} + ${localWord(v.local)}` : v.state;
}

type Net = readonly [label: string, view: TakeHome];

/**
 * What nets are of: "single, tax year 2026; CA" (places that differ by label: "start (federal
 * only), city=sf (CA)"), and "less 401(k) deferrals and HSA contributions" where they were taken off.
 */
export function netContext(nets: readonly Net[]): string {
  const first = nets[0]![1];
  const places = new Set(nets.map(([, v]) => placeName(v)));
  const labelled = new Set(nets.map(([label, v]) => `${label} (${placeName(v)})`));
  const where = [...(places.size === 1 ? places : labelled)].join(', ');
  const off = [
    nets.some(([, v]) => v.pretax > 0) ? '401(k) deferrals' : '',
    nets.some(([, v]) => v.hsa > 0) ? 'HSA contributions' : '',
  ].filter(Boolean);
  const less = off.length ? `; less ${off.join(' and ')}` : '';
  return `${first.filing}, tax year ${first.taxYear}; ${where}${less}`;
}

/**
 * The notes of nets, each once: those some nets have and others not first (`labelled`: after the
 * labels of the nets that have them, as a cross-state note "city=nyc: ..."), then those of all.
 */
export function netNotes(nets: readonly Net[], labelled = false): string[] {
  const all = [...new Set(nets.flatMap(([, v]) => v.notes))];
  const labels = (n: string) =>
    new Set(nets.filter(([, v]) => v.notes.includes(n)).map(([l]) => l));
  const some = all.filter((n) => nets.some(([, v]) => !v.notes.includes(n)));
  const named = some.map((n) => (labelled ? `${[...labels(n)].join(', ')}: ${n}` : n));
  return [...named, ...all.filter((n) => !some.includes(n))];
}

/** Under a markdown table with nets: what they are of, and their notes (but `said` elsewhere). */
export function netMarkdown(nets: readonly Net[], said: readonly string[] = []): string[] {
  if (nets.length === 0) return [];
  const notes = netNotes(nets, true).flatMap((n) => (said.includes(n) ? [] : [`- ${esc(n)}`]));
  return ['', `Net after tax: ${netContext(nets)}.`, ...(notes.length ? ['', ...notes] : [])];
}

/** Text in a markdown table cell: its pipes escaped. */
export const esc = (s: string): string => s.replace(/\|/g, '\\|');

/** A markdown table; `align` is `l` or `r` for each column; an empty heading is "| |". */
export function mdTable(head: string[], rows: string[][], align: string): string[] {
  const top = `|${head.map((h) => (h ? ` ${h} ` : ' ')).join('|')}|`;
  const rule = `|${[...align].map((a) => (a === 'l' ? '---' : '---:')).join('|')}|`;
  return [top, rule, ...rows.map((cells) => `| ${cells.join(' | ')} |`)];
}

/** "Profile: city `sf`, industry `faang`, skills none, degree `masters` (defaulted: skills)". */
export function profileMarkdown(
  lead: string,
  p: { city: string; industry: string; skills: readonly string[]; degree: string },
  defaulted: readonly string[],
  level?: string,
): string {
  const skills = p.skills.length ? p.skills.map((s) => `\`${s}\``).join(', ') : 'none';
  const d = defaulted.length ? ` (defaulted: ${defaulted.join(', ')})` : '';
  return `${lead} city \`${p.city}\`, industry \`${p.industry}\`, skills ${skills}, degree \`${p.degree}\`${level ? `, level \`${level}\`` : ''}${d}`;
}
