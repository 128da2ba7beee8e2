// `ml-salary career`: the profile across years, each line (the start, each --vs) an estimate
// per point.
import { printAs } from '../output.js';
import { careerLine, toCareerDocument } from '../../documents/compare.js';
import { estimate, takeHomeOf } from '../../model/estimate.js';
import { UsageError } from '../../errors.js';
import { yearsText } from '../../model/format.js';
import { printNotes, type Io } from '../io.js';
import { parseYears } from '../../input/numbers.js';
import { careerCsv, careerMarkdown } from '../../render/compare-formats.js';
import { applyScenario, parseScenario, refuseTwins, scenarioTitle } from '../../input/scenario.js';
import type { Market } from '../../model/types.js';
import { dataNotes } from '../../model/reasons.js';
import {
  heldLevel,
  refuseStrayWords,
  startProfile,
  takeHomeFor,
  estimateFormat,
  takeHomeRequest,
  type CompareOptions,
} from '../options.js';

export interface CareerOptions extends CompareOptions {
  from?: string;
  to?: string;
  step?: string;
}

/** The most points a career draws (a step too small for the span is an error). */
export const MAX_POINTS = 200;

export async function careerCommand(
  opts: CareerOptions,
  io: Io,
  market: Market,
  words: readonly string[] = [],
): Promise<void> {
  refuseStrayWords(words, 'career', market);
  const format = estimateFormat(opts);
  const request = await takeHomeRequest(opts);
  if (opts.years !== undefined) {
    throw new UsageError('--years is the axis of a career: use --from and --to (default 0 to 20)');
  }
  const max = market.experience.maxYears;
  const from = opts.from === undefined ? 0 : parseYears(opts.from, max, '--from');
  const to = opts.to === undefined ? Math.min(20, max) : parseYears(opts.to, max, '--to');
  const step = opts.step === undefined ? 1 : parseYears(opts.step, max, '--step');
  if (step === 0) throw new UsageError('--step 0 never moves: take a step above 0, like 1 or 0.5');
  if (to < from) throw new UsageError(`--to ${to} is below --from ${from}`);
  if (step > to - from && to > from) {
    throw new UsageError(
      `--step ${step} is more than the ${yearsText(to - from)} from ${from} to ${to}, so the career would be its two ends alone: take a step of at most ${to - from}`,
    );
  }
  const steps = Math.floor((to - from) / step + 1e-9);
  // The last point is --to, even where --step does not divide the span (a shorter last step). A
  // last step under 5% of --step would only
  // repeat the point before it (--step 3.3333 to 10: 9.9999, then 10): that point moves to --to.
  const short = to - (from + steps * step);
  const count = steps + 1 + (short > step * 0.05 ? 1 : 0);
  if (count > MAX_POINTS) {
    throw new UsageError(
      `--step ${step} from ${from} to ${to} gives ${count} points, more than ${MAX_POINTS}: take a larger step`,
    );
  }
  const years = Array.from({ length: count }, (_, i) =>
    i === count - 1 ? to : Math.round((from + i * step) * 1e9) / 1e9,
  );
  const scenarios = (opts.vs ?? []).map((text) => parseScenario(text, market));
  for (const s of scenarios) {
    if (s.changes.some((c) => c.field === 'years')) {
      throw new UsageError(`--vs '${s.label}': years is the axis of a career, not a change`);
    }
  }
  const { profile, defaulted, notes, title } = startProfile(opts, market, from);
  // A given level holds at every point: neither the years nor skills and degree move the figures.
  if (profile.level !== undefined) {
    const [who, undo] = heldLevel(opts, profile.level);
    notes.push(
      `${who} holds at every point, so the line is flat whatever the skills and degree (the level prices them): ${undo} to see pay grow with the level your years bring`,
    );
  }
  printNotes(io, [...notes, ...scenarios.flatMap((s) => s.notes)]);
  // A career's years do not change its lines' cities: each line is one column for --state.
  const lines = [undefined, ...scenarios].map((s) => ({
    label: s?.label ?? 'start',
    scenario: s,
    profile: s ? applyScenario({ ...profile, years: from }, s, market) : profile,
  }));
  refuseTwins(lines);
  const afterTax = await takeHomeFor(request, lines, market, true);
  const line = (i: number) => {
    const { label, scenario: s } = lines[i]!;
    const estimates = years.map((y) => {
      const p = s ? applyScenario({ ...profile, years: y }, s, market) : { ...profile, years: y };
      return estimate(p, market);
    });
    const taxes = afterTax
      ? estimates.map((e) =>
          takeHomeOf(e, 'mid', (g, s) =>
            afterTax(g, i, `${label}, ${yearsText(e.profile.years)}`, s),
          ),
        )
      : undefined;
    return careerLine(label, s?.changes ?? [], estimates, taxes);
  };
  const doc = toCareerDocument(
    line(0),
    scenarios.map((_, i) => line(i + 1)),
    defaulted,
    market,
    [
      title ?? [],
      scenarios.flatMap((s, i) => scenarioTitle(s, lines[i + 1]!.profile, market)),
      dataNotes(
        market,
        lines.map((l) => l.profile),
      ),
    ].flat(),
  );
  await printAs(io, format, doc, opts, {
    csv: careerCsv,
    markdown: careerMarkdown,
    table: async () => (await import('../../render/compare.js')).renderCareerReport,
  });
}
