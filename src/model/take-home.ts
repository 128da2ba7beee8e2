// Take-home pay for a place: which taxes apply where the profile lives, and what the net buys.
// Loaded only when --take-home is asked for (the tax tables travel with it).
import parities from '../../data/price-parities.json' with { type: 'json' };
import federal from '../../data/tax-2026.json' with { type: 'json' };
import states from '../../data/tax-states-2026.json' with { type: 'json' };
import { InputError } from '../errors.js';
import {
  localName,
  localityIds,
  placeOf,
  purchasingPower,
  supportedStates,
  takeHome,
  taxTables,
  type FederalFile,
  type Filing,
  type Place,
  type PriceParities,
  type PurchasingPower,
  type StatesFile,
  type TakeHome,
} from './tax.js';

const TAX = taxTables(federal as unknown as FederalFile, states as unknown as StatesFile);
const PRICES = parities as unknown as PriceParities;

/** The state codes the tax tables hold, sorted (besides `none`, federal only). */
export function stateCodes(): string[] {
  return supportedStates(TAX);
}

/** Every state and DC: code, name, whether it taxes wages, its localities; sorted by code. */
export function stateList(): {
  code: string;
  name: string;
  incomeTax: boolean;
  localities: string[];
}[] {
  return supportedStates(TAX).map((code) => {
    const s = TAX.states[code]!;
    return { code, name: s.name, incomeTax: !s.tax.none, localities: localityIds(s) };
  });
}

/** A state's localities, for `list localities`. */
export interface LocalityGroup {
  state: string;
  name: string;
  named: { id: string; name: string }[];
  counties?: { default: string; ids: string[] };
}

/** The localities of each state that has any: named ones, and the counties every resident has. */
export function localityGroups(): LocalityGroup[] {
  return supportedStates(TAX).flatMap((code) => {
    const s = TAX.states[code]!;
    const named = Object.keys(s.locals ?? {}).map((id) => ({ id, name: localName(s, id) }));
    const counties = s.counties
      ? { default: s.counties.default, ids: Object.keys(s.counties.rates).sort() }
      : undefined;
    return named.length || counties
      ? [{ state: code, name: s.name, named, ...(counties ? { counties } : {}) }]
      : [];
  });
}

/** Each locality id and the states that have it. */
export function localityIndex(): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const code of supportedStates(TAX))
    for (const id of localityIds(TAX.states[code]!))
      index.set(id, [...(index.get(id) ?? []), code]);
  return index;
}

/** What the user asked for: filing status, a state for a location without one, contributions. */
export interface TakeHomeRequest {
  filing: Filing;
  /**
   * The state lived in, for `remote` and `us` (federal only when left out): a code of
   * `stateCodes()` or `none`, as input/take-home.ts parsed it.
   */
  state?: string | undefined;
  /** A locality id some state has (as input/take-home.ts checked it), or `none`. */
  locality?: string | undefined;
  /** 401(k)-type deferrals. */
  pretax: number;
  /** HSA contributions through payroll, and whether the cover is family cover. */
  hsa?: number;
  hsaFamily?: boolean;
  age?: number | undefined;
  /** Other itemised deductions. */
  itemized?: number;
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
  /** A locality of the state; null for none; undefined for the state's default (a county). */
  local: string | null | undefined;
  note?: string;
}

/** Whether a state has a locality of this id. */
function hasLocality(code: string, locality: string | undefined): boolean {
  return (
    locality !== undefined &&
    Object.hasOwn(TAX.states, code) &&
    localityIds(TAX.states[code]!).includes(locality)
  );
}

/** The state taxed for a location with a fixed place, and its default locality. */
function placeState(
  place: Place,
  locationLabel: string,
  request: TakeHomeRequest,
): { state: string; local: string | null | undefined } {
  const asked = request.stateWhereNone === true ? undefined : request.state;
  if (asked !== undefined && asked !== place.state && !(place.states ?? []).includes(asked)) {
    const others = place.states?.length ? ` (or ${place.states.join(', ')})` : '';
    throw new InputError(
      `state is for a location without one (remote, us), or another state the metro spans; ${locationLabel} is in ${place.state}${others}`,
      'state',
    );
  }
  const locality = request.locality;
  if (asked !== undefined)
    return { state: asked, local: asked === place.state ? place.local : undefined };
  // A locality of another state the metro spans moves the state there.
  if (locality !== undefined && locality !== 'none' && !hasLocality(place.state, locality)) {
    const other = (place.states ?? []).find((code) => hasLocality(code, locality));
    if (other) return { state: other, local: undefined };
  }
  return { state: place.state, local: place.local };
}

/** The state a locality names for a location without one (and without a state asked). */
function localityState(locality: string): string {
  const where = localityIndex().get(locality) ?? [];
  if (where.length !== 1)
    throw new InputError(
      where.length > 1
        ? `locality ${locality} is in ${where.join(' and ')}: name the state too`
        : `locality ${locality} is not one the tax data knows`,
      'locality',
    );
  return where[0]!;
}

/** The locality taxed: the one asked for (checked to be the state's), else the default. */
function chosenLocality(
  state: string,
  locality: string | undefined,
  fallback: string | null | undefined,
): string | null | undefined {
  if (locality === undefined) return fallback;
  if (locality === 'none') return null;
  if (state === 'none')
    throw new InputError(`locality ${locality} needs a state, not none (federal only)`, 'locality');
  if (hasLocality(state, locality)) return locality;
  const ids = Object.hasOwn(TAX.states, state) ? localityIds(TAX.states[state]!) : [];
  const list =
    ids.length > 12
      ? `${ids.slice(0, 12).join(', ')}... (ml-salary list localities)`
      : ids.join(', ');
  throw new InputError(
    `locality ${locality} is not in ${state}${ids.length ? `: use ${list}, or none` : ` (${state} has no local taxes the tool models; use none)`}`,
    'locality',
  );
}

/**
 * The tax jurisdiction of a location: its state and local tax, the request's state where it has
 * none (or one of the other states it spans), and the request's locality, which may name one of
 * those states' localities. Worked out (and the request checked against it) once per profile,
 * before any figure is taxed.
 */
export function jurisdiction(
  locationId: string,
  locationLabel: string,
  request: TakeHomeRequest,
): Jurisdiction {
  const place = placeOf(locationId, TAX);
  const at = { locationId, locationLabel };
  const locality = request.locality;
  let chosen: { state: string; local: string | null | undefined };
  if (place !== undefined) chosen = placeState(place, locationLabel, request);
  else if (request.state !== undefined) chosen = { state: request.state, local: undefined };
  else if (locality !== undefined && locality !== 'none')
    chosen = { state: localityState(locality), local: undefined };
  else {
    const why = Object.hasOwn(TAX.places, locationId)
      ? `${locationLabel} has no fixed state`
      : `${locationLabel} is not a location the tax data knows`;
    return {
      ...at,
      state: 'none',
      local: null,
      note: `Federal taxes only: ${why}; pass --state (a state's code, or DC) for a state's.`,
    };
  }
  return {
    ...at,
    state: chosen.state,
    local: chosenLocality(chosen.state, locality, chosen.local),
  };
}

/**
 * Stock is wages when it vests, a bonus when it is paid, and both are often withheld at the flat
 * supplemental rate: when the top federal bracket is higher, withholding falls short.
 */
function withholdingNote(gross: number, request: TakeHomeRequest): string | undefined {
  const flat = TAX.federal.supplementalWithholding;
  if (!flat) return undefined;
  const tax = TAX.federal.incomeTax;
  const std = tax.standardDeduction[request.filing === 'married' ? 1 : 0];
  const taxable = gross - request.pretax - (request.hsa ?? 0) - std;
  const top = tax.brackets[request.filing].filter(([over]) => taxable > over).pop();
  if (!top || top[1] <= flat.rate) return undefined;
  const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
  const rates = tax.brackets[request.filing].map(([, rate]) => rate).filter((r) => r > flat.rate);
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
      {
        filing: request.filing,
        state: where.state,
        local: where.local,
        pretax: request.pretax,
        hsa: request.hsa ?? 0,
        hsaCoverage: request.hsaFamily ? 'family' : 'self',
        ...(request.age !== undefined ? { age: request.age } : {}),
        itemized: request.itemized ?? 0,
      },
      TAX,
    );
  } catch (error) {
    const contribution = (e: unknown): e is InputError =>
      e instanceof InputError && ['pretax', 'hsa'].includes(e.field);
    if (column === undefined || !contribution(error)) throw error;
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
