// The documents of `ml-salary compare` and `ml-salary career` (schemas/compare.schema.json,
// schemas/career.schema.json): estimates of several profiles, each exactly what a single estimate
// of that profile gives, and their differences. Built once; renderers read only these.
import { dataOf, SCHEMA_VERSION, type DataIn, type Head } from './estimate.js';
import { rangesOf } from '../model/estimate.js';
import type { TakeHomeView } from '../model/take-home.js';
import type {
  Change,
  Estimate,
  Figures,
  Profile,
  ProfileField,
  ProfileLabels,
} from '../model/types.js';

/** A difference from the first scenario's typical figure. */
export interface Delta {
  dollars: number;
  /** Of the first scenario's figure, as a fraction (null when that figure is 0). */
  percent: number | null;
}

export interface CompareScenario extends Figures {
  label: string;
  /** The changes from the starting point, as typed (empty for the starting point itself). */
  changes: string[];
  profile: Profile;
  labels: ProfileLabels;
  /** Each part's typical figure against the first scenario's (and the net's, with take-home). */
  delta: { base: Delta; bonus: Delta; equity: Delta; total: Delta; net?: Delta };
  /** With --take-home: the typical total after tax. */
  takeHome?: TakeHomeView;
}

function head<K>(kind: K, market: DataIn, defaulted: readonly ProfileField[]): Head<K> {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind,
    currency: 'USD',
    period: 'year',
    ...dataOf(market),
    defaulted: [...defaulted],
  };
}

export interface CompareDocument extends Head<'compare'> {
  scenarios: CompareScenario[];
  /** What the figures rest on that they do not show (a city's factor that is an estimate). */
  notes?: string[];
}

function delta(value: number, first: number): Delta {
  return {
    dollars: value - first,
    percent: first === 0 ? null : Math.round(((value - first) / first) * 10000) / 10000,
  };
}

/** A compare document from the estimates of the starting point and each scenario; its notes open
 *  with the paper line (one, unlabelled, when every column has paper). */
export function toCompareDocument(
  entries: readonly {
    label: string;
    changes: readonly Change[];
    estimate: Estimate;
    takeHome?: TakeHomeView;
  }[],
  defaulted: readonly ProfileField[],
  market: DataIn,
  notes: readonly string[] = [],
): CompareDocument {
  const first = entries[0]!;
  const cash = first.takeHome ? ' Its net after tax is of cash only (base + bonus).' : '';
  const paper = entries.map(
    ({ label, estimate: e }) => [label === 'start' ? 'Start' : label, !!e.paper] as const,
  );
  const all = [...paperNotes(paper).map((n) => n + cash), ...notes];
  return {
    ...head('compare' as const, market, defaulted),
    ...(all.length ? { notes: all } : {}),
    scenarios: entries.map(({ label, changes, estimate: e, takeHome }) => {
      const f = first.estimate;
      const scenario: CompareScenario = {
        label,
        changes: changes.map((c) => c.text),
        profile: e.profile,
        labels: e.labels,
        ...rangesOf(e),
        delta: {
          base: delta(e.base.mid, f.base.mid),
          bonus: delta(e.bonus.mid, f.bonus.mid),
          equity: delta(e.equity.mid, f.equity.mid),
          total: delta(e.total.mid, f.total.mid),
        },
      };
      if (e.paper) scenario.paper = e.paper;
      if (takeHome && first.takeHome) {
        scenario.delta.net = delta(takeHome.net, first.takeHome.net);
        scenario.takeHome = takeHome;
      }
      return scenario;
    }),
  };
}

/** One point of a career: the estimate at this many years. */
export interface CareerPoint extends Figures {
  years: number;
  /** With --take-home: the typical total after tax. */
  takeHome?: TakeHomeView;
}

export interface CareerLine {
  label: string;
  changes: string[];
  /** The profile without its years (the axis). */
  profile: Omit<Profile, 'years'>;
  labels: ProfileLabels;
  points: CareerPoint[];
}

export interface CareerDocument extends CareerLine, Head<'career'> {
  /** With --vs: the same years for each scenario. */
  scenarios?: CareerLine[];
  /** As a compare document's. */
  notes?: string[];
}

function careerPoint(e: Estimate, takeHome?: TakeHomeView): CareerPoint {
  const point: CareerPoint = { years: e.profile.years, ...rangesOf(e) };
  if (e.paper) point.paper = e.paper;
  if (takeHome) point.takeHome = takeHome;
  return point;
}

export function careerLine(
  label: string,
  changes: readonly Change[],
  estimates: readonly Estimate[],
  takeHomes?: readonly TakeHomeView[],
): CareerLine {
  const { city, industry, skills, degree } = estimates[0]!.profile;
  const profile = { city, industry, skills, degree };
  return {
    label,
    changes: changes.map((c) => c.text),
    profile,
    labels: estimates[0]!.labels,
    points: estimates.map((e, i) => careerPoint(e, takeHomes?.[i])),
  };
}

const PAPER =
  'equity is paper (a private company), at the latest round price; $0 at the low end, as it may never be sold.';

/** The notes on paper equity, "<label>: equity is paper ..." for each column (line) with it; one
 *  "Equity is paper ..." when every one has it. */
function paperNotes(columns: readonly (readonly [label: string, paper: boolean])[]): string[] {
  const paper = columns.filter(([, p]) => p);
  if (paper.length === columns.length) return [`E${PAPER.slice(1)}`];
  return paper.map(([label]) => `${label}: ${PAPER}`);
}

/** A career's document; its notes open with the lines whose equity is paper. */
export function toCareerDocument(
  main: CareerLine,
  scenarios: readonly CareerLine[],
  defaulted: readonly ProfileField[],
  market: DataIn,
  notes: readonly string[] = [],
): CareerDocument {
  const doc: CareerDocument = { ...head('career' as const, market, defaulted), ...main };
  if (scenarios.length > 0) doc.scenarios = [...scenarios];
  const lines = [main, ...scenarios].map((l) => [l.label, l.points.some((p) => p.paper)] as const);
  const all = [...paperNotes(lines), ...notes];
  if (all.length > 0) doc.notes = all;
  return doc;
}
