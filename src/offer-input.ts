// An offer as a user gives it (flags, an offer file, a batch record, answers at the prompts) into
// checked terms. Pure: names in messages come from the caller (`--sign-on` or `signOn`).
import {
  parseAmount,
  parseAmountList,
  parseBonus,
  parsePercent,
  GROWTH_BOUNDS,
} from './amounts.js';
import { InputError } from './errors.js';
import { kindOf } from './numbers.js';
import {
  checkOffer,
  vestingPresets,
  type Bonus,
  type OfferFieldNames,
  type OfferTerms,
  type Vesting,
} from './offer.js';
import { parseVesting } from './amounts.js';

/** An offer's terms as given: text from flags and prompts, or JSON values from a file. */
export interface RawOffer {
  base?: unknown;
  bonus?: unknown;
  equity?: unknown;
  vesting?: unknown;
  signOn?: unknown;
  refresh?: unknown;
  growth?: unknown;
  private?: unknown;
}

export const OFFER_FIELDS: readonly (keyof RawOffer)[] = [
  'base',
  'bonus',
  'equity',
  'vesting',
  'signOn',
  'refresh',
  'growth',
  'private',
];

/** Names for messages about an offer file or a batch record's `offer`: its own keys. */
export const OFFER_KEYS: OfferFieldNames = Object.freeze({
  base: 'base',
  bonus: 'bonus',
  equity: 'equity',
  vesting: 'vesting',
  signOn: 'signOn',
  refresh: 'refresh',
  growth: 'growth',
  private: 'private',
});

/** An amount given as text (`185k`) or as a JSON number (whole dollars, rounded). */
function amount(value: unknown, field: string): number {
  if (typeof value === 'string') return parseAmount(value, field);
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (value < 0) throw new InputError(`${field} ${value} cannot be negative`, field);
    return parseAmount(String(Math.round(value)), field);
  }
  throw new InputError(
    `${field} must be an amount like 185000 or "185k", got ${kindOf(value)}`,
    field,
  );
}

function bonusOf(value: unknown, field: string): Bonus | null {
  if (typeof value === 'string') return parseBonus(value, field);
  if (typeof value === 'number') return parseBonus(String(value), field);
  throw new InputError(
    `${field} must be a percentage like "15%" or an amount like 30000, got ${kindOf(value)}`,
    field,
  );
}

function vestingOf(value: unknown, field: string): Vesting {
  if (typeof value === 'string') return parseVesting(value, vestingPresets, field);
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) {
    return parseVesting(value.join('/'), vestingPresets, field);
  }
  throw new InputError(
    `${field} must be a preset name like "amazon" or yearly percentages like "10/20/30/40" or [10, 20, 30, 40], got ${kindOf(value)}`,
    field,
  );
}

function signOnOf(value: unknown, field: string): number[] {
  if (typeof value === 'string') return parseAmountList(value, field);
  if (typeof value === 'number') return [amount(value, field)];
  if (Array.isArray(value)) return value.map((v, i) => amount(v, `${field} item ${i + 1}`));
  throw new InputError(
    `${field} must be amounts like "50000,30000" or [50000, 30000], got ${kindOf(value)}`,
    field,
  );
}

function growthOf(value: unknown, field: string): number {
  if (typeof value === 'string') return parsePercent(value, field, GROWTH_BOUNDS);
  throw new InputError(
    `${field} must be a percentage like "10%" or "-5%", got ${kindOf(value)}`,
    field,
  );
}

function flag(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  throw new InputError(`${field} must be true or false, got ${kindOf(value)}`, field);
}

const given = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

/**
 * The offer's terms, parsed and checked (`checkOffer`): `base` is required; a schedule needs a
 * grant (`--vesting` without `--equity` is an error, nothing is guessed); with a grant and no
 * schedule the schedule is `even` (25/25/25/25). Throws InputError naming the field as `names`
 * names it.
 */
export function resolveOffer(raw: RawOffer, names: OfferFieldNames): OfferTerms {
  if (!given(raw.base)) throw new InputError(`${names.base} is required`, names.base);
  const equity = given(raw.equity) ? amount(raw.equity, names.equity) : 0;
  if (given(raw.vesting) && equity === 0) {
    throw new InputError(
      `${names.vesting} is a schedule for a stock grant: give the grant with ${names.equity}`,
      names.vesting,
    );
  }
  const even = vestingPresets.find((p) => p.id === 'even')!;
  const terms: OfferTerms = {
    base: amount(raw.base, names.base),
    bonus: given(raw.bonus) ? bonusOf(raw.bonus, names.bonus) : null,
    equity,
    vesting: given(raw.vesting)
      ? vestingOf(raw.vesting, names.vesting)
      : { id: even.id, percents: [...even.percents] },
    signOn: given(raw.signOn) ? signOnOf(raw.signOn, names.signOn) : [],
    refresh: given(raw.refresh) ? amount(raw.refresh, names.refresh) : 0,
    growth: given(raw.growth) ? growthOf(raw.growth, names.growth) : 0,
    private: raw.private === undefined ? false : flag(raw.private, names.private),
  };
  checkOffer(terms, names);
  return terms;
}
