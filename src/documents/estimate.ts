import type { TakeHomeView } from '../model/take-home.js';
import { rangesOf, type Price } from '../model/estimate.js';
import type { Estimate, Figures, Profile, ProfileField } from '../model/types.js';

/**
 * The version of every JSON document the CLI prints: it changes only when a field changes meaning
 * or is removed (docs/scripting.md "The JSON documents" tells each version's changes).
 */
export const SCHEMA_VERSION = 4;

/** What an offer, compare or career document has besides its own fields. */
export interface Head<K> {
  schemaVersion: typeof SCHEMA_VERSION;
  kind: K;
  currency: 'USD';
  period: 'year';
  dataVersion: string;
  /** The fields given no value. */
  defaulted: ProfileField[];
}

/** The JSON document printed by `--json` (schemas/estimate.schema.json). */
export interface EstimateDocument extends Estimate {
  schemaVersion: typeof SCHEMA_VERSION;
  currency: 'USD';
  period: 'year';
  dataVersion: string;
  defaulted: ProfileField[];
  /** With --take-home: the low, typical and high totals after tax. */
  takeHome?: { low: TakeHomeView; mid: TakeHomeView; high: TakeHomeView };
}

/** Build the versioned JSON document for one estimate. */
export function toDocument(
  estimate: Estimate,
  defaulted: readonly ProfileField[],
  dataVersion: string,
): EstimateDocument {
  const doc: EstimateDocument = {
    schemaVersion: SCHEMA_VERSION,
    currency: 'USD',
    period: 'year',
    dataVersion,
    profile: estimate.profile,
    labels: estimate.labels,
    defaulted: [...defaulted],
    ...rangesOf(estimate),
    factors: estimate.factors,
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
}

export function toBatchRecord(
  line: number,
  estimate: Price,
  defaulted: readonly ProfileField[],
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
  return record;
}

/** A document as one line of JSON. */
export function renderJson(doc: object): string {
  return `${JSON.stringify(doc)}\n`;
}
