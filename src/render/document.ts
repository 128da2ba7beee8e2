import type { Estimate, ProfileField } from '../types.js';

export const SCHEMA_VERSION = 2;

/** The JSON document printed by `--json` (schemas/estimate.schema.json). */
export interface EstimateDocument extends Estimate {
  schemaVersion: typeof SCHEMA_VERSION;
  currency: 'USD';
  period: 'year';
  dataVersion: string;
  defaulted: ProfileField[];
}

/** Build the versioned JSON document for one estimate. */
export function toDocument(
  estimate: Estimate,
  defaulted: readonly ProfileField[],
  dataVersion: string,
): EstimateDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    currency: 'USD',
    period: 'year',
    dataVersion,
    profile: estimate.profile,
    defaulted: [...defaulted],
    level: estimate.level,
    base: estimate.base,
    bonus: estimate.bonus,
    equity: estimate.equity,
    total: estimate.total,
    factors: estimate.factors,
    sources: estimate.sources,
    guides: estimate.guides,
  };
}

/** The document as one line of JSON. */
export function renderJson(doc: EstimateDocument): string {
  return `${JSON.stringify(doc)}\n`;
}
