// The shapes of the tax tables (data/tax-2026.json, data/tax-states-2026.json; docs/take-home.md
// says what each field means) and of a take-home result.

export type Filing = 'single' | 'married';
export type ByFiling<T> = Record<Filing, T>;
/** [single, married]. */
export type Pair = readonly [number, number];
/** One figure for both filing statuses, or a [single, married] pair. */
export type Num = number | Pair;
/** A rate on income over `over`, up to the next bracket's `over`. */
export type Bracket = readonly [over: number, rate: number];
export type Rates = readonly Bracket[] | ByFiling<readonly Bracket[]>;
/** `value` from `over` on (null: from the first dollar). */
export type Row = readonly [over: number | null, value: number];
/** Rows by filing status; `right`: a row applies strictly above its `over`. */
export type Lookup = ByFiling<readonly Row[]> & { right?: boolean };

/** What every group of figures carries: its source and tax year, whether it is settled. */
export interface Sourced {
  src: string;
  year: number;
  uncertain?: boolean;
  note?: string;
}

/**
 * A cut by income: n = (income - start) / step (whole steps: `round`), cut n x `cut`, or
 * the brackets `rates` on income; with `share`, that share of the amount (at most `most`), then
 * rounded down `to` a multiple; the amount kept at least `min`, and none above `upTo`.
 */
export type Phase = Partial<Record<'start' | 'step' | 'cut' | 'min' | 'upTo', Num>> & {
  rates?: Rates;
  round?: 'ceil' | 'floor';
  share?: boolean;
  most?: number;
  to?: number;
};

export interface Credit {
  label: string;
  /** A person's amount (x 1 or 2), or [single, married]; cut by `phase`. */
  each?: Num;
  phase?: Phase;
  /** An amount by federal AGI (a person's, with `perPerson`). */
  byAgi?: Lookup;
  perPerson?: boolean;
  /** A cut of the tax by brackets on the state's taxable income, up to `taxableUpTo`. */
  rates?: Rates;
  taxableUpTo?: number;
}

/** Sourced figures: the numbers `K` (or other values `T`). */
type Figures<K extends string, T = number> = Sourced & Record<K, T>;

export interface FederalTables {
  incomeTax: Figures<'label', string> & {
    brackets: ByFiling<readonly Bracket[]>;
    standardDeduction: Pair;
  };
  salt: Figures<'cap' | 'phaseDownOver' | 'phaseDownRate' | 'floor'>;
  itemizedLimit: Figures<'rate'>;
  saversCredit: Figures<'maxContribution'> & { rates: Lookup };
  eitc: Figures<'max' | 'phaseInRate' | 'phaseOutRate'> & Record<'phaseOutStart' | 'ages', Pair>;
  socialSecurity: Figures<'rate' | 'wageBase'> & { label: string };
  medicare: Figures<'rate'> & { label: string };
  additionalMedicare: Figures<'rate'> & { label: string; threshold: Pair };
  /** The flat withholding rate on supplemental wages: notes only. */
  supplementalWithholding?: Figures<'rate' | 'mandatoryRate' | 'mandatoryRateOver'>;
}

/** Where a market location is taxed: its state, default locality, other states allowed. */
export interface Place {
  state: string;
  local?: string;
  /** The other states the metro spans, and for each what living there leaves out (its source: acrossSrc). */
  states?: readonly string[];
  across?: Readonly<Record<string, string>>;
  acrossSrc?: string;
  /** What living elsewhere in the state leaves out of the city's work-place taxes (`workSrc`). */
  work?: string;
  workSrc?: string;
  /** The locality taxed by default in another state the metro spans (else the state's own). */
  locals?: Readonly<Record<string, string>>;
}

/** The shape of data/tax-2026.json. */
export interface FederalFile {
  taxYear: number;
  federal: FederalTables;
  limits: Figures<'k401' | 'catchUp50' | 'catchUp60to63' | 'rothCatchUpOver'> &
    Record<'hsaSelf' | 'hsaFamily' | 'hsaCatchUp55', number>;
  noWageIncomeTax: Figures<'states', readonly string[]>;
  /** Market location id to its jurisdiction; null where none is fixed (remote, us). */
  places: Record<string, Place | null>;
}

/**
 * A state's income tax: `none`; `base` federal AGI (default), `fti` federal taxable income or
 * `pay` wages less HSA (`hsa`: HSA contributions taxed); `rates`, a `flat` rate or a `table` of
 * [over, rate on all taxable income, less]; `std` and its `stdPhase`, `dedPhase` (a cut of the
 * deduction taken), `itemize`; `exempt` a person's, [single, married] or by AGI, and its
 * `exemptPhase`; `fedTax` deductible; `fica` deductible up to this a person; `addBack` and
 * `saltBack` (Colorado); `zeroBelow` taxable income and `zeroUpTo` income taxed nothing; the
 * `minimum` (Vermont); `surtax`; `recapture` (New York); `addOns` and `creditRate`
 * (Connecticut); `credits`, `utCredit` (Utah), `extra`, then the refundable `refunds`;
 * `lowIncome`: below about this income, low-income rules left out may apply.
 */
export type StateIncomeTax = Sourced &
  Partial<Record<'none' | 'hsa' | 'saltBack', boolean>> &
  Partial<Record<'flat' | 'fica' | 'zeroBelow' | 'lowIncome', number>> &
  Partial<Record<'stdPhase' | 'dedPhase' | 'exemptPhase', Phase>> &
  Partial<Record<'credits' | 'refunds', readonly Credit[]>> & {
    base?: 'fti' | 'pay';
    rates?: Rates;
    table?: readonly (readonly [number, number, number])[];
    std?: Pair | 'federal';
    stdLabel?: string;
    itemize?: 'free' | 'federal' | 'federal-only' | 'federal-salt';
    exempt?: Num | Lookup;
    fedTax?: 'full' | { share: readonly Row[]; cap: Pair } | { capByAgi: Lookup };
    addBack?: { over: number; keep: Pair };
    zeroUpTo?: Pair;
    minimum?: { over: number; rate: number };
    surtax?: Sourced & { label: string; rate: number; over: Num };
    recapture?: Sourced & { label: string; startAgi: number; phaseIn: number };
    addOns?: readonly ({ label: string } & Record<'start' | 'step' | 'amount' | 'max', Pair>)[];
    creditRate?: Lookup;
    utCredit?: { rate: number; less: number; over: Pair };
    extra?: { label: string; amount: number };
  };

export interface Premium extends Sourced {
  id: string;
  label: string;
  rate: number;
  /** The employee's part of `rate`. */
  share?: number;
  /** Wages taxed up to this; `ss`: the Social Security wage base. */
  cap?: number | 'ss';
  max?: number;
  /** `gross` wages (default), `fica` less HSA, `taxable` less 401(k) and HSA. */
  base?: 'gross' | 'fica' | 'taxable';
  /** Deductible as a state tax on the federal return (default). */
  salt?: boolean;
}

/**
 * A local tax: on `base` wages less HSA (default `pay`) less `each` a person, or the state's
 * taxable income; at a `rate`, `rates` or one rate by income, or a `share` of the state's tax,
 * `fixed` a year (from `minWages`) or `monthly` (from `minMonthly` a month); its credits.
 */
export type LocalPart = Sourced &
  Partial<
    Record<'rate' | 'each' | 'share' | 'fixed' | 'monthly' | 'minWages' | 'minMonthly', number>
  > &
  Partial<Record<'credits' | 'refunds', readonly Credit[]>> & {
    id: string;
    label: string;
    base?: 'pay' | 'state-taxable';
    rates?: Rates;
    rateByIncome?: Lookup;
  };

export interface Locality {
  name: string;
  /** A part, or the id of one in the state's `localParts`. */
  parts: readonly (LocalPart | string)[];
  /** One of the state's counties (made from `counties` by taxTables). */
  county?: boolean;
}

export interface StateTables {
  name: string;
  tax: StateIncomeTax;
  payroll: readonly Premium[];
  locals?: Record<string, Locality>;
  localParts?: Record<string, LocalPart>;
  /** A county tax every resident pays, on the state's taxable income (Maryland, Indiana). */
  counties?: Sourced & {
    default: string;
    names?: Record<string, string>;
    rates: Record<string, number>;
  };
  notes: readonly string[];
  /** A note for when no locality is named. */
  noLocal?: string;
}

export interface StatesFile {
  states: Record<string, StateTables>;
}

export type TaxTables = FederalFile & StatesFile;

/** The wages and choices the taxes are worked from (`other`: other itemised deductions). */
export type Earner = { filing: Filing } & Record<
  'gross' | 'pretax' | 'hsa' | 'age' | 'other',
  number
>;

export interface TaxLine {
  id: string;
  label: string;
  /** Whole dollars; negative only where refundable credits exceed the tax. */
  amount: number;
  source: string;
  year: number;
  /** How it is worked out, in words a user can check. */
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
  hsa: number;
  deduction: { used: 'standard' | 'itemized'; standard: number; itemized: number; why: string };
  taxes: TaxLine[];
  /** gross - pretax - hsa - the tax lines. */
  net: number;
  effectiveRate: number;
  notes: string[];
}

/**
 * What takeHome() is asked: `pretax` 401(k)-type deferrals (off income tax wages, not payroll
 * taxes), `hsa` contributions through payroll (off both), `age` (40 when not given), `itemized`
 * deductions other than state and local taxes.
 */
export type TakeHomeOptions = Partial<Record<'pretax' | 'hsa' | 'age' | 'itemized', number>> & {
  filing: Filing;
  /** A state code the tables hold, or `none` (checked at the edge). */
  state: string;
  /** A locality of the state, or null for none; undefined for the state's default. */
  local?: string | null;
  hsaCoverage?: 'self' | 'family';
  /** What of the pay is withheld at the flat supplemental rate, for the note on it (review4 N10). */
  supplemental?: Supplemental;
};
/**
 * Listed stock vesting, a bonus, a sign-on in the pay taxed (absent: stock and a bonus); `amount`:
 * what they come to in the year, where known (withholding on them is mandatory at 37% past $1M).
 */
export type Supplemental = Partial<Record<'stock' | 'bonus' | 'signOn', boolean>> & {
  amount?: number;
};
