import type { CatalogEntry, TitleMap } from '../model/types.js';
import { wrap } from './text.js';

export const LIST_KINDS = {
  cities: { kind: 'city', flag: '--city', title: 'Cities' },
  industries: { kind: 'industry', flag: '--industry', title: 'Industries / employers' },
  skills: { kind: 'skill', flag: '--skills', title: 'Skills', how: 'comma-separated' },
  degrees: { kind: 'degree', flag: '--degree', title: 'Degrees' },
  levels: { kind: 'level', flag: '--level', title: 'Levels (optional: they override the years)' },
} as const;
export type ListKind = keyof typeof LIST_KINDS;

/**
 * The accepted values of one kind as aligned text: id, label and the other spellings; for
 * levels, then each company's titles and the level each stands for.
 */
export function renderList(
  kind: ListKind,
  entries: readonly CatalogEntry[],
  width: number,
  titles: readonly TitleMap[] = [],
): string {
  const entry: { title: string; flag: string; how?: string } = LIST_KINDS[kind];
  const { title, flag } = entry;
  const how = entry.how ? `, ${entry.how}` : '';
  const idWidth = Math.max(...entries.map((e) => e.id.length));
  const labelWidth = Math.max(...entries.map((e) => e.label.length));
  const lines = [
    wrap(`${title} (${flag}${how}); names match case-insensitively, any alias works:`, width, ''),
  ];
  for (const e of entries) {
    const aliases = e.aliases.filter((a) => a !== e.id).join(', ');
    const head = `  ${e.id.padEnd(idWidth)}  ${e.label.padEnd(labelWidth)}  `;
    if (width > 0 && head.length > width / 2) {
      // A narrow terminal: the aliases go under the name instead of beside it.
      lines.push(`  ${wrap(`${e.id}: ${e.label}`, width, '    ')}`);
      lines.push(`    ${wrap(aliases, width, '    ')}`);
    } else {
      lines.push(head + wrap(aliases, width, ' '.repeat(head.length)));
    }
  }
  if (titles.length > 0) {
    lines.push(
      wrap(
        "Company titles (say the company where a title means different levels: 'google l5', 'amazon l5'):",
        width,
        '',
      ),
    );
    const companyWidth = Math.max(...titles.map((t) => t.company.length));
    for (const t of titles) {
      const head = `  ${t.company.padEnd(companyWidth)}  `;
      const text = `${titleText(t)} [${t.source}]`;
      lines.push(head + wrap(text, width, ' '.repeat(head.length)));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** "l3 entry, l4 mid, ...": a company's titles and their levels, as the data lists them. */
function titleText(t: TitleMap): string {
  return Object.entries(t.titles)
    .map(([title, level]) => `${title} ${level}`)
    .join(', ');
}

/** The accepted values as a JSON document. */
export function renderListJson(
  kind: ListKind,
  entries: readonly CatalogEntry[],
  titles: readonly TitleMap[] = [],
): string {
  const values = entries.map((e) => ({ id: e.id, label: e.label, aliases: [...e.aliases] }));
  if (titles.length === 0) return `${JSON.stringify({ kind, values })}\n`;
  const companies = titles.map((t) => ({
    company: t.company,
    aliases: [...t.aliases],
    titles: { ...t.titles },
    source: t.source,
  }));
  return `${JSON.stringify({ kind, values, titles: companies })}\n`;
}
