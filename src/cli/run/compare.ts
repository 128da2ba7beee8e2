// `ml-salary compare --vs ...`: what-if scenarios side by side. The start profile and the
// take-home of a run's columns are shared with `career` (commands/career.ts).
import { printAs } from '../output.js';
import { toCompareDocument } from '../../documents/compare.js';
import { estimate, takeHomeOf } from '../../model/estimate.js';
import { UsageError } from '../../errors.js';
import { printNotes, type Io } from '../io.js';
import { compareCsv, compareMarkdown } from '../../render/compare-formats.js';
import { applyScenario, parseScenario, refuseTwins, scenarioTitle } from '../../input/scenario.js';
import {
  heldLevel,
  refuseStrayWords,
  startProfile,
  takeHomeFor,
  estimateFormat,
  takeHomeRequest,
  type CompareOptions,
} from '../options.js';
import type { Market } from '../../model/types.js';
import { dataNotes } from '../../model/reasons.js';

export async function compareCommand(
  opts: CompareOptions,
  io: Io,
  market: Market,
  words: readonly string[] = [],
): Promise<void> {
  refuseStrayWords(words, 'compare', market);
  const format = estimateFormat(opts);
  const request = await takeHomeRequest(opts);
  if (opts.years === undefined) {
    throw new UsageError(
      '--years is required: the starting point of the comparison (e.g. --years 5)',
    );
  }
  const scenarios = (opts.vs ?? []).map((text) => parseScenario(text, market));
  if (scenarios.length === 0) {
    throw new UsageError(
      'compare needs at least one --vs, e.g. --vs city=seattle or --vs skills=+nlp',
    );
  }
  const { profile, defaulted, notes, title } = startProfile(opts, market, opts.years);
  // A given level holds in a column that moves the years, skills or degree: they move nothing then.
  const held = scenarios.filter(
    (s) =>
      s.changes.some((c) => /^(years|skills|degree)$/.test(c.field)) &&
      !s.changes.some((c) => c.field === 'level'),
  );
  if (profile.level !== undefined && held.length > 0) {
    const [who] = heldLevel(opts, profile.level);
    const vs = held[0]!.label;
    notes.push(
      `${who} holds in ${held.map((s) => s.label).join(', ')} too, so years, skills and degree do not move its figures (the level prices them): --vs '${vs},level=years' lets the years decide`,
    );
  }
  printNotes(io, [...notes, ...scenarios.flatMap((s) => s.notes)]);
  const columns = [undefined, ...scenarios].map((s) => ({
    label: s?.label ?? 'start',
    changes: s?.changes ?? [],
    profile: s ? applyScenario(profile, s, market) : profile,
  }));
  refuseTwins(columns);
  const afterTax = await takeHomeFor(request, columns, market, true);
  const entries = columns.map((c, i) => {
    const e = estimate(c.profile, market);
    return {
      label: c.label,
      changes: c.changes,
      estimate: e,
      ...(afterTax ? { takeHome: takeHomeOf(e, 'mid', (g, s) => afterTax(g, i, c.label, s)) } : {}),
    };
  });
  const data = [
    title ?? [],
    scenarios.flatMap((s, i) => scenarioTitle(s, columns[i + 1]!.profile, market)),
    dataNotes(
      market,
      columns.map((c) => c.profile),
    ),
  ].flat();
  const doc = toCompareDocument(entries, defaulted, market, data);
  await printAs(io, format, doc, opts, {
    csv: compareCsv,
    markdown: compareMarkdown,
    table: async () => (await import('../../render/compare.js')).renderCompareReport,
  });
}
