// Take-home pay for a place: which taxes apply where the profile lives, and what the net buys.
// Loaded only when --take-home is asked for (the tax tables travel with it).
import parities from '../../data/price-parities.json' with { type: 'json' };
import tables from '../../data/tax-2026.json' with { type: 'json' };
import { InputError } from '../errors.js';
import {
  placeOf,
  purchasingPower,
  supportedStates,
  takeHome,
  type Filing,
  type PriceParities,
  type PurchasingPower,
  type TakeHome,
  type TaxTables,
} from './tax.js';

const TAX = tables as unknown as TaxTables;
const PRICES = parities as unknown as PriceParities;

/** The state codes the tax tables hold, sorted (besides `none`, federal only). */
export function stateCodes(): string[] {
  return supportedStates(TAX);
}

/** What the user asked for: filing status, a state for a location without one, contributions. */
export interface TakeHomeRequest {
  filing: Filing;
  /**
   * The state lived in, for `remote` and `us` (federal only when left out): a code of
   * `stateCodes()` or `none`, as input/take-home.ts parsed it.
   */
  state?: string | undefined;
  pretax: number;
  /**
   * Set by `stateScope` for several columns: `state` is for those whose location has no fixed
   * state, and the others keep their own instead of refusing it.
   */
  stateWhereNone?: boolean;
  /** A note every view of the run carries (which columns `state` applies to). */
  note?: string;
}

/** One column of a run that taxes several profiles: its heading and its location. */
export interface TaxedColumn {
  label: string;
  locationId: string;
  locationLabel: string;
}

/**
 * --state over several columns (compare's scenarios, career's lines): it applies to every column
 * whose location has no fixed state (remote, us), the others keeping their own; an error only
 * when no column is such a location. The request it returns says so in a note, when some
 * columns have a state of their own.
 */
export function stateScope(
  columns: readonly TaxedColumn[],
  request: TakeHomeRequest,
): TakeHomeRequest {
  // A saved profile's state (stateWhereNone from the start) applies where a column has none.
  if (request.state === undefined || request.stateWhereNone === true) return request;
  const given = request.state;
  const fixed = columns.flatMap((c) => {
    const place = placeOf(c.locationId, TAX);
    return place ? [{ ...c, state: place.state }] : [];
  });
  const open = columns.filter((c) => placeOf(c.locationId, TAX) === undefined);
  if (open.length === 0) {
    const other = fixed.filter((c) => c.state !== given);
    if (other.length === 0) return request; // the state every column is in anyway
    const where = [...new Map(other.map((c) => [c.locationLabel, c.state]))]
      .map(([label, state]) => `${label} is in ${state}`)
      .join(', ');
    throw new InputError(
      `state is for a location without one (remote, us), and no column is one; ${where}`,
      'state',
    );
  }
  if (fixed.length === 0) return request;
  const used = open.map((c) => `${c.label} (${c.locationLabel})`).join(', ');
  const own = fixed.map((c) => `${c.label} (${c.locationLabel}, ${c.state})`).join(', ');
  return {
    ...request,
    stateWhereNone: true,
    note: `--state ${given} applies only to the columns without a fixed state: ${used}; ${own} ${fixed.length === 1 ? 'keeps its' : 'keep their'} own state's taxes.`,
  };
}

/** Take-home pay at one gross figure, with what it buys at U.S.-average prices. */
export interface TakeHomeView extends TakeHome {
  purchasingPower: PurchasingPower;
}

/** Where a profile is taxed: its location, the state and local tax, a note on how they were chosen. */
export interface Jurisdiction {
  locationId: string;
  locationLabel: string;
  state: string;
  local: string | null;
  note?: string;
}

/**
 * The tax jurisdiction of a location: its state and local tax, or the request's state where it
 * has none. Worked out (and the request's state checked against it) once per profile, before
 * any figure is taxed.
 */
export function jurisdiction(
  locationId: string,
  locationLabel: string,
  request: TakeHomeRequest,
): Jurisdiction {
  const place = placeOf(locationId, TAX);
  const fixed = Object.hasOwn(TAX.places, locationId);
  const at = { locationId, locationLabel };
  if (place !== undefined) {
    if (
      request.state !== undefined &&
      request.stateWhereNone !== true &&
      request.state !== place.state
    ) {
      throw new InputError(
        `state is for a location without one (remote, us); ${locationLabel} is in ${place.state}`,
        'state',
      );
    }
    return { ...at, ...place };
  }
  if (request.state === undefined) {
    const why = fixed
      ? `${locationLabel} has no fixed state`
      : `${locationLabel} is not a location the tax data knows`;
    return {
      ...at,
      state: 'none',
      local: null,
      note: `Federal taxes only: ${why}; pass --state (${supportedStates(TAX).join(', ')}) for a state's.`,
    };
  }
  return { ...at, state: request.state, local: null };
}

/**
 * Stock is wages when it vests, a bonus when it is paid, and both are often withheld at the flat
 * supplemental rate: when the top federal bracket is higher, withholding falls short.
 */
function withholdingNote(gross: number, request: TakeHomeRequest): string | undefined {
  const flat = TAX.federal.supplementalWithholding;
  if (!flat) return undefined;
  const tax = TAX.federal.incomeTax;
  const taxable = gross - request.pretax - tax.standardDeduction[request.filing];
  const top = tax.brackets[request.filing].filter((b) => taxable > b.over).pop();
  if (!top || top.rate <= flat.rate) return undefined;
  const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
  const rates = tax.brackets[request.filing].map((b) => b.rate).filter((r) => r > flat.rate);
  const range = `${pct(Math.min(...rates))}-${pct(Math.max(...rates))}`;
  return `Stock is taxed as wages in the year it vests, a bonus in the year it is paid; employers often withhold on both at the flat ${pct(flat.rate)} supplemental rate${flat.uncertain ? ' (the 2025 figure; 2026 not yet published)' : ''}, less than the ${range} federal brackets take: above ${pct(flat.rate)}, expect to owe the difference at filing.`;
}

/**
 * Take-home pay on `gross` wages in a jurisdiction (each tax with its rate basis, the net and the
 * effective rate), and the purchasing power of the net at the metro's price level. `column`
 * names the figure in a refusal of the pretax contributions ("the Low column", "year 2"): the
 * same contributions come out of every column of a report, so the message says which one
 * cannot pay them.
 */
export function takeHomeAt(
  gross: number,
  where: Jurisdiction,
  request: TakeHomeRequest,
  column?: string,
): TakeHomeView {
  const { locationId, locationLabel } = where;
  let result: TakeHome;
  try {
    result = takeHome(
      gross,
      { filing: request.filing, state: where.state, local: where.local, pretax: request.pretax },
      TAX,
    );
  } catch (error) {
    if (column === undefined || !(error instanceof InputError) || error.field !== 'pretax') {
      throw error;
    }
    throw new InputError(`${error.message} (${column})`, error.field);
  }
  if (where.note) result.notes.unshift(where.note);
  if (request.note) result.notes.unshift(request.note);
  const withholding = withholdingNote(gross, request);
  if (withholding) result.notes.push(withholding);
  const parity = Object.hasOwn(PRICES.places, locationId) ? PRICES.places[locationId] : undefined;
  const index = parity ?? {
    metro: 'United States (average)',
    index: 100,
    year: null,
    source: 'U.S. average by definition (BEA Regional Price Parities, U.S. = 100)',
    note: `${locationLabel} has no metro of its own in the price data: the U.S. average is used.`,
  };
  return { ...result, purchasingPower: purchasingPower(result.net, index) };
}
