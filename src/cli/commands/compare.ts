// `ml-salary compare --vs ...`: what-if scenarios side by side. The start profile and the
// take-home of a run's columns are shared with `career` (commands/career.ts).
import { charsetFor, colorLevel } from '../color.js';
import { toCompareDocument } from '../../documents/compare.js';
import { renderJson } from '../../documents/estimate.js';
import { estimate } from '../../model/estimate.js';
import { UsageError } from '../../errors.js';
import { outputWidth, print, type Io } from '../io.js';
import { flagName, resolveProfile, type RawProfile } from '../../input/profile.js';
import { compareCsv, compareMarkdown } from '../../render/compare-formats.js';
import { applyScenario, parseScenario } from '../../input/scenario.js';
import type { TakeHomeView } from '../../model/take-home.js';
import type { Market, Profile } from '../../model/types.js';
import {
  colorChoice,
  estimateFormat,
  takeHomeRequest,
  type EstimateOptions,
  type TakeHomeOptions,
} from '../options.js';

export interface CompareOptions extends EstimateOptions, TakeHomeOptions {
  vs?: string[];
}

export function startProfile(opts: EstimateOptions, market: Market, years: unknown) {
  const raw: RawProfile = {
    years,
    city: opts.city,
    industry: opts.industry,
    skills: opts.skills,
    degree: opts.degree,
  };
  return resolveProfile(raw, market, flagName);
}

/**
 * Take-home pay for the columns of a run (compare's scenarios, career's lines: each a label and
 * a profile), or undefined without --take-home. --state applies to the columns whose location
 * has no fixed state (stateScope). A --pretax too large for a figure is refused naming the column.
 */
export async function takeHomeFor(
  opts: TakeHomeOptions,
  columns: readonly { label: string; profile: Profile }[],
  market: Market,
): Promise<((gross: number, column: number, at?: string) => TakeHomeView) | undefined> {
  const asked = await takeHomeRequest(opts);
  if (!asked) return undefined;
  const { stateScope, takeHomeAt } = await import('../../model/take-home.js');
  const labelOf = (id: string) => market.locations.find((l) => l.id === id)?.label ?? id;
  const taxed = columns.map((c) => ({
    label: c.label,
    locationId: c.profile.city,
    locationLabel: labelOf(c.profile.city),
  }));
  const request = stateScope(taxed, asked);
  return (gross, i, at) => {
    const c = taxed[i]!;
    return takeHomeAt(
      gross,
      c.locationId,
      c.locationLabel,
      request,
      at ? `${c.label}, ${at}` : c.label,
    );
  };
}

export async function compareCommand(opts: CompareOptions, io: Io, market: Market): Promise<void> {
  const format = estimateFormat(opts);
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
  const { profile, defaulted } = startProfile(opts, market, opts.years);
  const columns = [undefined, ...scenarios].map((s) => ({
    label: s?.label ?? 'start',
    changes: s?.changes ?? [],
    profile: s ? applyScenario(profile, s, market) : profile,
  }));
  const afterTax = await takeHomeFor(opts, columns, market);
  const entries = columns.map((c, i) => {
    const e = estimate(c.profile, market);
    return {
      label: c.label,
      changes: c.changes,
      estimate: e,
      ...(afterTax ? { takeHome: afterTax(e.total.mid, i) } : {}),
    };
  });
  const doc = toCompareDocument(entries, defaulted, market.dataVersion);
  switch (format) {
    case 'json':
      return print(io, renderJson(doc));
    case 'csv':
      return print(io, compareCsv(doc));
    case 'markdown':
      return print(io, compareMarkdown(doc));
    case 'table': {
      const [{ painter }, { renderCompareReport }] = await Promise.all([
        import('../paint.js'),
        import('../../render/compare.js'),
      ]);
      const paint = painter(colorLevel(io.stdout, io.env, colorChoice(opts.color)));
      return print(
        io,
        renderCompareReport(doc, { paint, width: outputWidth(io), charset: charsetFor(io.env) }),
      );
    }
  }
}
