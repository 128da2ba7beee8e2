// `ml-salary [options]`: one estimate, asking in a terminal for what the flags leave out.
import { printAs } from '../output.js';
import { toDocument } from '../../documents/estimate.js';
import { estimate, takeHomeOf } from '../../model/estimate.js';
import { dataNotes } from '../../model/reasons.js';
import { UsageError } from '../../errors.js';
import { printNotes, type Io } from '../io.js';
import { flagName, resolveProfile, type RawProfile } from '../../input/profile.js';
import { askMissing, promptContext, promptPlan, PROFILE_ASKED } from '../prompts.js';
import { renderCsv } from '../../render/csv.js';
import { renderMarkdown } from '../../render/markdown.js';
import { rerunEstimate, saveProfileLine } from '../rerun.js';
import { cityCheck, takeHomeFor, estimateFormat, takeHomeRequest } from '../options.js';
import type { EstimateOptions, TakeHomeOptions } from '../options.js';
import { PROFILE_FIELDS, type Market } from '../../model/types.js';

export async function estimateCommand(
  opts: EstimateOptions & TakeHomeOptions,
  io: Io,
  market: Market,
): Promise<void> {
  const format = estimateFormat(opts);
  const request = await takeHomeRequest(opts);
  const given: RawProfile = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, opts[f]]));
  const plan = promptPlan(opts, format, io);
  let answers = given;
  if (plan.ask) {
    // Check what the flags gave before asking for the rest, so a typo fails at once.
    const first = resolveProfile({ ...given, years: given.years ?? 0 }, market, flagName);
    const check = await cityCheck(
      request,
      market,
      given.city === undefined ? undefined : first.profile,
    );
    // The prompts draw straight on stderr; with colour off they write no colour code at all.
    answers = await askMissing(given, market, promptContext(io, opts.color), check);
  } else if (given.years === undefined) {
    throw new UsageError(`--years is required here (${plan.because}); pass e.g. --years 5`);
  }
  const asked = plan.ask && PROFILE_ASKED.some((field) => given[field] === undefined);
  const { profile, defaulted, notes, title } = resolveProfile(answers, market, flagName);
  printNotes(io, notes);
  const afterTax = await takeHomeFor(request, [{ label: '', profile }], market);
  const doc = toDocument(estimate(profile, market), defaulted, market, title);
  if (afterTax) {
    const name = (column: string) =>
      `the ${column} column; --pretax comes out of low, typical and high alike`;
    const at = (figure: 'low' | 'mid' | 'high', column: string) =>
      takeHomeOf(doc, figure, (gross, s) => afterTax(gross, 0, name(column), s));
    doc.takeHome = { low: at('low', 'Low'), mid: at('mid', 'Typical'), high: at('high', 'High') };
  }
  const because = plan.ask ? undefined : plan.because;
  const look = await printAs<typeof doc>(io, format, doc, opts, {
    csv: (d) => renderCsv(d, dataNotes(market, [profile])),
    markdown: renderMarkdown,
    table: async () => {
      const { renderReport } = await import('../../render/report.js');
      return (d, look) =>
        renderReport(d, { ...look, explain: opts.explain, defaultedBecause: because });
    },
  });
  // On stderr, where the questions were: stdout keeps the report alone (`> estimate.txt`).
  if (look && asked) {
    io.stderr.write(`To run this again: ${rerunEstimate(profile, opts)}\n`);
    io.stderr.write(`To save these answers: ${saveProfileLine(profile, opts.level, opts.data)}\n`);
  }
}
