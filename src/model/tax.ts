// Take-home pay: the tax model (src/model/tax/) and what the net buys at a metro's prices.
// Pure: the tables come in as arguments (data/tax-2026.json, data/tax-states-2026.json).
import { InputError } from '../errors.js';
import type { FederalFile, Locality, Place, StatesFile, TaxTables } from './tax/types.js';

export { supportedStates, takeHome } from './tax/compute.js';
export type * from './tax/types.js';

/** Both tax files as the model takes them: a state's counties become localities too. */
export function taxTables(federal: FederalFile, file: StatesFile): TaxTables {
  const states = Object.entries(file.states).map(([code, s]) => {
    if (!s.counties) return [code, s];
    const { rates, names, src, year, uncertain, note } = s.counties;
    const figures = { src, year, uncertain, note };
    const counties = Object.entries(rates).map(([id, rate]): [string, Locality] => {
      const words = id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1));
      const name = names?.[id] ?? `${words.join(' ')} County`;
      const part = { ...figures, id, label: `${name} income tax`, base: 'state-taxable', rate };
      return [id, { name, county: true, parts: [part as Locality['parts'][0]] }];
    });
    return [code, { ...s, locals: { ...s.locals, ...Object.fromEntries(counties) } }];
  });
  return { ...federal, states: Object.fromEntries(states) };
}

/** The jurisdiction of a market location; undefined where none is fixed. */
export const placeOf = (id: string, tables: TaxTables): Place | undefined =>
  (Object.hasOwn(tables.places, id) && tables.places[id]) || undefined;

/** A price level: BEA Regional Price Parity, all items, U.S. = 100. */
export interface Parity {
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
  places: Record<string, Parity>;
}

/** What a net buys at U.S.-average prices: `net` / (index / 100), whole dollars. */
export type PurchasingPower = Parity & { net: number };

export function purchasingPower(net: number, p: Parity): PurchasingPower {
  if (!(p.index > 0))
    throw new InputError(`price index must be a positive number, got ${p.index}`, 'parity');
  const { metro, index, year, source, ...rest } = p;
  return { metro, index, year, source, net: Math.round(net / (index / 100)), ...rest };
}
