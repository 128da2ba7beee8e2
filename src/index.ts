// The library API: `import { estimate, market } from 'ml-salary'` (dist/index.js, typed by
// dist/types/). The CLI is built on these same functions; the command-line program itself
// (commander, prompts, tables) is not part of it, so importing the library stays light.
export {
  estimate,
  price,
  type Price,
  levelFor,
  positionFor,
  ladderBase,
  mixAt,
  degreeWeight,
} from './model/estimate.js';
import { market as bundled } from './model/market.js';
import { deepFreeze } from './model/freeze.js';
/**
 * The bundled market, deeply frozen: estimate() remembers what it derives from a market object,
 * so a market must never change once used; to try other figures, pass a changed
 * `structuredClone(market)` through checkMarket().
 */
export const market = deepFreeze(bundled);
export {
  catalog,
  foldName,
  lookup,
  resolveName,
  resolveSkills,
  suggest,
  type CatalogKind,
} from './input/names.js';
export { resolveProfile, type RawProfile, type ResolvedProfile } from './input/profile.js';
export { parseYears } from './input/numbers.js';
export {
  toDocument,
  renderJson,
  SCHEMA_VERSION,
  type EstimateDocument,
} from './documents/estimate.js';
export { checkMarket } from './input/market-check.js';
export { InputError } from './errors.js';
export { EXIT } from './cli/exit.js';
export { VERSION } from './cli/version.js';
export { LEVELS, PROFILE_FIELDS, MARKET_FILE_SOURCE } from './model/types.js';
export type * from './model/types.js';
