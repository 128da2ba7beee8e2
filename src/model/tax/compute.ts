// Take-home pay for one year's wages: the federal income tax (itemising when it pays), Social
// Security and Medicare, the state's income tax, the locality's and the state's payroll
// premiums. Pure: every figure comes in with the tables; the result says where each came from.
import { InputError } from '../../errors.js';
import {
  type Earner,
  type FederalResult,
  federalBasis,
  federalTax,
  payrollTaxes,
} from './federal.js';
import { localTax, premium, resolveLocal, type ResolvedLocal } from './local.js';
import { money } from '../format.js';
import { stateIncomeTax, type StateResult } from './state.js';
import type {
  DeductionChoice,
  Sourced,
  StateTables,
  TakeHome,
  TakeHomeOptions,
  TaxLine,
  TaxTables,
} from './types.js';

const NONE = 'none';

/** The state codes takeHome() accepts (besides `none`, federal only), sorted. */
export function supportedStates(tables: TaxTables): string[] {
  return Object.keys(tables.states).sort();
}

function line(id: string, label: string, amount: number, figures: Sourced, basis: string): TaxLine {
  const out: TaxLine = {
    id,
    label,
    amount: Math.round(amount) + 0,
    source: figures.src,
    year: figures.year,
    basis,
  };
  if (figures.uncertain) out.uncertain = true;
  return out;
}

/** The most a year's 401(k) deferrals and HSA contributions may be at this age and cover. */
function contributionLimits(
  tables: TaxTables,
  age: number,
  coverage: 'self' | 'family',
): { k401: number; hsa: number } {
  const l = tables.limits;
  const catchUp = age >= 60 && age <= 63 ? l.catchUp60to63 : age >= 50 ? l.catchUp50 : 0;
  return {
    k401: l.k401 + catchUp,
    hsa: (coverage === 'family' ? l.hsaFamily : l.hsaSelf) + (age >= 55 ? l.hsaCatchUp55 : 0),
  };
}

function checkInputs(gross: number, opts: TakeHomeOptions, tables: TaxTables): Earner {
  const amount = (x: number | undefined, field: string, what: string): number => {
    const v = x ?? 0;
    if (!Number.isFinite(v) || v < 0)
      throw new InputError(`${field} must be 0 or more dollars (${what}), got ${v}`, field);
    return v;
  };
  if (!Number.isFinite(gross) || gross < 0)
    throw new InputError(`gross pay must be a number of dollars, 0 or more, got ${gross}`, 'gross');
  if (opts.filing !== 'single' && opts.filing !== 'married')
    throw new InputError(
      `filing must be single or married, got '${String(opts.filing)}'`,
      'filing',
    );
  const age = opts.age ?? 40;
  if (!Number.isInteger(age) || age < 14 || age > 120)
    throw new InputError(`age must be a whole number of years from 14 to 120, got ${age}`, 'age');
  const pretax = amount(opts.pretax, 'pretax', '401(k)-type deferrals');
  const hsa = amount(opts.hsa, 'hsa', 'HSA contributions');
  const other = amount(opts.itemized, 'itemized', 'itemised deductions');
  const l = tables.limits;
  const most = contributionLimits(tables, age, opts.hsaCoverage ?? 'self');
  const year = `${l.year}${l.uncertain ? ' (uncertain)' : ''}`;
  if (pretax > most.k401) {
    const why =
      most.k401 > l.k401
        ? `the ${year} 401(k) limit at age ${age} is ${money(most.k401)} (${money(l.k401)} plus ${money(most.k401 - l.k401)} catch-up)`
        : `the ${year} 401(k) limit is ${money(l.k401)} (${money(l.k401 + l.catchUp50)} from age 50)`;
    throw new InputError(`pretax ${money(pretax)} is over the limit: ${why}`, 'pretax');
  }
  if (pretax > l.k401 && gross > l.rothCatchUpOver)
    throw new InputError(
      `pretax ${money(pretax)} is over ${money(l.k401)}: from ${l.year}, catch-up deferrals of those whose FICA wages passed ${money(l.rothCatchUpOver)} the year before must be Roth (after tax), so only ${money(l.k401)} lowers taxable wages at this pay`,
      'pretax',
    );
  if (hsa > most.hsa) {
    const cover = opts.hsaCoverage === 'family' ? 'family' : 'self-only';
    const hint = opts.hsaCoverage === 'family' ? '' : ` (${money(l.hsaFamily)} with family cover)`;
    throw new InputError(
      `hsa ${money(hsa)} is over the ${year} HSA limit for ${cover} cover at age ${age}: ${money(most.hsa)}${hint}`,
      'hsa',
    );
  }
  if (pretax + hsa > gross)
    throw new InputError(
      `pretax ${money(pretax)} with the HSA's ${money(hsa)} is more than ${money(gross)} of wages`,
      'pretax',
    );
  return { filing: opts.filing, gross, pretax, hsa, age, other };
}

interface Run {
  fed: FederalResult;
  state?: StateResult;
  locals: { id: string; label: string; amount: number; basis: string; figures: Sourced }[];
  /** State and local income taxes and deductible premiums: what itemising would deduct. */
  salt: number;
}

/**
 * Take-home pay for one year's wages `gross` (base, bonus, vested stock and sign-on alike).
 * Each line is rounded to whole dollars.
 */
export function takeHome(gross: number, opts: TakeHomeOptions, tables: TaxTables): TakeHome {
  const e = checkInputs(gross, opts, tables);
  const result = compute(e, opts, tables);
  if (result.net < 0) throw tooMuchPretax(gross, e.pretax, e.hsa, maxPretax(gross, opts, tables));
  return result;
}

/** The state (undefined: federal only) and the locality the options name, checked. */
function place(
  opts: TakeHomeOptions,
  tables: TaxTables,
): { code: string; state?: StateTables; local?: ResolvedLocal } {
  // A code of the tables or `none`, parsed and upper-cased once where it was typed (input/take-home.ts).
  const code = opts.state;
  if (code === NONE) {
    if (opts.local)
      throw new InputError(`locality '${opts.local}' needs a state, not federal only`, 'locality');
    return { code };
  }
  const state = Object.hasOwn(tables.states, code) ? tables.states[code] : undefined;
  if (!state)
    throw new InputError(
      `state '${opts.state}' is not one of the 50 states and DC (${supportedStates(tables).join(', ')}), nor none (federal only)`,
      'state',
    );
  const local = resolveLocal(state, code, opts.local);
  return local ? { code, state, local } : { code, state };
}

/** A run of the federal, state and local taxes for a deduction choice and the SALT it deducts. */
function runner(
  tables: TaxTables,
  e: Earner,
  where: { state?: StateTables; local?: ResolvedLocal },
  fica: number,
  premiumSalt: number,
): (itemize: boolean, salt: number, stateTax: number) => Run {
  const { state, local } = where;
  const persons = e.filing === 'married' ? 2 : 1;
  return (itemize, salt, stateTax) => {
    const fed = federalTax(tables.federal, e, itemize, salt);
    if (!state) return { fed, locals: [], salt: 0 };
    const rule = state.tax.none ? { ...state.tax, flat: 0 } : state.tax;
    const st = stateIncomeTax(rule, { ...e, persons, fed, stateTax, fica });
    const ctx = {
      filing: e.filing,
      persons,
      gross: e.gross,
      hsa: e.hsa,
      agi: fed.agi,
      stateTaxable: st.taxable,
      stateTax: Math.max(0, st.amount),
    };
    const locals = (local?.parts ?? []).map((part) => ({
      id: part.id,
      label: part.label,
      figures: part,
      ...localTax(part, ctx),
    }));
    const localSalt = locals.reduce((sum, x) => sum + Math.max(0, x.amount), 0);
    return { fed, state: st, locals, salt: Math.max(0, st.amount) + localSalt + premiumSalt };
  };
}

/**
 * Standard or itemised: the taxes with each, and which gives less federal tax. Itemising deducts
 * the state and local taxes it leads to (a state may start from federal taxable income), so the
 * itemised run is repeated until the taxes it deducts stop changing.
 */
function chooseDeduction(run: (itemize: boolean, salt: number, stateTax: number) => Run): {
  standard: Run;
  itemized: Run;
  useItemized: boolean;
} {
  const standard = run(false, 0, 0);
  let salt = standard.salt;
  let stateTax = Math.max(0, standard.state?.amount ?? 0);
  let itemized = run(true, salt, stateTax);
  for (let i = 0; i < 200; i++) {
    const next = Math.max(0, itemized.state?.amount ?? 0);
    if (Math.abs(itemized.salt - salt) < 1e-7 && Math.abs(next - stateTax) < 1e-7) break;
    salt = itemized.salt;
    stateTax = next;
    itemized = run(true, salt, stateTax);
  }
  const diff = itemized.fed.tax - standard.fed.tax;
  const useItemized =
    diff < -0.01 || (Math.abs(diff) <= 0.01 && itemized.fed.itemized > standard.fed.standard);
  return { standard, itemized, useItemized };
}

/** `takeHome` on checked inputs, whatever the net comes to. */
function compute(e: Earner, opts: TakeHomeOptions, tables: TaxTables): TakeHome {
  const where = place(opts, tables);
  const { state, local } = where;
  const f = tables.federal;
  const fica = payrollTaxes(f, e);
  const premiums = (state?.payroll ?? []).map((p) => ({
    p,
    ...premium(p, e, f.socialSecurity.wageBase),
  }));
  const premiumSalt = premiums.reduce((sum, x) => sum + (x.p.salt === false ? 0 : x.amount), 0);
  const run = runner(tables, e, where, fica[0]!.amount + fica[1]!.amount, premiumSalt);
  const { standard, itemized, useItemized } = chooseDeduction(run);
  const chosen = useItemized ? itemized : standard;
  const deduction = deductionChoice(useItemized, standard, itemized, e.other);

  const fedBasis = `${federalBasis(f, e, chosen.fed)}; ${deduction.why}`;
  const taxes: TaxLine[] = [
    line('federal', f.incomeTax.label, chosen.fed.tax, f.incomeTax, fedBasis),
  ];
  for (const t of fica) taxes.push(line(t.id, t.label, t.amount, t.figures, t.basis));
  if (state && chosen.state) {
    const basis = state.tax.none
      ? `${state.name} levies no income tax on wages`
      : chosen.state.basis;
    taxes.push(line('state', `${state.name} income tax`, chosen.state.amount, state.tax, basis));
    for (const l of chosen.locals) taxes.push(line(l.id, l.label, l.amount, l.figures, l.basis));
    for (const p of premiums) taxes.push(line(p.p.id, p.p.label, p.amount, p.p, p.basis));
  }
  const total = taxes.reduce((sum, t) => sum + t.amount, 0);
  const notes = federalNotes(tables, e, where.code, state);
  if (state) notes.push(...stateNotes(state, local, chosen));
  else notes.push('Federal only: no state or local tax is included (name a state to add one).');
  return {
    taxYear: tables.taxYear,
    filing: e.filing,
    state: where.code,
    local: local?.id ?? null,
    gross: e.gross,
    pretax: e.pretax,
    hsa: e.hsa,
    deduction,
    taxes,
    net: e.gross - e.pretax - e.hsa - total,
    effectiveRate: e.gross > 0 ? total / e.gross : 0,
    notes,
  };
}

/**
 * The most 401(k) deferral `gross` wages can pay (with the HSA contribution asked for): deferrals
 * come out of pay, so they cannot exceed what is left after the taxes still owed on it. Net pay
 * falls as deferrals rise, so this is the largest whole number of dollars whose net is not
 * below $0: found by bisection.
 */
export function maxPretax(gross: number, opts: TakeHomeOptions, tables: TaxTables): number {
  const e = checkInputs(gross, { ...opts, pretax: 0 }, tables);
  const limit = contributionLimits(tables, e.age, opts.hsaCoverage ?? 'self').k401;
  const netAt = (pretax: number): number => compute({ ...e, pretax }, opts, tables).net;
  let lo = 0;
  let hi = Math.floor(Math.min(limit, Math.max(0, gross - e.hsa)));
  if (netAt(hi) >= 0) return hi;
  if (netAt(0) < 0) return 0;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (netAt(mid) >= 0) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** A refusal of deferrals the wages cannot pay, naming the wages and the most. */
function tooMuchPretax(gross: number, pretax: number, hsa: number, most: number): InputError {
  const what =
    hsa > 0 ? `pretax ${money(pretax)} with the HSA's ${money(hsa)}` : `pretax ${money(pretax)}`;
  return new InputError(
    `${what} is more than ${money(gross)} of wages can pay after the taxes still owed on them: at most ${money(most)} can be deferred`,
    'pretax',
  );
}

function deductionChoice(
  useItemized: boolean,
  standard: Run,
  itemized: Run,
  other: number,
): DeductionChoice {
  const s = standard.fed.standard;
  const r = itemized.fed;
  const taxes =
    itemized.salt > r.salt + 0.5
      ? `state and local taxes of ${money(itemized.salt)} capped at ${money(r.saltCap)}`
      : `state and local taxes ${money(r.salt)}`;
  const cut = r.itemizedBefore - r.itemized;
  const parts = [taxes, ...(other > 0 ? [`${money(other)} other`] : [])].join(' + ');
  const what = `${money(r.itemized)} (${parts}${cut > 0.5 ? `, less ${money(cut)} by the high-income limit` : ''})`;
  const why = useItemized
    ? `itemised because ${what} beat the ${money(s)} standard deduction, saving ${money(standard.fed.tax - r.tax)} of federal tax`
    : r.itemized > 0.5
      ? `standard because itemising would give only ${what}`
      : 'standard: nothing to itemise';
  return {
    used: useItemized ? 'itemized' : 'standard',
    standard: s,
    itemized: Math.round(r.itemized),
    why,
  };
}

/** The notes every result carries, and those of its filing, contributions and deductions. */
function federalNotes(
  tables: TaxTables,
  e: Earner,
  code: string,
  state: StateTables | undefined,
): string[] {
  const f = tables.federal;
  const notes = [
    `Estimates for planning, not tax advice: a full-year resident with wage income only, no dependents, aged ${e.age}. Left out: other income, dependents and their credits, state earned income credits and other low-income credits, renters' and property-tax credits, and the alternative minimum tax.`,
  ];
  if (e.filing === 'married')
    notes.push(
      "Married filing jointly, with these wages as the household's only wages: a second earner's pay would change the brackets and add its own Social Security and payroll premiums.",
    );
  if (e.pretax > 0)
    notes.push(
      `401(k)-type deferrals (${money(e.pretax)}) lower the wages taxed by income tax, not Social Security, Medicare or the state premiums${code === 'PA' ? ' (Pennsylvania and its local taxes tax them too)' : ''}.`,
    );
  if (e.hsa > 0)
    notes.push(
      `HSA contributions through payroll (${money(e.hsa)}) are free of income tax and of Social Security and Medicare${state?.tax.hsa ? `; ${state.name} taxes them` : ''}.`,
    );
  if (e.other > 0)
    notes.push(
      "Itemised deductions given count on the federal return; a state that lets you itemise takes the same amount (each state's own limits on itemised deductions are left out).",
    );
  if (f.incomeTax.year !== tables.taxYear || f.incomeTax.uncertain)
    notes.push(`Federal brackets are for ${f.incomeTax.year}. ${f.incomeTax.note ?? ''}`.trim());
  return notes;
}

/** The notes of the figures used: uncertain ones, a locality's own, a default county. */
function figureNotes(state: StateTables, local: ResolvedLocal | undefined): string[] {
  const notes: string[] = [];
  const rule = state.tax;
  const counties = state.counties;
  const parts = local?.parts ?? [];
  const county =
    local && counties && Object.hasOwn(counties.rates, local.id) ? counties : undefined;
  const figures: (Sourced | undefined)[] = [rule, rule.surtax, ...state.payroll, ...parts, county];
  for (const r of figures) if (r?.uncertain && r.note) notes.push(r.note);
  for (const r of parts) if (!r.uncertain && r.note) notes.push(r.note);
  if (county && local?.id === county.default)
    notes.push(
      `${state.name}'s county income tax at ${local.name}'s rate: every resident pays one; name the county with --locality.`,
    );
  return notes;
}

/** The notes of a state and its locality: uncertain figures, defaults, what is left out. */
function stateNotes(state: StateTables, local: ResolvedLocal | undefined, chosen: Run): string[] {
  const notes = figureNotes(state, local);
  const rule = state.tax;
  if (rule.recapture?.note && chosen.fed.agi > rule.recapture.startAgi)
    notes.push(`${state.name}'s ${rule.recapture.label} is included. ${rule.recapture.note}`);
  const income = chosen.state?.income ?? Infinity;
  if (rule.lowIncome !== undefined && income < rule.lowIncome)
    notes.push(
      `${state.name}'s low-income rules (below about ${money(rule.lowIncome)} of income) are left out: at this income they may lower its tax.`,
    );
  if (rule.itemize === 'federal-only' && chosen.fed.itemize)
    notes.push(
      `${state.name} allows itemising only with the federal return, and state income taxes are not deductible on its own: its standard deduction is lost here.`,
    );
  if (!local && state.noLocal) notes.push(state.noLocal);
  notes.push(...state.notes);
  return notes;
}
