// Take-home pay: the tax model (src/model/tax/) and what the net buys at a metro's prices.
// Pure: the tables come in as arguments (data/tax-2026.json, data/tax-states-2026.json).
import { InputError } from '../errors.js';
import type { FederalFile, Place, StatesFile, TaxTables } from './tax/types.js';

export { supportedStates, takeHome } from './tax/compute.js';
export { localityIds, localName } from './tax/local.js';
export type * from './tax/types.js';

/** Both tax files as the model takes them. */
export function taxTables(federal: FederalFile, states: StatesFile): TaxTables {
  return { ...federal, states: states.states };
}

/** The jurisdiction of a market location; undefined where there is none fixed. */
export function placeOf(locationId: string, tables: TaxTables): Place | undefined {
  if (!Object.hasOwn(tables.places, locationId)) return undefined;
  const place = tables.places[locationId];
  return place ? { ...place } : undefined;
}

/** A price level: BEA Regional Price Parity, all items, U.S. = 100. */
export interface Parity {
  /** The metro (or the U.S. average) the index is of. */
  metro: string;
  index: number;
  /** The data year; null where the source does not say. */
  year: number | null;
  source: string;
  uncertain?: boolean;
  note?: string;
}

/** The shape of data/price-parities.json. */
export interface PriceParities {
  about: string;
  places: Record<string, Parity>;
}

export interface PurchasingPower {
  metro: string;
  index: number;
  year: number | null;
  source: string;
  /** Net pay at U.S.-average prices, whole dollars. */
  net: number;
  uncertain?: boolean;
  note?: string;
}

/** What `net` buys at U.S.-average prices: net / (index / 100), whole dollars. */
export function purchasingPower(net: number, parity: Parity): PurchasingPower {
  if (!Number.isFinite(parity.index) || parity.index <= 0)
    throw new InputError(`price index must be a positive number, got ${parity.index}`, 'parity');
  const out: PurchasingPower = {
    metro: parity.metro,
    index: parity.index,
    year: parity.year,
    source: parity.source,
    net: Math.round(net / (parity.index / 100)),
  };
  if (parity.uncertain) out.uncertain = true;
  if (parity.note) out.note = parity.note;
  return out;
}
