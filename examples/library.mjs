// The library API: run from a checkout with `node examples/library.mjs` (docs/scripting.md).
import { estimate, market, resolveProfile, toDocument, SCHEMA_VERSION } from 'ml-salary';

// Names and aliases as a user types them; fields left out take the typical profile.
const { profile, defaulted } = resolveProfile(
  { years: 6, city: 'bay area', industry: 'faang', skills: 'mlops,nlp' },
  market,
);
console.log(profile, defaulted);

const result = estimate(profile, market);
console.log(result.level, result.total);
for (const f of result.factors) console.log(f.effect, f.label);

const doc = toDocument(result, defaulted, market.dataVersion);
console.log(doc.schemaVersion === SCHEMA_VERSION, doc.dataVersion);
