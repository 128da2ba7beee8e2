// The library API: `import { estimate, market } from 'ml-salary'` (dist/index.js, typed by
// dist/types/). The CLI is built on these same functions; the command-line program itself
// (commander, prompts, tables) is not part of it, so importing the library stays light.
export {
  estimate,
  price,
  type Price,
  nationalBase,
  payMixAt,
  totalRange,
  degreeWeight,
  stackSkillPremiums,
  levelFor,
} from './estimate.js';
export { market } from './market.js';
export {
  catalog,
  foldName,
  lookup,
  resolveName,
  resolveSkills,
  suggest,
  type CatalogKind,
} from './normalise.js';
export { resolveProfile, type RawProfile, type ResolvedProfile } from './profile.js';
export { parseYears } from './numbers.js';
export { toDocument, renderJson, SCHEMA_VERSION, type EstimateDocument } from './document.js';
export { InputError } from './errors.js';
export { EXIT } from './exit.js';
export { VERSION } from './version.js';
export type * from './types.js';
