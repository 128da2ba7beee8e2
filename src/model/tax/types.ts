// The shapes of the tax tables (data/tax-2026.json, data/tax-states-2026.json) and of a
// take-home result. The tables carry every figure with its source and year; the model reads
// them and writes nothing of its own.

export type Filing = 'single' | 'married';

/** Figures for each filing status. */
export type ByFiling<T> = Record<Filing, T>;

/** [single, married]. */
export type Pair = readonly [number, number];

/** A rate that applies to income over `over`, up to the next bracket's `over`. */
export type Bracket = readonly [over: number, rate: number];

/** Brackets for both filing statuses, or one list for both. */
export type Rates = readonly Bracket[] | ByFiling<readonly Bracket[]>;

/** A table row: `value` applies above `over` (null: from the first dollar). */
export type Row = readonly [over: number | null, value: number];

/** A table by filing status; `right`: a row applies strictly above its `over`, else at it. */
export interface Lookup extends ByFiling<readonly Row[]> {
  right?: boolean;
}

/** What every group of figures carries: where it comes from and its tax year. */
export interface Sourced {
  src: string;
  year: number;
  /** The figure is not settled (another year's figure, a rate not yet confirmed). */
  uncertain?: boolean;
  note?: string;
  /** How the figure was verified. */
  checked?: string;
}

// ---- federal (data/tax-2026.json) ----

export interface FederalTables {
  incomeTax: Sourced & {
    label: string;
    brackets: ByFiling<readonly Bracket[]>;
    standardDeduction: Pair;
  };
  /** The state and local tax deduction: capped, the cap phased down above an income. */
  salt: Sourced & { cap: number; phaseDownOver: number; phaseDownRate: number; floor: number };
  /** Itemised deductions cut by `rate` x the lesser of them and income over the top bracket. */
  itemizedLimit: Sourced & { rate: number };
  saversCredit: Sourced & { rates: Lookup; maxContribution: number };
  eitc: Sourced & {
    max: number;
    phaseInRate: number;
    phaseOutStart: Pair;
    phaseOutRate: number;
    ages: Pair;
  };
  socialSecurity: Sourced & { label: string; rate: number; wageBase: number };
  medicare: Sourced & { label: string; rate: number };
  additionalMedicare: Sourced & { label: string; rate: number; threshold: Pair };
  /** The flat withholding rate on supplemental wages (bonuses, RSU vests): notes only. */
  supplementalWithholding?: Sourced & {
    rate: number;
    mandatoryRateOver: number;
    mandatoryRate: number;
  };
}

/** 2026 contribution limits. */
export interface Limits extends Sourced {
  k401: number;
  /** Extra deferrals at ages 50+ and (instead) 60-63. */
  catchUp50: number;
  catchUp60to63: number;
  /** Above these prior-year FICA wages, catch-up deferrals must be Roth (after tax). */
  rothCatchUpOver: number;
  hsaSelf: number;
  hsaFamily: number;
  hsaCatchUp55: number;
}

/** Where a market location is taxed: its state, default locality, and other states allowed. */
export interface Place {
  state: string;
  local?: string;
  states?: readonly string[];
}

/** The shape of data/tax-2026.json. */
export interface FederalFile {
  taxYear: number;
  about?: string;
  federal: FederalTables;
  limits: Limits;
  noWageIncomeTax: Sourced & { states: readonly string[] };
  /** Market location id to its jurisdiction; null where there is none fixed (remote, other US). */
  places: Record<string, Place | null>;
}

// ---- states (data/tax-states-2026.json) ----

interface Phase {
  start: number | Pair;
  step: number;
  cut: number;
}

interface Fade {
  start: Pair;
  width: Pair;
  /** Round the reduction down to a multiple of this. */
  round?: number;
}

export interface Credit {
  label: string;
  /** Per person (1 single, 2 married). */
  each?: number;
  /** `each` cut by `cut` per started `step` of federal AGI over `start`. */
  steps?: Phase;
  /** None above this federal AGI. */
  upTo?: Pair;
  /** An amount by federal AGI. */
  byAgi?: ByFiling<readonly Row[]>;
  right?: boolean;
  perPerson?: boolean;
}

export interface StateIncomeTax extends Sourced {
  none?: boolean;
  /** `agi` federal AGI (default); `fti` federal taxable income; `pay` wages less HSA. */
  base?: 'agi' | 'fti' | 'pay';
  /** HSA contributions are taxed (not excluded). */
  hsa?: boolean;
  rates?: Rates;
  flat?: number;
  /** [over, rate on all taxable income, less] (Arkansas). */
  table?: readonly (readonly [number, number, number])[];
  std?: Pair | 'federal';
  stdLabel?: string;
  stdSteps?: { start: number; step: number; cut: Pair; min: Pair };
  stdFade?: Fade;
  stdShare?: Phase;
  stdCut?: ByFiling<readonly Bracket[]>;
  stdMN?: {
    low: number;
    high: number;
    lowRate: number;
    highRate: number;
    most: number;
    over: number;
  };
  itemize?: 'free' | 'federal' | 'federal-only' | 'federal-salt';
  exempt?: Pair | { each: number };
  exemptSteps?: Phase;
  exemptFade?: Fade;
  exemptShare?: Phase;
  exemptByAgi?: Lookup;
  exemptUpTo?: Pair;
  exemptLow?: { each: number; upTo: Pair; start: Pair; rate: Pair };
  fedTax?: 'full' | { share: readonly Row[]; cap: Pair } | { capByAgi: ByFiling<readonly Row[]> };
  /** Social Security and Medicare paid, deductible up to this a person (Massachusetts). */
  fica?: number;
  addBack?: { over: number; keep: Pair };
  saltBack?: boolean;
  zeroBelow?: number;
  zeroUpTo?: Pair;
  minimum?: { over: number; rate: number };
  surtax?: Sourced & { label: string; rate: number; over: number | Pair };
  recapture?: Sourced & { label: string; startAgi: number; phaseIn: number };
  addOns?: readonly { label: string; start: Pair; step: Pair; amount: Pair; max: Pair }[];
  creditRate?: ByFiling<readonly Row[]>;
  credits?: readonly Credit[];
  utCredit?: { rate: number; less: number; over: Pair };
  extra?: { label: string; amount: number };
  refunds?: readonly Credit[];
  /** Below about this state income, low-income rules the model leaves out may apply. */
  lowIncome?: number;
}

export interface Premium extends Sourced {
  id: string;
  label: string;
  rate: number;
  /** The employee's part of `rate`; 1 when absent. */
  share?: number;
  /** Wages taxed up to this; `ss`: the Social Security wage base. */
  cap?: number | 'ss';
  /** At most this a year. */
  max?: number;
  /** `gross` wages, `fica` wages less HSA, `taxable` wages less 401(k) and HSA. */
  base?: 'gross' | 'fica' | 'taxable';
  /** Deductible as a state income tax on the federal return; true when absent. */
  salt?: boolean;
}

export interface LocalPart extends Sourced {
  id: string;
  label: string;
  /** `pay` wages less HSA (401(k) deferrals taxed); `state-taxable` the state's taxable income. */
  base?: 'pay' | 'state-taxable';
  rate?: number;
  /** An exemption per person off the base. */
  each?: number;
  rates?: Rates;
  rateByIncome?: Lookup;
  /** A share of the state's income tax (Yonkers). */
  share?: number;
  fixed?: number;
  monthly?: number;
  minWages?: number;
  minMonthly?: number;
  credits?: readonly (Credit & { amount?: Pair; taxableUpTo?: number; rates?: Rates })[];
}

export interface Locality {
  name: string;
  /** A part, or the id of one in the state's `localParts`. */
  parts: readonly (LocalPart | string)[];
}

export interface Counties extends Sourced {
  default: string;
  names?: Record<string, string>;
  rates: Record<string, number>;
}

export interface StateTables {
  name: string;
  tax: StateIncomeTax;
  payroll: readonly Premium[];
  locals?: Record<string, Locality>;
  localParts?: Record<string, LocalPart>;
  /** A county tax every resident pays, on the state's taxable income (Maryland, Indiana). */
  counties?: Counties;
  notes: readonly string[];
  /** A note for when no locality is named. */
  noLocal?: string;
}

export interface StatesFile {
  about?: string;
  states: Record<string, StateTables>;
}

/** Both tables, as the model takes them. */
export interface TaxTables extends FederalFile {
  states: Record<string, StateTables>;
}

// ---- results ----

export interface TaxLine {
  id: string;
  label: string;
  /** Whole dollars; negative only where refundable credits exceed the tax. */
  amount: number;
  source: string;
  year: number;
  /** The rate basis in words a user can check. */
  basis: string;
  uncertain?: boolean;
}

/** Which federal deduction was used and why. */
export interface DeductionChoice {
  used: 'standard' | 'itemized';
  standard: number;
  /** Itemised deductions as allowed (state and local taxes capped, the high-income cut). */
  itemized: number;
  why: string;
}

export interface TakeHome {
  taxYear: number;
  filing: Filing;
  /** A state code, or `none` for federal only. */
  state: string;
  local: string | null;
  gross: number;
  /** 401(k)-type deferrals. */
  pretax: number;
  /** HSA contributions through payroll. */
  hsa: number;
  deduction: DeductionChoice;
  taxes: TaxLine[];
  /** gross - pretax - hsa - the sum of the tax lines. */
  net: number;
  /** The sum of the tax lines over gross; 0 for no gross. */
  effectiveRate: number;
  notes: string[];
}

export interface TakeHomeOptions {
  filing: Filing;
  /** A state code, or `none` for federal only. */
  state: string;
  /** A locality of the state, or null for none; undefined for the state's default. */
  local?: string | null;
  /** 401(k)-type deferrals: off income tax wages, not payroll taxes. */
  pretax?: number;
  /** HSA contributions through payroll: off income tax and payroll tax wages. */
  hsa?: number;
  hsaCoverage?: 'self' | 'family';
  /** For the catch-up limits; 40 when not given. */
  age?: number;
  /** Other itemised deductions (mortgage interest, charity), not state and local taxes. */
  itemized?: number;
}
