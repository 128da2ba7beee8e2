import { InputError } from '../errors.js';
import { money } from './format.js';

// Take-home pay: federal income tax, Social Security and Medicare, and the state and city taxes
// and payroll premiums of a full-year resident with wage income only and the standard deduction.
// Pure: every rate, threshold and cap comes in with the tables (data/tax-2026.json), none is
// written here; the result says where each figure came from and how it was applied.

export type Filing = 'single' | 'married';

/** Figures for each filing status. */
export type ByFiling<T> = Record<Filing, T>;

/** A rate that applies to taxable income over `over`, up to the next bracket's `over`. */
export interface Bracket {
  over: number;
  rate: number;
}

/** What every group of figures in the tables carries: where it comes from and its tax year. */
export interface Sourced {
  source: string;
  year: number;
  /** The figure is not settled (a year's rate not yet confirmed, another year's schedule). */
  uncertain?: boolean;
  note?: string;
  /** How the figure was verified. */
  checked?: string;
}

export interface FederalTables {
  incomeTax: Sourced & {
    label: string;
    brackets: ByFiling<Bracket[]>;
    standardDeduction: ByFiling<number>;
  };
  socialSecurity: Sourced & { label: string; rate: number; wageBase: number };
  medicare: Sourced & { label: string; rate: number };
  additionalMedicare: Sourced & { label: string; rate: number; threshold: ByFiling<number> };
  /** The flat withholding rate on supplemental wages (bonuses, RSU vests): notes only. */
  supplementalWithholding?: Sourced & {
    rate: number;
    mandatoryRateOver: number;
    mandatoryRate: number;
  };
}

/** A tax on part of income over a threshold, on top of the brackets (California's 1% over $1M). */
export interface Surtax extends Sourced {
  label: string;
  rate: number;
  over: number;
}

/** New York's supplemental tax: the benefit of the lower brackets, recaptured as AGI rises. */
export interface Recapture extends Sourced {
  label: string;
  /** NY AGI above which the recapture starts. */
  startAgi: number;
  /** The width of NY AGI over which each bracket's benefit is phased in. */
  phaseIn: number;
}

export type IncomeTaxRule =
  | (Sourced & { kind: 'none'; label: string })
  | (Sourced & {
      kind: 'brackets';
      label: string;
      brackets: ByFiling<Bracket[]>;
      /** Taken off wages less pre-tax contributions; absent for a local tax on the state's base. */
      standardDeduction?: ByFiling<number>;
      surtax?: Surtax;
      recapture?: Recapture;
    })
  | (Sourced & {
      kind: 'flat';
      label: string;
      rate: number;
      /** `federal-taxable`: federal taxable income; `state-deduction`: wages less the state's own deduction. */
      base: 'federal-taxable' | 'state-deduction';
      standardDeduction?: ByFiling<number>;
    });

/** An employee payroll premium: a rate on wages, with an optional wage cap or yearly maximum. */
export interface PayrollRule extends Sourced {
  id: string;
  label: string;
  rate: number;
  /** The employee's part of `rate` (WA paid leave, CO FAMLI); 1 when absent. */
  employeeShare?: number;
  wageCap?: number | null;
  maxPerYear?: number;
}

export interface LocalTables {
  name: string;
  incomeTax: IncomeTaxRule;
  notes: string[];
}

export interface StateTables {
  name: string;
  incomeTax: IncomeTaxRule;
  payroll: PayrollRule[];
  locals?: Record<string, LocalTables>;
  notes: string[];
}

/** Where a market location is taxed. */
export interface Place {
  state: string;
  local: string | null;
}

/** The shape of data/tax-2026.json. */
export interface TaxTables {
  taxYear: number;
  about?: string;
  federal: FederalTables;
  states: Record<string, StateTables>;
  noWageIncomeTax: Sourced & { states: string[] };
  /** Market location id to its jurisdiction; null where there is none fixed (remote, other US). */
  places: Record<string, Place | null>;
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

export interface TaxLine {
  id: string;
  label: string;
  /** Whole dollars. */
  amount: number;
  source: string;
  year: number;
  /** The rate basis in words a user can check. */
  basis: string;
  uncertain?: boolean;
}

export interface TakeHome {
  taxYear: number;
  filing: Filing;
  /** A state code, or `none` for federal only. */
  state: string;
  local: string | null;
  gross: number;
  pretax: number;
  taxes: TaxLine[];
  /** gross - pretax - the sum of the tax lines. */
  net: number;
  /** The sum of the tax lines over gross; 0 for no gross. */
  effectiveRate: number;
  notes: string[];
}

export interface TakeHomeOptions {
  filing: Filing;
  /** A state code from supportedStates(), or `none` for federal only. */
  state: string;
  local?: string | null;
  /** Pre-tax contributions (401(k)-style): off wages for income tax, not for payroll taxes. */
  pretax?: number;
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

const NONE = 'none';

/** The state codes takeHome() accepts (besides `none`, federal only), sorted. */
export function supportedStates(tables: TaxTables): string[] {
  return Object.keys(tables.states).sort();
}

/** The state and local jurisdiction of a market location; undefined where there is none fixed. */
export function placeOf(locationId: string, tables: TaxTables): Place | undefined {
  if (!Object.hasOwn(tables.places, locationId)) return undefined;
  const place = tables.places[locationId];
  return place ? { state: place.state, local: place.local } : undefined;
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

// ---- formatting for the basis text ----

function pct(rate: number): string {
  return `${(rate * 100).toFixed(3).replace(/\.?0+$/, '')}%`;
}

// ---- the arithmetic ----

/** Tax on `taxable` by the brackets, unrounded. */
function bracketTax(brackets: readonly Bracket[], taxable: number): number {
  let tax = 0;
  for (let i = 0; i < brackets.length; i++) {
    const b = brackets[i]!;
    if (taxable <= b.over) break;
    const upTo = brackets[i + 1]?.over ?? Infinity;
    tax += (Math.min(taxable, upTo) - b.over) * b.rate;
  }
  return tax;
}

/** The index of the bracket `x` falls in (the last whose `over` is below x; 0 at or below 0). */
function bracketOf(brackets: readonly Bracket[], x: number): number {
  let k = 0;
  for (let i = 1; i < brackets.length; i++) if (x > brackets[i]!.over) k = i;
  return k;
}

/** "10%-24% brackets" or "10% bracket": the rates that taxable income reaches. */
function bracketSpan(brackets: readonly Bracket[], taxable: number): string {
  const first = brackets[0]!.rate;
  const last = brackets[bracketOf(brackets, taxable)]!.rate;
  return first === last ? `${pct(first)} bracket` : `${pct(first)}-${pct(last)} brackets`;
}

/** "$200,000 wages - $10,000 pre-tax - $16,100 standard deduction" */
function fromWages(
  gross: number,
  pretax: number,
  deduction: number,
  deductionYear?: number,
): string {
  const parts = [`${money(gross)} wages`];
  if (pretax > 0) parts.push(`${money(pretax)} pre-tax`);
  if (deduction > 0)
    parts.push(
      `${money(deduction)} standard deduction${deductionYear ? ` (${deductionYear})` : ''}`,
    );
  return parts.join(' - ');
}

interface NySupplemental {
  amount: number;
  basis: string;
}

/**
 * New York's supplemental tax (Tax Law 601(d-1) ff., the IT-201-I tax computation worksheets).
 * Above NY AGI of `startAgi`, the benefit of taxing income in the lower brackets is taken back,
 * bracket by bracket, each over `phaseIn` dollars of NY AGI. With taxable income in bracket k:
 * - first phase (k at or below the bracket holding startAgi): the whole difference between the
 *   flat rate of that bracket on all taxable income and the bracket tax, times the fraction of
 *   (AGI - startAgi) / phaseIn;
 * - later brackets: the recapture base already taken, r(k-1) x t(k) - tax(t(k)), plus the
 *   fraction (AGI - t(k)) / phaseIn of the rest, r(k) x taxable - tax(taxable) - base.
 * The fraction is rounded to four decimal places, as the worksheets say. Once fully phased in,
 * the tax is the bracket rate on all taxable income. The phase follows the bracket of taxable
 * income, as the worksheets do up to $1,077,550 (single): entering a bracket starts its phase
 * part-way (NY AGI is already a standard deduction above the threshold), a small cliff the
 * worksheets have too. Above that, where NY AGI and taxable income sit in different brackets,
 * the worksheets may key the phase to NY AGI instead; and above $25,000,000 of NY AGI they tax
 * all taxable income at the top rate. Neither edge is modelled.
 */
function nySupplemental(
  brackets: readonly Bracket[],
  rule: Recapture,
  agi: number,
  taxable: number,
): NySupplemental | undefined {
  if (agi <= rule.startAgi || taxable <= 0) return undefined;
  const p = bracketOf(brackets, rule.startAgi);
  const k = bracketOf(brackets, taxable);
  const ordinary = bracketTax(brackets, taxable);
  let base: number;
  let start: number;
  let flatRate: number;
  if (k <= p) {
    base = 0;
    start = rule.startAgi;
    flatRate = brackets[p]!.rate;
  } else {
    const t = brackets[k]!.over;
    base = brackets[k - 1]!.rate * t - bracketTax(brackets, t);
    start = t;
    flatRate = brackets[k]!.rate;
  }
  const incremental = Math.max(0, flatRate * taxable - ordinary - base);
  const fraction =
    Math.round(Math.min(1, Math.max(0, (agi - start) / rule.phaseIn)) * 10000) / 10000;
  const amount = base + incremental * fraction;
  const share = `${(fraction * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
  const taken = base > 0 ? `${money(base)} already recaptured + ` : '';
  const basis =
    `${money(amount)} ${rule.label} on NY AGI ${money(agi)} over ${money(rule.startAgi)}: ` +
    `${taken}${share} of the next ${money(incremental)} as NY AGI runs ${money(start)}-${money(start + rule.phaseIn)}` +
    (fraction >= 1 ? `, so ${pct(flatRate)} on all ${money(taxable)} taxable` : '');
  return { amount, basis };
}

function line(id: string, label: string, amount: number, figures: Sourced, basis: string): TaxLine {
  const out: TaxLine = {
    id,
    label,
    amount: Math.max(0, Math.round(amount)) + 0,
    source: figures.source,
    year: figures.year,
    basis,
  };
  if (figures.uncertain) out.uncertain = true;
  return out;
}

interface IncomeTaxResult {
  line: TaxLine;
  /** The taxable income it was computed on (a local tax on the state's base reuses it). */
  taxable: number;
}

function incomeTaxLine(
  id: string,
  rule: IncomeTaxRule,
  where: string,
  filing: Filing,
  gross: number,
  pretax: number,
  federalTaxable: number,
  stateTaxable?: number,
): IncomeTaxResult {
  const wages = gross - pretax;
  switch (rule.kind) {
    case 'none':
      return {
        line: line(id, rule.label, 0, rule, `${where} levies no income tax on wages`),
        taxable: 0,
      };
    case 'flat': {
      let taxable: number;
      let from: string;
      if (rule.base === 'federal-taxable') {
        taxable = federalTaxable;
        from = `federal taxable income`;
      } else {
        const deduction = rule.standardDeduction?.[filing] ?? 0;
        taxable = Math.max(0, wages - deduction);
        from = `taxable: ${fromWages(gross, pretax, deduction)}`;
      }
      const basis = `${pct(rule.rate)} of ${money(taxable)} ${from}${rule.uncertain ? ` (${rule.year} rate uncertain)` : ''}`;
      return { line: line(id, rule.label, rule.rate * taxable, rule, basis), taxable };
    }
    case 'brackets': {
      const brackets = rule.brackets[filing];
      let taxable: number;
      let from: string;
      if (rule.standardDeduction) {
        const deduction = rule.standardDeduction[filing];
        taxable = Math.max(0, wages - deduction);
        from = fromWages(gross, pretax, deduction, rule.uncertain ? rule.year : undefined);
      } else {
        taxable = stateTaxable ?? 0;
        from = 'the state taxable income';
      }
      const yearTag = rule.uncertain ? ` (${rule.year})` : '';
      let amount = bracketTax(brackets, taxable);
      let basis =
        taxable > 0
          ? `${bracketSpan(brackets, taxable)}${yearTag} on ${money(taxable)} taxable: ${from}`
          : `no taxable income: ${from}`;
      if (rule.surtax && taxable > rule.surtax.over) {
        const over = taxable - rule.surtax.over;
        amount += rule.surtax.rate * over;
        basis += `; plus ${pct(rule.surtax.rate)} ${rule.surtax.label} on ${money(over)} over ${money(rule.surtax.over)}`;
      }
      if (rule.recapture) {
        const supplemental = nySupplemental(brackets, rule.recapture, wages, taxable);
        if (supplemental) {
          amount += supplemental.amount;
          basis += `; plus ${supplemental.basis}`;
        }
      }
      return { line: line(id, rule.label, amount, rule, basis), taxable };
    }
  }
}

function payrollLine(rule: PayrollRule, gross: number): TaxLine {
  const share = rule.employeeShare ?? 1;
  const rate = rule.rate * share;
  const cap = rule.wageCap ?? Infinity;
  const wages = Math.min(gross, cap);
  let amount = rate * wages;
  const shareText = share === 1 ? '' : ` (${pct(share)} of the ${pct(rule.rate)} premium)`;
  let basis: string;
  if (Number.isFinite(cap))
    basis =
      gross >= cap
        ? `${pct(rate)}${shareText} of wages up to ${money(cap)}`
        : `${pct(rate)}${shareText} of ${money(gross)} wages (taxed up to ${money(cap)})`;
  else if (rule.maxPerYear !== undefined)
    basis = `${pct(rate)}${shareText} of ${money(gross)} wages, at most $${rule.maxPerYear.toFixed(2)} a year`;
  else basis = `${pct(rate)}${shareText} of ${money(gross)} wages (no cap)`;
  if (rule.maxPerYear !== undefined) amount = Math.min(amount, rule.maxPerYear);
  return line(rule.id, rule.label, amount, rule, basis);
}

function checkInputs(gross: number, opts: TakeHomeOptions): number {
  if (!Number.isFinite(gross) || gross < 0)
    throw new InputError(`gross pay must be a number of dollars, 0 or more, got ${gross}`, 'gross');
  const pretax = opts.pretax ?? 0;
  if (!Number.isFinite(pretax) || pretax < 0)
    throw new InputError(`pretax contributions must be 0 or more dollars, got ${pretax}`, 'pretax');
  return pretax;
}

/**
 * The most that can be contributed pre-tax out of `gross` wages (whole dollars): contributions
 * come out of pay, so they cannot exceed what is left after the taxes still owed on it (Social
 * Security, Medicare and state payroll premiums are on all wages, and income tax on what is left
 * after the contributions). Net pay falls as contributions rise (by 1 less the marginal income
 * tax rate a dollar), so this is the largest whole number of dollars whose net pay is not below
 * $0: found by bisection.
 */
export function maxPretax(gross: number, opts: TakeHomeOptions, tables: TaxTables): number {
  checkInputs(gross, { ...opts, pretax: 0 });
  const netAt = (pretax: number): number => computeTakeHome(gross, pretax, opts, tables).net;
  let lo = 0; // net >= 0 (no contribution: every tax is less than the wages)
  let hi = Math.floor(gross);
  if (netAt(hi) >= 0) return hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (netAt(mid) >= 0) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** A refusal of --pretax above `maxPretax`, naming the wages and the most. */
function tooMuchPretax(gross: number, pretax: number, most: number): InputError {
  return new InputError(
    `pretax ${money(pretax)} is more than ${money(gross)} of wages can pay after the taxes still owed on them: at most ${money(most)} can be contributed`,
    'pretax',
  );
}

/**
 * Take-home pay for one year's wages `gross` (base, bonus, vested stock and sign-on alike):
 * federal income tax, Social Security, Medicare and the Additional Medicare Tax, then the
 * state's (and city's) income tax and payroll premiums. Each line is rounded to whole dollars.
 */
export function takeHome(gross: number, opts: TakeHomeOptions, tables: TaxTables): TakeHome {
  const pretax = checkInputs(gross, opts);
  const result = pretax > gross ? undefined : computeTakeHome(gross, pretax, opts, tables);
  if (result === undefined || result.net < 0)
    throw tooMuchPretax(gross, pretax, maxPretax(gross, opts, tables));
  return result;
}

/** `takeHome` on checked inputs, whatever the net comes to. */
function computeTakeHome(
  gross: number,
  pretax: number,
  opts: TakeHomeOptions,
  tables: TaxTables,
): TakeHome {
  const filing = opts.filing;
  // The state is a code of these tables or `none`, checked where it was typed (input/take-home.ts).
  const code = opts.state;
  const state = code === NONE ? undefined : tables.states[code];
  if (code !== NONE && (!state || !Object.hasOwn(tables.states, code)))
    throw new InputError(`state '${code}' is not in the tax tables`, 'state');
  const localId = opts.local ?? null;
  const local = localId === null ? undefined : state?.locals?.[localId];
  if (localId !== null && (!local || !Object.hasOwn(state?.locals ?? {}, localId)))
    throw new InputError(
      `local tax '${localId}' is not supported for ${code === NONE ? 'federal only' : code}` +
        (state?.locals ? `: use ${Object.keys(state.locals).join(', ')}` : ''),
      'local',
    );

  const f = tables.federal;
  const wages = gross - pretax;
  const taxes: TaxLine[] = [];
  const notes: string[] = [
    "Estimates for planning, not tax advice: a full-year resident with wage income only and the standard deduction; credits, itemised deductions, other income and local taxes other than New York City's are left out.",
  ];

  // Federal income tax.
  const fedDeduction = f.incomeTax.standardDeduction[filing];
  const fedTaxable = Math.max(0, wages - fedDeduction);
  const fedBrackets = f.incomeTax.brackets[filing];
  taxes.push(
    line(
      'federal',
      f.incomeTax.label,
      bracketTax(fedBrackets, fedTaxable),
      f.incomeTax,
      fedTaxable > 0
        ? `${bracketSpan(fedBrackets, fedTaxable)} on ${money(fedTaxable)} taxable: ${fromWages(gross, pretax, fedDeduction)}`
        : `no taxable income: ${fromWages(gross, pretax, fedDeduction)}`,
    ),
  );

  // Payroll taxes, on all wages (pre-tax contributions of the 401(k) kind do not lower them).
  const ss = f.socialSecurity;
  taxes.push(payrollLine({ id: 'social-security', ...ss, wageCap: ss.wageBase }, gross));
  taxes.push(
    line(
      'medicare',
      f.medicare.label,
      f.medicare.rate * gross,
      f.medicare,
      `${pct(f.medicare.rate)} of ${money(gross)} wages (no cap)`,
    ),
  );
  const am = f.additionalMedicare;
  const threshold = am.threshold[filing];
  const over = Math.max(0, gross - threshold);
  taxes.push(
    line(
      'additional-medicare',
      am.label,
      am.rate * over,
      am,
      over > 0
        ? `${pct(am.rate)} of ${money(over)} wages over ${money(threshold)} (${filing === 'married' ? 'married filing jointly' : 'single'})`
        : `${pct(am.rate)} of wages over ${money(threshold)} (${filing === 'married' ? 'married filing jointly' : 'single'}): none here`,
    ),
  );

  if (filing === 'married')
    notes.push(
      "Married filing jointly, with these wages as the household's only wages: a second earner's pay would change the brackets and add its own Social Security and payroll premiums.",
    );
  if (pretax > 0)
    notes.push(
      `Pre-tax contributions (${money(pretax)}) lower the wages taxed by federal and state income tax, not Social Security, Medicare or the state payroll premiums (as for a 401(k)).`,
    );
  if (f.incomeTax.year !== tables.taxYear || f.incomeTax.uncertain)
    notes.push(`Federal brackets are for ${f.incomeTax.year}. ${f.incomeTax.note ?? ''}`.trim());

  if (!state) {
    notes.push('Federal only: no state or local tax is included (name a state to add one).');
  } else {
    const stateTax = incomeTaxLine(
      'state',
      state.incomeTax,
      state.name,
      filing,
      gross,
      pretax,
      fedTaxable,
    );
    taxes.push(stateTax.line);
    if (local) {
      const localTax = incomeTaxLine(
        'local',
        local.incomeTax,
        local.name,
        filing,
        gross,
        pretax,
        fedTaxable,
        stateTax.taxable,
      );
      taxes.push(localTax.line);
    }
    for (const rule of state.payroll) taxes.push(payrollLine(rule, gross));

    const rules: Sourced[] = [state.incomeTax, ...state.payroll];
    if (state.incomeTax.kind === 'brackets') {
      if (state.incomeTax.surtax) rules.push(state.incomeTax.surtax);
      if (state.incomeTax.recapture) rules.push(state.incomeTax.recapture);
    }
    if (local) rules.push(local.incomeTax);
    for (const r of rules) if (r.uncertain && r.note) notes.push(r.note);
    const recapture = state.incomeTax.kind === 'brackets' ? state.incomeTax.recapture : undefined;
    if (recapture?.note && wages > recapture.startAgi)
      notes.push(`${state.name}'s ${recapture.label} is included. ${recapture.note}`);
    notes.push(...state.notes, ...(local?.notes ?? []));
  }

  const total = taxes.reduce((sum, t) => sum + t.amount, 0);
  return {
    taxYear: tables.taxYear,
    filing,
    state: code,
    local: local ? localId : null,
    gross,
    pretax,
    taxes,
    net: gross - pretax - total,
    effectiveRate: gross > 0 ? total / gross : 0,
    notes,
  };
}
