import type { LocalityGroup } from '../model/take-home.js';
import type { CatalogEntry, TitleMap } from '../model/types.js';
import { wrap } from './text.js';

export const LIST_KINDS = {
  cities: { kind: 'city', flag: '--city', title: 'Cities' },
  industries: { kind: 'industry', flag: '--industry', title: 'Industries / employers' },
  skills: { kind: 'skill', flag: '--skills', title: 'Skills', how: ', comma-separated' },
  degrees: { kind: 'degree', flag: '--degree', title: 'Degrees' },
  levels: { kind: 'level', flag: '--level', title: 'Levels (optional: they override the years)' },
  states: { kind: 'state', flag: '--state', title: 'States (50 and DC) for --take-home' },
  localities: {
    kind: 'locality',
    flag: '--locality',
    title: 'Localities for --take-home: local taxes by state',
  },
} as const;
export type ListKind = keyof typeof LIST_KINDS;

const TITLES_HEADING =
  "Company titles (say the company where a title means different levels: 'google l5', 'amazon l5'):";
const LOCALITIES_HEADING =
  'Localities for --take-home (--locality, within the state taxed; none for no local tax):';

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
  const kindOf: { title: string; flag: string; how?: string } = LIST_KINDS[kind];
  const heading = `${kindOf.title} (${kindOf.flag}${kindOf.how ?? ''}); names match case-insensitively, any alias works:`;
  const idWidth = Math.max(...entries.map((e) => e.id.length));
  const labelWidth = Math.max(...entries.map((e) => e.label.length));
  const lines = [wrap(heading, width)];
  for (const e of entries) {
    const aliases = e.aliases.filter((a) => a !== e.id).join(', ');
    const head = `  ${e.id.padEnd(idWidth)}  ${e.label.padEnd(labelWidth)}  `;
    if (width > 0 && head.length > width / 2) {
      // A narrow terminal: the aliases go under the name instead of beside it.
      lines.push(`  ${wrap(`${e.id}: ${e.label}`, width, '    ')}`);
      lines.push(`    ${wrap(aliases, width, '    ')}`);
    } else {
      lines.push((head + wrap(aliases, width, ' '.repeat(head.length))).trimEnd());
    }
  }
  if (titles.length > 0) {
    lines.push(wrap(TITLES_HEADING, width));
    const companyWidth = Math.max(...titles.map((t) => t.company.length));
    for (const t of titles) {
      const head = `  ${t.company.padEnd(companyWidth)}  `;
      const text = `${titleText(t)} [${t.source}]`;
      lines.push(head + wrap(text, width, ' '.repeat(head.length)));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** "entry: L3; mid: L4; ...": a company's titles by the level each stands for. */
function titleText(t: TitleMap): string {
  const byLevel = new Map<string, string[]>();
  for (const [title, level] of Object.entries(t.titles)) {
    byLevel.set(level, [...(byLevel.get(level) ?? []), title]);
  }
  return [...byLevel].map(([level, names]) => `${level}: ${names.join(', ')}`).join('; ');
}

/** The accepted values as a JSON document; for levels, with each company's titles. */
export function listDocument(
  kind: ListKind,
  entries: readonly CatalogEntry[],
  titles: readonly TitleMap[] = [],
) {
  const values = entries.map(({ id, label, aliases }) => ({ id, label, aliases }));
  if (titles.length === 0) return { kind, values };
  const companies = titles.map(({ company, aliases, titles, source }) => {
    return { company, aliases, titles, source };
  });
  return { kind, values, titles: companies };
}

/** The localities by state: named ones with their names, counties as one list per state. */
export function renderLocalities(groups: readonly LocalityGroup[], width: number): string {
  const idWidth = Math.max(...groups.flatMap((g) => g.named.map((n) => n.id.length)));
  const lines = [wrap(LOCALITIES_HEADING, width)];
  for (const g of groups) {
    g.named.forEach((n, i) =>
      lines.push(`  ${i === 0 ? g.state : '  '}  ${n.id.padEnd(idWidth)}  ${n.name}`),
    );
    if (g.counties) {
      const head = `  ${g.named.length ? '  ' : g.state}  `;
      const text = `counties (every resident pays one; default ${g.counties.default}): ${g.counties.ids.join(', ')}`;
      lines.push(head + wrap(text, width, ' '.repeat(head.length)));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The localities as a JSON document. */
export const localitiesDocument = (groups: readonly LocalityGroup[]) => {
  return { kind: 'localities' as const, values: groups };
};
