// `ml-salary compare --vs ...` and `ml-salary career`: what-if scenarios side by side, and pay
// across a career.
import { charsetFor, colorLevel } from '../color.js';
import {
  careerLine,
  toCareerDocument,
  toCompareDocument,
  type CareerDocument,
  type CompareDocument,
} from '../compare-document.js';
import { renderJson } from '../document.js';
import { estimate } from '../estimate.js';
import { InputError } from '../errors.js';
import { money, signedMoney, yearsText } from '../format.js';
import { UsageError } from '../exit.js';
import { outputWidth, print, type Io } from '../io.js';
import { clip } from '../numbers.js';
import { flagName, resolveProfile, type RawProfile } from '../profile.js';
import { csvRow } from '../render/csv.js';
import { applyScenario, parseScenario } from '../scenario.js';
import type { TakeHomeView } from '../take-home.js';
import type { Market, Profile } from '../types.js';
import {
  colorChoice,
  estimateFormat,
  takeHomeRequest,
  type EstimateOptions,
  type TakeHomeOptions,
} from './options.js';

export interface CompareOptions extends EstimateOptions, TakeHomeOptions {
  vs?: string[];
}

export interface CareerOptions extends CompareOptions {
  from?: string;
  to?: string;
  step?: string;
}

/** The most points a career draws (a step too small for the span is an error). */
export const MAX_POINTS = 200;

function startProfile(opts: EstimateOptions, market: Market, years: unknown) {
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
async function takeHomeFor(
  opts: TakeHomeOptions,
  columns: readonly { label: string; profile: Profile }[],
  market: Market,
): Promise<((gross: number, column: number, at?: string) => TakeHomeView) | undefined> {
  const asked = await takeHomeRequest(opts);
  if (!asked) return undefined;
  const { stateScope, takeHomeAt } = await import('../take-home.js');
  const labelOf = (id: string) => market.locations.find((l) => l.id === id)?.label ?? id;
  const taxed = columns.map((c) => ({
    label: c.label,
    locationId: c.profile.city,
    locationLabel: labelOf(c.profile.city),
  }));
  const request = stateScope(taxed, asked);
  return (gross, i, at) => {
    const c = taxed[i]!;
    try {
      return takeHomeAt(gross, c.locationId, c.locationLabel, request);
    } catch (error) {
      if (!(error instanceof InputError) || error.field !== '--pretax') throw error;
      throw new InputError(`${error.message} (${c.label}${at ? `, ${at}` : ''})`, error.field);
    }
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
        import('../render/compare.js'),
      ]);
      const paint = painter(colorLevel(io.stdout, io.env, colorChoice(opts.color)));
      return print(
        io,
        renderCompareReport(doc, { paint, width: outputWidth(io), charset: charsetFor(io.env) }),
      );
    }
  }
}

/** A number of years as a flag gives it: plain decimals from 0 to the market's maximum. */
function yearsFlag(
  text: string | undefined,
  flag: string,
  fallback: number,
  market: Market,
): number {
  if (text === undefined) return fallback;
  const t = text.trim();
  const max = market.experience.maxYears;
  if (!/^(?:\d+(?:\.\d+)?|\.\d+)$/.test(t) || Number(t) > max) {
    throw new UsageError(`${flag} '${clip(text)}' is not a number of years from 0 to ${max}`);
  }
  return Number(t);
}

export async function careerCommand(opts: CareerOptions, io: Io, market: Market): Promise<void> {
  const format = estimateFormat(opts);
  if (opts.years !== undefined) {
    throw new UsageError('--years is the axis of a career: use --from and --to (default 0 to 20)');
  }
  const from = yearsFlag(opts.from, '--from', 0, market);
  const to = yearsFlag(opts.to, '--to', Math.min(20, market.experience.maxYears), market);
  const stepText = opts.step?.trim();
  const step = stepText === undefined ? 1 : Number(stepText);
  if (stepText !== undefined && (!/^(?:\d+(?:\.\d+)?|\.\d+)$/.test(stepText) || !(step > 0))) {
    throw new UsageError(
      `--step '${clip(opts.step ?? '')}' must be a number of years above 0, like 1 or 0.5`,
    );
  }
  if (to < from) throw new UsageError(`--to ${to} is below --from ${from}`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_POINTS) {
    throw new UsageError(
      `--step ${step} from ${from} to ${to} gives ${count} points, more than ${MAX_POINTS}: take a larger step`,
    );
  }
  const years = Array.from({ length: count }, (_, i) => Math.round((from + i * step) * 1e9) / 1e9);
  const scenarios = (opts.vs ?? []).map((text) => parseScenario(text, market));
  for (const s of scenarios) {
    if (s.changes.some((c) => c.field === 'years')) {
      throw new UsageError(`--vs '${s.label}': years is the axis of a career, not a change`);
    }
  }
  const { profile, defaulted } = startProfile(opts, market, from);
  // A career's years do not change its lines' cities: each line is one column for --state.
  const lines = [undefined, ...scenarios].map((s) => ({
    label: s?.label ?? 'start',
    scenario: s,
    profile: s ? applyScenario({ ...profile, years: from }, s, market) : profile,
  }));
  const afterTax = await takeHomeFor(opts, lines, market);
  const line = (i: number) => {
    const { label, scenario: s } = lines[i]!;
    const estimates = years.map((y) => {
      const p = s ? applyScenario({ ...profile, years: y }, s, market) : { ...profile, years: y };
      return estimate(p, market);
    });
    const taxes = afterTax
      ? estimates.map((e) => afterTax(e.total.mid, i, yearsText(e.profile.years)))
      : undefined;
    return careerLine(label, s?.changes ?? [], estimates, taxes);
  };
  const doc = toCareerDocument(
    line(0),
    scenarios.map((_, i) => line(i + 1)),
    defaulted,
    market.dataVersion,
  );
  switch (format) {
    case 'json':
      return print(io, renderJson(doc));
    case 'csv':
      return print(io, careerCsv(doc));
    case 'markdown':
      return print(io, careerMarkdown(doc));
    case 'table': {
      const [{ painter }, { renderCareerReport }] = await Promise.all([
        import('../paint.js'),
        import('../render/compare.js'),
      ]);
      const paint = painter(colorLevel(io.stdout, io.env, colorChoice(opts.color)));
      return print(
        io,
        renderCareerReport(doc, { paint, width: outputWidth(io), charset: charsetFor(io.env) }),
      );
    }
  }
}

const PARTS = ['base', 'bonus', 'equity', 'total'] as const;

function compareCsv(doc: CompareDocument): string {
  let out = csvRow([
    'label',
    'changes',
    'years',
    'city',
    'industry',
    'skills',
    'degree',
    'level',
    ...PARTS.flatMap((p) => [`${p}_low`, `${p}_mid`, `${p}_high`, `${p}_delta`]),
    'net',
    'net_delta',
  ]);
  for (const s of doc.scenarios) {
    out += csvRow([
      s.label,
      s.changes.join(';'),
      s.profile.years,
      s.profile.city,
      s.profile.industry,
      s.profile.skills.join(';'),
      s.profile.degree,
      s.level,
      ...PARTS.flatMap((p) => [s[p].low, s[p].mid, s[p].high, s.delta[p].dollars]),
      s.takeHome?.net ?? '',
      s.delta.net?.dollars ?? '',
    ]);
  }
  return out;
}

function compareMarkdown(doc: CompareDocument): string {
  const usd = money;
  const lines = [
    `| | ${doc.scenarios.map((s) => s.label.replace(/\|/g, '\\|')).join(' | ')} |`,
    `|---|${doc.scenarios.map(() => '---:').join('|')}|`,
  ];
  for (const p of PARTS) {
    lines.push(
      `| ${p} | ${doc.scenarios.map((s) => `${usd(s[p].mid)} (${usd(s[p].low)}-${usd(s[p].high)})`).join(' | ')} |`,
    );
  }
  lines.push(
    `| total vs start | ${doc.scenarios.map((s) => signedMoney(s.delta.total.dollars)).join(' | ')} |`,
  );
  if (doc.scenarios.some((s) => s.takeHome)) {
    lines.push(
      `| net after tax | ${doc.scenarios.map((s) => (s.takeHome ? usd(s.takeHome.net) : '')).join(' | ')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function careerCsv(doc: CareerDocument): string {
  const taxed = doc.points.some((p) => p.takeHome);
  const head = [
    'label',
    'years',
    'level',
    ...PARTS.flatMap((p) => [`${p}_low`, `${p}_mid`, `${p}_high`]),
  ];
  let out = csvRow(taxed ? [...head, 'net'] : head);
  for (const line of [doc, ...(doc.scenarios ?? [])]) {
    for (const pt of line.points) {
      const cells = [
        line.label,
        pt.years,
        pt.level,
        ...PARTS.flatMap((p) => [pt[p].low, pt[p].mid, pt[p].high]),
      ];
      out += csvRow(taxed ? [...cells, pt.takeHome?.net ?? ''] : cells);
    }
  }
  return out;
}

/**
 * A row per point; with --vs, the points of every line (the start's, then each scenario's, as
 * in the CSV), each row led by its line's label.
 */
function careerMarkdown(doc: CareerDocument): string {
  const usd = money;
  const all = [doc, ...(doc.scenarios ?? [])];
  const labelled = all.length > 1;
  const taxed = all.some((line) => line.points.some((p) => p.takeHome));
  const lines = [
    `|${labelled ? ' Line |' : ''} Years | Level | Base | Total |${taxed ? ' Net after tax |' : ''}`,
    `|${labelled ? '---|' : ''}---:|---|---:|---:|${taxed ? '---:|' : ''}`,
  ];
  for (const line of all) {
    const label = labelled ? ` ${line.label.replace(/\|/g, '\\|')} |` : '';
    for (const pt of line.points) {
      const net = taxed ? ` ${pt.takeHome ? usd(pt.takeHome.net) : ''} |` : '';
      lines.push(
        `|${label} ${pt.years} | ${pt.level} | ${usd(pt.base.mid)} | ${usd(pt.total.mid)} (${usd(pt.total.low)}-${usd(pt.total.high)}) |${net}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
