// Take-home pay for one year's wages: the federal income tax (standard or itemised deduction,
// whichever gives less tax; the saver's credit and the earned income credit), Social Security and
// Medicare, the state's income tax, the locality's and the state's payroll premiums. Pure: every
// figure comes in with the tables; the result says where each came from. The options are checked
// at the edge (input/take-home.ts, model/take-home.ts): a state the tables hold, a locality of
// it, amounts of 0 or more; here only the contribution limits.
import { InputError } from '../../errors.js';
import { money, percent } from '../format.js';
import { bracketSpan, chain, federalTax, line, pct, pick, type FederalResult } from './math.js';
import { localTax, premium, resolveLocal, stateIncomeTax } from './state.js';
import type { ResolvedLocal, StateResult } from './state.js';
import type { Earner, FederalTables, LocalPart, StateTables, TakeHome } from './types.js';
import type { Supplemental, TakeHomeOptions, TaxLine, TaxTables } from './types.js';

/** The state codes takeHome() takes (besides `none`, federal only), sorted. */
export const supportedStates = (tables: TaxTables): string[] => Object.keys(tables.states).sort();

/** The federal income tax line's basis. */
function federalBasis(f: FederalTables, e: Earner, r: FederalResult): string {
  const from = chain(`${money(e.gross)} wages`, [
    [e.pretax, '401(k)'],
    [e.hsa, 'HSA'],
    [r.deduction, r.itemize ? 'itemised deductions' : 'standard deduction'],
  ]);
  const brackets = f.incomeTax.brackets[e.filing];
  let basis =
    r.taxable > 0
      ? `${bracketSpan(brackets, r.taxable)} on ${money(r.taxable)} taxable: ${from}`
      : `no taxable income: ${from}`;
  // A credit of cents (the EITC on $5 of wages) would read "less $0": left out of the text.
  if (Math.round(r.savers) > 0) basis += `; less ${money(r.savers)} saver's credit`;
  if (Math.round(r.eitc) > 0) basis += `; less ${money(r.eitc)} earned income credit (refundable)`;
  return basis;
}

/** Social Security, Medicare and the Additional Medicare Tax on wages less HSA. */
function payrollTaxes(f: FederalTables, e: Earner): TaxLine[] {
  const wages = e.gross - e.hsa;
  const of = `${money(wages)} wages${e.hsa > 0 ? ` (after ${money(e.hsa)} HSA)` : ''}`;
  const { socialSecurity: ss, medicare: m, additionalMedicare: am } = f;
  const base = money(ss.wageBase);
  const upTo = wages >= ss.wageBase ? `wages up to ${base}` : `${of} (taxed up to ${base})`;
  const ssTax = ss.rate * Math.min(wages, ss.wageBase);
  const threshold = pick(am.threshold, e.filing);
  const over = Math.max(0, wages - threshold);
  const status = `over ${money(threshold)} (${e.filing === 'married' ? 'married filing jointly' : 'single'})`;
  const amBasis = over > 0 ? `of ${money(over)} wages ${status}` : `of wages ${status}: none here`;
  return [
    line('social-security', ss.label, ssTax, ss, `${pct(ss.rate)} of ${upTo}`),
    line('medicare', m.label, m.rate * wages, m, `${pct(m.rate)} of ${of} (no cap)`),
    line('additional-medicare', am.label, am.rate * over, am, `${pct(am.rate)} ${amBasis}`),
  ];
}

type Contributions = Pick<TakeHomeOptions, 'pretax' | 'hsa' | 'age' | 'hsaCoverage'>;

/** The 401(k) deferral limit at `age` (with its catch-up) and the HSA's for the cover. */
function limitsAt(o: Contributions, tables: TaxTables) {
  const l = tables.limits;
  const age = o.age ?? 40;
  const family = o.hsaCoverage === 'family';
  const k401 = l.k401 + (age >= 60 && age <= 63 ? l.catchUp60to63 : age >= 50 ? l.catchUp50 : 0);
  const mostHsa = (family ? l.hsaFamily : l.hsaSelf) + (age >= 55 ? l.hsaCatchUp55 : 0);
  return { l, age, family, k401, mostHsa };
}

const refuse = (field: string, why: string) => new InputError(`${field} ${why}`, field);

/**
 * The 401(k) and HSA contributions against the year's limits, which hold whatever the wages:
 * checked once, when the request is read (input/take-home.ts), not for each figure.
 */
export function checkLimits(o: Contributions, tables: TaxTables): void {
  const { l, age, family, k401, mostHsa } = limitsAt(o, tables);
  const [pretax, hsa] = [o.pretax ?? 0, o.hsa ?? 0];
  const year = `${l.year}${l.uncertain ? ' (uncertain)' : ''}`;
  if (pretax > k401)
    throw refuse(
      'pretax',
      `${money(pretax)} is over the limit: ${
        k401 > l.k401
          ? `the ${year} 401(k) limit at age ${age} is ${money(k401)} (${money(l.k401)} plus ${money(k401 - l.k401)} catch-up)`
          : `the ${year} 401(k) limit is ${money(l.k401)} (${money(l.k401 + l.catchUp50)} from age 50, the catch-up pre-tax only for those whose FICA wages the year before were under ${money(l.rothCatchUpOver)})`
      }`,
    );
  if (hsa > mostHsa)
    throw refuse(
      'hsa',
      `${money(hsa)} is over the ${year} HSA limit for ${family ? 'family' : 'self-only'} cover at age ${age}: ${money(mostHsa)}${family ? '' : ` (${money(l.hsaFamily)} with family cover)`}`,
    );
}

/** The earner, with what these wages allow of contributions already within their limits. */
function earner(gross: number, o: TakeHomeOptions, tables: TaxTables): Earner & { k401: number } {
  const { l, age, k401 } = limitsAt(o, tables);
  const [pretax, hsa] = [o.pretax ?? 0, o.hsa ?? 0];
  if (pretax > l.k401 && gross > l.rothCatchUpOver)
    throw refuse(
      'pretax',
      `${money(pretax)} is over ${money(l.k401)}: from ${l.year}, catch-up deferrals of those whose FICA wages passed ${money(l.rothCatchUpOver)} the year before must be Roth (after tax), so only ${money(l.k401)} lowers taxable wages at this pay`,
    );
  if (pretax + hsa > gross)
    throw refuse(
      'pretax',
      `${money(pretax)}${hsa > 0 ? ` with the HSA's ${money(hsa)}` : ''} is more than ${money(gross)} of wages`,
    );
  return { filing: o.filing, gross, pretax, hsa, age, other: o.itemized ?? 0, k401 };
}

/** The taxes for one deduction choice. */
interface Run {
  fed: FederalResult;
  state?: StateResult;
  locals: [LocalPart, number, string][];
  /** State and local income taxes and deductible premiums: what itemising would deduct. */
  salt: number;
}

/**
 * Take-home pay for one year's wages `gross` (base, bonus, vested stock and sign-on alike).
 * Each line is rounded to whole dollars.
 */
export function takeHome(gross: number, opts: TakeHomeOptions, tables: TaxTables): TakeHome {
  const e = earner(gross, opts, tables);
  const result = compute(e, opts, tables);
  if (result.net >= 0) return result;
  const what = `pretax ${money(e.pretax)}${e.hsa > 0 ? ` with the HSA's ${money(e.hsa)}` : ''}`;
  throw new InputError(
    `${what} is more than ${money(gross)} of wages can pay after the taxes still owed on them: at most ${money(maxPretax(gross, opts, tables))} can be deferred`,
    'pretax',
  );
}

/**
 * The most 401(k) deferral `gross` wages can pay (with the HSA contribution asked for): net pay
 * falls as deferrals rise, so the largest whole number of dollars whose net is not below $0,
 * found by bisection.
 */
export function maxPretax(gross: number, opts: TakeHomeOptions, tables: TaxTables): number {
  const e = earner(gross, { ...opts, pretax: 0 }, tables);
  const netAt = (pretax: number): number => compute({ ...e, pretax }, opts, tables).net;
  let lo = 0;
  let hi = Math.floor(Math.min(e.k401, Math.max(0, gross - e.hsa)));
  if (netAt(hi) >= 0) return hi;
  if (netAt(0) < 0) return 0;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (netAt(mid) >= 0) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Standard or itemised: the taxes with each, and which gives less federal tax. Itemising deducts
 * the state and local taxes it leads to (a state may start from federal taxable income), so the
 * itemised run is repeated until the taxes it deducts stop changing.
 */
function choose(run: (itemize: boolean, salt: number, stateTax: number) => Run) {
  const standard = run(false, 0, 0);
  let salt = standard.salt;
  let stateTax = Math.max(0, standard.state?.amount ?? 0);
  let itemized = run(true, salt, stateTax);
  for (let i = 0; i < 200; i++) {
    const next = Math.max(0, itemized.state?.amount ?? 0);
    if (Math.abs(itemized.salt - salt) < 1e-7 && Math.abs(next - stateTax) < 1e-7) break;
    [salt, stateTax] = [itemized.salt, next];
    itemized = run(true, salt, stateTax);
  }
  const diff = itemized.fed.tax - standard.fed.tax;
  const useItemized =
    diff < -0.01 || (Math.abs(diff) <= 0.01 && itemized.fed.itemized > standard.fed.standard);
  return [standard, itemized, useItemized] as const;
}

/** `takeHome` on checked inputs, whatever the net comes to. */
function compute(e: Earner, opts: TakeHomeOptions, tables: TaxTables): TakeHome {
  const f = tables.federal;
  const state = opts.state === 'none' ? undefined : tables.states[opts.state];
  const local = state && resolveLocal(state, opts.local);
  const premiums = (state?.payroll ?? []).map(
    (p) => [p, ...premium(p, e, f.socialSecurity.wageBase)] as const,
  );
  const premiumSalt = premiums.reduce((sum, [p, x]) => sum + (p.salt === false ? 0 : x), 0);
  const wages = e.gross - e.hsa;
  const fica =
    f.socialSecurity.rate * Math.min(wages, f.socialSecurity.wageBase) + f.medicare.rate * wages;
  // The federal, state and local taxes of a deduction choice and the state taxes it deducts.
  const run = (itemize: boolean, salt: number, stateTax: number): Run => {
    const fed = federalTax(f, e, itemize, salt);
    if (!state) return { fed, locals: [], salt: 0 };
    const rule = state.tax.none ? { ...state.tax, flat: 0 } : state.tax;
    const st = stateIncomeTax(rule, { ...e, fed, stateTax, fica });
    const tax = Math.max(0, st.amount);
    const at = { ...e, agi: fed.agi, stateTaxable: st.taxable, stateTax: tax };
    const locals = (local?.parts ?? []).map((p): Run['locals'][0] => [p, ...localTax(p, at)]);
    const localSalt = locals.reduce((sum, x) => sum + Math.max(0, x[1]), 0);
    return { fed, state: st, locals, salt: tax + localSalt + premiumSalt };
  };
  const [standard, itemized, useItemized] = choose(run);
  const chosen = useItemized ? itemized : standard;
  const deduction = deductionChoice(useItemized, standard, itemized, e.other);
  const fedBasis = `${federalBasis(f, e, chosen.fed)}; ${deduction.why}`;
  const taxes = [line('federal', f.incomeTax.label, chosen.fed.tax, f.incomeTax, fedBasis)];
  taxes.push(...payrollTaxes(f, e));
  if (state && chosen.state) {
    const basis = state.tax.none
      ? `${state.name} levies no income tax on wages`
      : chosen.state.basis;
    taxes.push(line('state', `${state.name} income tax`, chosen.state.amount, state.tax, basis));
    for (const [p, amount, basis] of chosen.locals)
      taxes.push(line(p.id, p.label, amount, p, basis));
    for (const [p, amount, basis] of premiums) taxes.push(line(p.id, p.label, amount, p, basis));
  }
  const total = taxes.reduce((sum, t) => sum + t.amount, 0);
  return {
    taxYear: tables.taxYear,
    filing: e.filing,
    state: opts.state,
    local: local?.id ?? null,
    gross: e.gross,
    pretax: e.pretax,
    hsa: e.hsa,
    deduction,
    taxes,
    net: e.gross - e.pretax - e.hsa - total,
    effectiveRate: e.gross > 0 ? total / e.gross : 0,
    notes: notes(tables, e, chosen, state, local, opts.supplemental),
  };
}

/** Which federal deduction was used and why. */
function deductionChoice(useItemized: boolean, standard: Run, itemized: Run, other: number) {
  const s = standard.fed.standard;
  const r = itemized.fed;
  const taxes =
    itemized.salt > r.salt + 0.5
      ? `state and local taxes of ${money(itemized.salt)} capped at ${money(r.saltCap)}`
      : `state and local taxes ${money(r.salt)}`;
  const less = r.itemizedBefore - r.itemized;
  const parts = other > 0 ? `${taxes} + ${money(other)} other` : taxes;
  const what = `${money(r.itemized)} (${parts}${less > 0.5 ? `, less ${money(less)} by the high-income limit` : ''})`;
  const why = useItemized
    ? `itemised because ${what} beat the ${money(s)} standard deduction, saving ${money(standard.fed.tax - r.tax)} of federal tax`
    : r.itemized > 0.5
      ? `standard because itemising would give only ${what}`
      : 'standard: nothing to itemise';
  const used = useItemized ? ('itemized' as const) : ('standard' as const);
  return { used, standard: s, itemized: Math.round(r.itemized), why };
}

/** Said of a result with no state; a place's own reason for none says it instead (take-home.ts). */
export const FEDERAL_ONLY =
  'Federal only: no state or local tax is included (name a state to add one).';

/** The notes every result carries, those of its filing, contributions and deductions. */
function notes(
  tables: TaxTables,
  e: Earner,
  chosen: Run,
  state?: StateTables,
  local?: ResolvedLocal,
  supplemental?: Supplemental,
) {
  const t = tables.federal.incomeTax;
  return [
    `Estimates for planning, not tax advice: a full-year resident with wage income only, no dependents, aged ${e.age}. Left out: other income, dependents and their credits, state earned income credits and other low-income credits, renters' and property-tax credits, and the alternative minimum tax.`,
    e.filing === 'married' &&
      "Married filing jointly, with these wages as the household's only wages: a second earner's pay would change the brackets and add its own Social Security and payroll premiums.",
    e.pretax > 0 &&
      `401(k)-type deferrals (${money(e.pretax)}) lower the wages taxed by income tax, not Social Security, Medicare or the state premiums${state?.name === 'Pennsylvania' ? ' (Pennsylvania and its local taxes tax them too)' : ''}.`,
    e.hsa > 0 &&
      `HSA contributions through payroll (${money(e.hsa)}) are free of income tax and of Social Security and Medicare${state?.tax.hsa ? `; ${state.name} taxes them` : ''}.`,
    e.other > 0 &&
      "Itemised deductions given count on the federal return; a state that lets you itemise takes the same amount (each state's own limits on itemised deductions are left out).",
    (t.year !== tables.taxYear || t.uncertain) &&
      `Federal brackets are for ${t.year}. ${t.note ?? ''}`.trim(),
    ...(state ? stateNotes(state, local, chosen) : [FEDERAL_ONLY]),
    withholding(tables, e, supplemental),
  ].filter((n): n is string => !!n);
}

/**
 * A listed company's stock is wages when it vests, a bonus or sign-on when it is paid, and they are
 * often withheld at the flat supplemental rate: when the top federal bracket is higher, withholding
 * falls short. Said of what the pay has (`s`; absent: stock and a bonus, as an estimate's pay).
 */
function withholding(tables: TaxTables, e: Earner, s: Supplemental = { stock: true, bonus: true }) {
  const paid = s.bonus && s.signOn ? 'a bonus or sign-on' : s.bonus ? 'a bonus' : 'a sign-on bonus';
  if (!s.stock && !s.bonus && !s.signOn) return undefined;
  const flat = tables.federal.supplementalWithholding;
  const t = tables.federal.incomeTax;
  const brackets = t.brackets[e.filing];
  const taxable = e.gross - e.pretax - e.hsa - pick(t.standardDeduction, e.filing);
  const top = brackets.filter(([over]) => taxable > over).pop();
  if (!flat || !top || top[1] <= flat.rate) return undefined;
  const rates = brackets.map(([, rate]) => rate).filter((r) => r > flat.rate);
  const [rate, low, high] = [flat.rate, Math.min(...rates), Math.max(...rates)].map(percent);
  const what = !s.stock
    ? `A${paid.slice(1)} is taxed as wages in the year it is paid; employers often withhold on it`
    : s.bonus || s.signOn
      ? `A listed company's stock (RSUs) is taxed as wages in the year it vests, ${paid} in the year it is paid; employers often withhold on both`
      : "A listed company's stock (RSUs) is taxed as wages in the year it vests; employers often withhold on it";
  const million =
    (s.amount ?? 0) > flat.mandatoryRateOver
      ? ` Over ${money(flat.mandatoryRateOver)} of such pay in a year, withholding is ${percent(flat.mandatoryRate)} (mandatory).`
      : '';
  return `${what} at the flat ${rate} supplemental rate${flat.uncertain ? ' (the 2025 figure; 2026 not yet published)' : ''}, less than the ${low}-${high} federal brackets take: above ${rate}, expect to owe the difference at filing.${million}`;
}

/** The notes of a state and its locality: uncertain figures, defaults, what is left out. */
function stateNotes(state: StateTables, local: ResolvedLocal | undefined, chosen: Run) {
  const { name, tax: rule } = state;
  const parts = local?.parts ?? [];
  const rc = rule.recapture;
  const low = rule.lowIncome ?? 0;
  return [
    ...[rule, rule.surtax, ...state.payroll, ...parts].map((r) => r?.uncertain && r.note),
    ...parts.map((r) => !r.uncertain && r.note),
    local &&
      local.id === state.counties?.default &&
      `${name}'s county income tax at ${local?.name}'s rate: every resident pays one; name the county as the locality.`,
    rc?.note && chosen.fed.agi > rc.startAgi && `${name}'s ${rc.label} is included. ${rc.note}`,
    (chosen.state?.income ?? Infinity) < low &&
      `${name}'s low-income rules (below about ${money(low)} of income) are left out: at this income they may lower its tax.`,
    rule.itemize === 'federal-only' &&
      chosen.fed.itemize &&
      `${name} allows itemising only with the federal return, and state income taxes are not deductible on its own: its standard deduction is lost here.`,
    !local && state.noLocal,
    ...state.notes,
  ];
}
