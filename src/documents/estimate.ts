import type { TakeHomeView } from '../model/take-home.js';
import { rangesOf, type Price } from '../model/estimate.js';
import { marketFileSource } from '../model/reasons.js';
import type { Estimate, Figures, Market, Profile, ProfileField } from '../model/types.js';

/**
 * The version of every JSON document the CLI prints: it changes only when a field changes meaning
 * or is removed (docs/scripting.md "The JSON documents" tells each version's changes).
 */
export const SCHEMA_VERSION = 4;

/** The market's version and, with --data, the file its figures come from (`marketFile`). */
export interface DataOf {
  dataVersion: string;
  marketFile?: string;
}
/** `market` a market, or only its version (the library's older call). */
export type DataIn = string | Pick<Market, 'dataVersion' | 'sources'>;
export function dataOf(market: DataIn): DataOf {
  if (typeof market === 'string') return { dataVersion: market };
  const file = marketFileSource(market)?.file;
  const { dataVersion } = market;
  return file === undefined ? { dataVersion } : { dataVersion, marketFile: file };
}

/** What an offer, compare or career document has besides its own fields. */
export interface Head<K> extends DataOf {
  schemaVersion: typeof SCHEMA_VERSION;
  kind: K;
  currency: 'USD';
  period: 'year';
  /** The fields given no value. */
  defaulted: ProfileField[];
}

/** The JSON document printed by `--json` (schemas/estimate.schema.json). */
export interface EstimateDocument extends Estimate, DataOf {
  schemaVersion: typeof SCHEMA_VERSION;
  currency: 'USD';
  period: 'year';
  defaulted: ProfileField[];
  /** With --take-home: the low, typical and high totals after tax. */
  takeHome?: { low: TakeHomeView; mid: TakeHomeView; high: TakeHomeView };
}

/** Build the versioned JSON document for one estimate. */
export function toDocument(
  estimate: Estimate,
  defaulted: readonly ProfileField[],
  market: DataIn,
  title?: string,
): EstimateDocument {
  const doc: EstimateDocument = {
    schemaVersion: SCHEMA_VERSION,
    currency: 'USD',
    period: 'year',
    ...dataOf(market),
    profile: estimate.profile,
    labels: estimate.labels,
    defaulted: [...defaulted],
    ...rangesOf(estimate),
    // A level typed as a company's title (resolveProfile's `title`): said on the level's reason.
    factors: title
      ? estimate.factors.map((f, i) => (i ? f : { ...f, label: `${f.label}. ${title}` }))
      : estimate.factors,
    sources: estimate.sources,
    guides: estimate.guides,
    openData: estimate.openData,
  };
  if (estimate.paper) doc.paper = estimate.paper;
  return doc;
}

/** One compact batch record (schemas/batch-record.schema.json): the numbers an analyst uses. */
export interface BatchRecord extends Figures {
  schemaVersion: typeof SCHEMA_VERSION;
  line: number;
  profile: Profile;
  defaulted: ProfileField[];
  /** The profile fields whose figures are uncertain (uncertainIds), where there are any. */
  uncertain?: ('city' | 'industry')[];
}

export function toBatchRecord(
  line: number,
  estimate: Price,
  defaulted: readonly ProfileField[],
  uncertain?: BatchRecord['uncertain'],
): BatchRecord {
  const record: BatchRecord = {
    schemaVersion: SCHEMA_VERSION,
    line,
    profile: estimate.profile,
    defaulted: [...defaulted],
    level: estimate.level,
    base: estimate.base,
    bonus: estimate.bonus,
    equity: estimate.equity,
    total: estimate.total,
  };
  if (estimate.paper) record.paper = estimate.paper;
  if (uncertain) record.uncertain = uncertain;
  return record;
}

/** A document as one line of JSON. */
export function renderJson(doc: object): string {
  return `${JSON.stringify(doc)}\n`;
}
