// Take-home pay for a place: which taxes apply where the profile lives (the tax model is in
// src/model/tax/, pure, the tables coming in as arguments), and what the net buys at a metro's
// prices. Loaded only when --take-home is asked for (the tax tables travel with it).
import parities from '../../data/price-parities.json' with { type: 'json' };
import federalFile from '../../data/tax-2026.json' with { type: 'json' };
import statesFile from '../../data/tax-states-2026.json' with { type: 'json' };
import { InputError } from '../errors.js';
import { checkLimits, FEDERAL_ONLY, supportedStates, takeHome } from './tax/compute.js';
import type { FederalFile, Filing, Locality, Place, StatesFile, TakeHome } from './tax/types.js';
import type { Supplemental, TaxTables } from './tax/types.js';
export type { Supplemental };

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

const TAX = taxTables(federalFile as unknown as FederalFile, statesFile as unknown as StatesFile);
const PRICES = parities as unknown as PriceParities;
const localIds = (code: string): string[] => Object.keys(TAX.states[code]?.locals ?? {});

/** The state codes the tax tables hold, sorted (besides `none`, federal only). */
export const stateCodes = (): string[] => supportedStates(TAX);
/** A request's 401(k) and HSA contributions against the year's limits (input/take-home.ts). */
export const checkContributions = (r: TakeHomeRequest): void =>
  checkLimits({ ...r, hsaCoverage: r.hsaFamily ? 'family' : 'self' }, TAX);

/** Every state and DC: code, name, whether it taxes wages, its localities; sorted by code. */
export const stateList = () =>
  stateCodes().map((code) => {
    const s = TAX.states[code]!;
    return { code, name: s.name, incomeTax: !s.tax.none, localities: localIds(code) };
  });

/** Each state's localities, for `list localities`: named ones, and the counties of all. */
export const localityGroups = () =>
  stateCodes().flatMap((code) => {
    const s = TAX.states[code]!;
    const named = Object.entries(s.locals ?? {}).flatMap(([id, l]) =>
      l.county ? [] : [{ id, name: l.name }],
    );
    const c = s.counties;
    const counties = c && { counties: { default: c.default, ids: Object.keys(c.rates).sort() } };
    return named.length || c ? [{ state: code, name: s.name, named, ...counties }] : [];
  });
export type LocalityGroup = ReturnType<typeof localityGroups>[number];

/** Each locality id and the states that have it. */
export function localityIndex(): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const code of stateCodes())
    for (const id of localIds(code)) index.set(id, [...(index.get(id) ?? []), code]);
  return index;
}

/**
 * What the user asked for, as input/take-home.ts parsed it: the `state` lived in (a code of
 * stateCodes(), or `none`), for `remote` and `us`; a `locality` id some state has, or `none`;
 * `stateWhereNone`: `state` is the saved profile's, for the places that can take it (no fixed
 * state, or a metro that spans it) and no other; a `note` every view of the run carries.
 */
export type TakeHomeRequest = Partial<Record<'state' | 'locality' | 'note', string>> &
  Partial<Record<'hsa' | 'age' | 'itemized', number>> & {
    filing: Filing;
    pretax: number;
    hsaFamily?: boolean;
    stateWhereNone?: boolean;
  };

/** One column of a run that taxes several profiles: its heading and its location. */
export type TaxedColumn = Record<'label' | 'locationId' | 'locationLabel', string>;

/** Whether a place takes a --state: its own state, or another state its metro spans. */
const spans = (p: Place, s: string | undefined): boolean =>
  s === p.state || (p.states ?? []).includes(s ?? '');

/** Whether a location takes a state where the user lives: none fixed, or a metro spanning it. */
export const takesState = (id: string, state: string): boolean => {
  const place = placeOf(id, TAX);
  return !place || spans(place, state);
};

type Scoped = TaxedColumn & { state?: string; ok: boolean };

/** How notes name the request's fields: `state` (the library's); the CLI's `--state`. */
const field = (f: 'state' | 'locality'): string => f;

/** "--state NJ applies only to the columns ...: a (..); b (.., MA) keeps its own state's taxes." */
function scopeNote(what: string, cs: readonly Scoped[], own: string): string {
  const name = (c: Scoped, state: boolean) =>
    `${c.label} (${c.locationLabel}${state && c.state ? `, ${c.state}` : ''})`;
  const rest = cs.filter((c) => !c.ok);
  const to = cs.filter((c) => c.ok).map((c) => name(c, false));
  return `${what}: ${to.join(', ')}; ${rest.map((c) => name(c, true)).join(', ')} ${rest.length === 1 ? 'keeps its' : 'keep their'} own ${own}.`;
}

/**
 * The request for each column of a run that taxes several (compare's scenarios, career's lines,
 * offers side by side). --state applies to every column whose location has no fixed state or
 * whose metro spans it, the others keeping their own (a note says which); --locality where
 * --state applies and in the columns of a state that has it (`none`: everywhere without
 * --state). An error only when no column can take the --state or --locality given.
 */
export function stateScope(
  columns: readonly TaxedColumn[],
  request: TakeHomeRequest,
  name = field,
) {
  const { state: s, locality: l, stateWhereNone: saved } = request;
  const all = columns.map((c) => {
    const place = placeOf(c.locationId, TAX);
    const takes = s !== undefined && (!place || spans(place, s));
    return { ...c, place, state: place?.state, ok: takes };
  });
  const own = all.filter((c) => !c.ok);
  // "Austin is in TX, New York is in NY or NJ": where each column is, when none takes a flag.
  const where = () =>
    [...new Map(all.map((c) => [c.locationLabel, c.place!]))]
      .map(([label, p]) => `${label} is in ${[p.state, ...(p.states ?? [])].join(' or ')}`)
      .join(', ');
  if (s !== undefined && own.length === all.length && saved !== true) {
    throw new InputError(
      `state is for a location without one (remote, us), or another state the metro spans, and no column is one; ${where()}`,
      'state',
    );
  }
  const fits = all.map((c) => {
    if (l === undefined || c.ok || !c.place) return true;
    if (l === 'none') return s === undefined || saved === true;
    return [c.place.state, ...(c.place.states ?? [])].some((code) => localIds(code).includes(l));
  });
  if (l !== undefined && l !== 'none' && !fits.includes(true)) {
    const states = localityIndex().get(l)!.join(' or ');
    throw new InputError(`locality ${l} (${states}) fits no column: ${where()}`, 'locality');
  }
  const some = fits.includes(true) && fits.includes(false);
  const both = s !== undefined && some && fits.every((f, i) => f === all[i]!.ok);
  // A saved profile's state applies where it can, with no note.
  const stateNote =
    s !== undefined && own.length > 0 && saved !== true
      ? scopeNote(
          `${name('state')} ${s}${both ? ` and ${name('locality')} ${l} apply` : ' applies'} only to the columns without a fixed state or in a metro that spans it`,
          all,
          both ? "state's and local taxes" : "state's taxes",
        )
      : undefined;
  const localNote =
    some && !both
      ? scopeNote(
          `${name('locality')} ${l} applies only to the columns in a state that has it`,
          all.map((c, i) => ({ ...c, ok: fits[i]! })),
          'local taxes',
        )
      : undefined;
  const note =
    [request.note, stateNote, localNote].filter((n) => n !== undefined).join(' ') || undefined;
  return all.map((c, i): TakeHomeRequest => ({
    ...request,
    ...(c.ok || s === undefined ? {} : { state: undefined }),
    ...(fits[i] ? {} : { locality: undefined }),
    note,
  }));
}

/** Take-home pay at one gross figure, with what it buys at U.S.-average prices. */
export interface TakeHomeView extends TakeHome {
  purchasingPower: PurchasingPower;
}

/** Where a profile is taxed: its location, state and locality (undefined: the default). */
export type Jurisdiction = Omit<TaxedColumn, 'label'> & Chosen & { note?: string };

type Chosen = { state: string; local: string | null | undefined; note?: string };

/** The state taxed for a location with a fixed place, and its default locality. */
function placeState(place: Place, label: string, request: TakeHomeRequest): Chosen {
  // A saved profile's state (stateWhereNone) applies where the metro spans it, else not at all.
  const given = request.state;
  const asked = request.stateWhereNone === true && !spans(place, given) ? undefined : given;
  const others = place.states ?? [];
  if (asked !== undefined && asked !== place.state && !others.includes(asked))
    throw new InputError(
      `state is for a location without one (remote, us), or another state the metro spans; ${label} is in ${place.state}${others.length ? ` (or ${others.join(', ')})` : ''}`,
      'state',
    );
  if (asked === place.state) return { state: asked, local: place.local };
  // Living in another state the metro spans: taxed as working there too; the note says what
  // working across the line adds (data/tax-2026.json, places' `across`).
  if (asked !== undefined)
    return { state: asked, local: place.locals?.[asked], note: place.across?.[asked] };
  // A locality of another state the metro spans moves the state there.
  const l = request.locality;
  const other =
    l && !localIds(place.state).includes(l) && others.find((s) => localIds(s).includes(l));
  if (other) return { state: other, local: place.locals?.[other], note: place.across?.[other] };
  return { state: place.state, local: place.local };
}

/** Living elsewhere in a city's state: what working there still owes (places' `work`). */
const workNote = (place: Place | undefined, state: string, l: string | undefined) =>
  place && state === place.state && l !== undefined && l !== place.local ? place.work : undefined;

/**
 * The tax jurisdiction of a location: its state and local tax, the request's state where it has
 * none (or one of the other states it spans), and the request's locality, checked to be the
 * state's. Worked out once per profile, before any figure is taxed.
 */
export function jurisdiction(
  locationId: string,
  locationLabel: string,
  request: TakeHomeRequest,
  name = field,
) {
  const place = placeOf(locationId, TAX);
  const at = { locationId, locationLabel };
  const l = request.locality;
  let chosen: Chosen;
  if (place) chosen = placeState(place, locationLabel, request);
  else if (request.state !== undefined) chosen = { state: request.state, local: undefined };
  else if (l !== undefined && l !== 'none') {
    // The state a locality names, for a location without one and without --state.
    const where = localityIndex().get(l) ?? [];
    if (where.length !== 1)
      throw new InputError(
        where.length > 1
          ? `locality ${l} is in ${where.join(' and ')}: name the state too`
          : `locality ${l} is not one the tax data knows`,
        'locality',
      );
    chosen = { state: where[0]!, local: undefined };
  } else {
    const why = Object.hasOwn(TAX.places, locationId)
      ? `${locationLabel} has no fixed state`
      : `${locationLabel} is not a location the tax data knows`;
    const note = `Federal taxes only: ${why}; pass ${name('state')} (a state's code, or DC) for a state's.`;
    return { ...at, state: 'none', local: null, note };
  }
  const { state } = chosen;
  const note = workNote(place, state, l) ?? chosen.note;
  if (l === undefined || l === 'none')
    return { ...at, state, local: l ? null : chosen.local, note };
  if (state === 'none')
    throw new InputError(`locality ${l} needs a state, not none (federal only)`, 'locality');
  const ids = localIds(state);
  if (ids.includes(l)) return { ...at, state, local: l, note };
  const list =
    ids.length > 12
      ? `${ids.slice(0, 12).join(', ')}... (ml-salary list localities)`
      : ids.join(', ');
  throw new InputError(
    `locality ${l} is not in ${state}${ids.length ? `: use ${list}, or none` : ` (${state} has no local taxes the tool models; use none)`}`,
    'locality',
  );
}

/**
 * Take-home pay on `gross` wages in a jurisdiction, and what the net buys at the metro's price
 * level. `column` names the figure in a refusal of the contributions ("the Low column", "year
 * 2"): they come out of every column of a report, so the message says which cannot pay them.
 * In a year of `months` months (left early), the 401(k) and HSA contributions, paid through
 * payroll, are those months' share of the yearly figures.
 */
export function takeHomeAt(
  gross: number,
  where: Jurisdiction,
  r: TakeHomeRequest,
  column?: string,
  supplemental?: Supplemental,
  months = 12,
) {
  const { filing, age, itemized } = r;
  const [pretax, hsa] = [r.pretax, r.hsa ?? 0].map((x) => Math.round((x * months) / 12));
  let result: TakeHome;
  try {
    const coverage = r.hsaFamily ? 'family' : 'self';
    const opts = {
      filing,
      state: where.state,
      local: where.local,
      pretax,
      hsa,
      age,
      itemized,
      supplemental,
    };
    result = takeHome(gross, { ...opts, hsaCoverage: coverage }, TAX);
  } catch (e) {
    if (column === undefined || !(e instanceof InputError) || e.field !== 'pretax') throw e;
    throw new InputError(`${e.message} (${column})`, e.field);
  }
  // A place with no state of its own says why it is federal only: the general note goes (N10).
  if (where.note && where.state === 'none')
    result.notes = result.notes.filter((n) => n !== FEDERAL_ONLY);
  result.notes.unshift(...[r.note, where.note].filter((n): n is string => !!n));
  const parity = Object.hasOwn(PRICES.places, where.locationId) && PRICES.places[where.locationId];
  const index = parity || {
    ...PRICES.places.us!,
    note: `${where.locationLabel} has no metro of its own in the price data: the U.S. average is used.`,
  };
  return { ...result, purchasingPower: purchasingPower(result.net, index) };
}
