/** A low / typical / high triple, in whole US dollars per year unless said otherwise. */
export interface Range {
  low: number;
  mid: number;
  high: number;
}

/** The id of the source entry a --data market file adds to its own, so estimates name the file. */
export const MARKET_FILE_SOURCE = 'market-file';

export type Level = 'entry' | 'mid' | 'senior' | 'staff';
export const LEVELS: readonly Level[] = ['entry', 'mid', 'senior', 'staff'];

/** A normalised profile: every name is a catalogue id (see `normalise.ts`). */
export interface Profile {
  years: number;
  city: string;
  industry: string;
  skills: string[];
  degree: string;
}

export type ProfileField = keyof Profile;
export const PROFILE_FIELDS: readonly ProfileField[] = [
  'years',
  'city',
  'industry',
  'skills',
  'degree',
];

/** One reason behind the estimate, with its effect on the typical total in dollars. */
export interface Factor {
  id: string;
  label: string;
  effect: number;
  /** Shared between estimates and frozen (see `estimate()`): copy before changing. */
  sources: readonly string[];
}

export interface SourceRef {
  id: string;
  title: string;
  file: string;
}

/** What one guide says about this many years of experience, unadjusted. */
export interface GuideView {
  source: string;
  file: string;
  basis: 'national' | 'hub';
  level: Level;
  years: string;
  /** [low, high] as the guide states it; high is null when it gives only a floor ("$300,000+"). */
  base: readonly [number, number | null];
  /** The same for total compensation, when the guide gives it. */
  total?: readonly [number, number | null];
}

/** How a profile's catalogue ids read to a person, so that no renderer needs the market. */
export interface ProfileLabels {
  city: string;
  industry: string;
  skills: string[];
  degree: string;
}

/** Summary statistics of one group of the open salary data (whole US dollars a year). */
export interface SalaryStats {
  count: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
}

/** What the open salary data says for a profile's level (base salary only, national). */
export interface OpenDataView {
  source: string;
  /** The dataset's experience level shown (EN, MI, SE), and its name. */
  level: string;
  label: string;
  /** The years the figures cover, e.g. "2022-2025", and the postings behind them. */
  period: string;
  postings: SalaryStats;
  /** The same for the latest year alone. */
  latest: SalaryStats & { year: number };
  /** Why this level was shown when the profile's level has none of its own (staff), if so. */
  note?: string;
}

/** The figures of an estimate: what every document about one profile carries. */
export interface Figures {
  level: Level;
  base: Range;
  bonus: Range;
  /** The yearly value of equity grants; private paper is valued as `paper` explains. */
  equity: Range;
  total: Range;
  /**
   * Present when the employer's equity is private paper: its value at the latest round price at
   * each end, before `equity` values it (at $0 at the low end: it may never be sold).
   */
  paper?: Range;
}

export interface Estimate extends Figures {
  profile: Profile;
  labels: ProfileLabels;
  factors: Factor[];
  /** Shared between estimates and frozen (see `estimate()`): copy before changing. */
  sources: readonly Readonly<SourceRef>[];
  /** Shared between estimates and frozen (see `estimate()`): copy before changing. */
  guides: readonly Readonly<GuideView>[];
  /** What the open data says for this level (shared and frozen). */
  openData: Readonly<OpenDataView>;
}

// ---- market data (the shape of data/market.json) ----

export interface Evidence {
  source: string;
  quote: string;
  [extra: string]: unknown;
}

export interface MarketSource extends SourceRef {
  reading?: string;
  /** Cited by every estimate, whatever its reasons (the model; a market file given with --data). */
  always?: boolean;
  [extra: string]: unknown;
}

export interface ExperienceBand {
  level: Level;
  years: [number, number | null];
  anchorYears: number;
  base: [number, number];
  total?: [number, number];
  /**
   * The guide states only the low ends ("$300,000+"): the highs in `base` and `total` are the
   * model's (see `note`), used by the estimate but not shown as the guide's words.
   */
  openHigh?: boolean;
  quote: string;
  note?: string;
}

export interface ExperienceCurve {
  source: string;
  basis: 'national' | 'hub';
  bands: ExperienceBand[];
}

export interface CatalogEntry {
  id: string;
  label: string;
  aliases: string[];
}

export interface Location extends CatalogEntry {
  /** Where it is, for grouping the interactive list ("West"). */
  region?: string;
  multiplier: Range;
  /** What federal wage data alone says (docs/metros.md); the guides may outrank it. */
  federal?: FederalFactor;
  evidence: Evidence[];
  derivation: string;
}

/** A location's federal median over the national one, and the factor it gives on the market's scale. */
export interface FederalFactor {
  ratio: number;
  factor: number;
  /** The multiplier is the guides' figure, not `factor`. */
  guidesOutrank?: boolean;
  /** The ratio is an estimate (no published median). */
  uncertain?: boolean;
}

export interface Industry extends CatalogEntry {
  rank: number;
  baseMultiplier: number;
  /** The id of its pay mix in `payMix.kinds`. */
  payMix: string;
  evidence: Evidence[];
  derivation: string;
}

/** Bonus and equity as shares of base at one number of years of experience. */
export interface PayMixAnchor {
  years: number;
  bonus: Range;
  equity: Range;
  source: string;
  quote: string;
  derivation: string;
  [extra: string]: unknown;
}

/** How one kind of employer pays on top of base: straight lines between its anchors. */
export interface PayMixKind {
  label: string;
  /** The equity is private paper, valued by `payMix.paperValue`. */
  paper?: boolean;
  reading?: string;
  anchors: PayMixAnchor[];
}

/** A national base band at one number of years of experience. */
export interface NationalAnchor extends Range {
  years: number;
  level: Level;
  derivation: string;
  [extra: string]: unknown;
}

/** One experience level of the open salary data. */
export interface OpenDataLevel {
  id: string;
  label: string;
  years: [number, number] | null;
  anchorYears: number | null;
  note?: string;
  postings: SalaryStats;
  rows: SalaryStats;
  latest: SalaryStats & { year: number };
  spread?: { p10: number; p90: number };
}

export interface Skill extends CatalogEntry {
  premium: Range;
  source: string;
  quote: string;
  proxy?: string;
}

export interface Degree extends CatalogEntry {
  rank: number;
  premium: Range;
  source: string;
  quote: string;
  derivation?: string;
}

export interface Market {
  dataVersion: string;
  sources: MarketSource[];
  openData: {
    source: string;
    period: string;
    variant: string;
    why: string;
    caveats: string;
    spreadMethod: string;
    levels: OpenDataLevel[];
  };
  experience: {
    hubPremium: Range & { source: string; quote: string };
    /** The national base by years: the open data and the guides combined (README step 1). */
    national: { sources: string[]; method: string; anchors: NationalAnchor[] };
    curves: ExperienceCurve[];
    levels: { id: Level; fromYears: number; source: string; why: string }[];
    maxYears: number;
  };
  payMix: {
    bonusShareOfBase: Range & { source: string; quote: string; appliesTo: string };
    kinds: Record<string, PayMixKind>;
    paperValue: Range & { sources: string[]; quote: string; derivation: string };
    totalRange: { correlation: number; source: string; method: string };
  };
  locations: Location[];
  industries: Industry[];
  skills: {
    diminishingFactor: number;
    diminishingSource: string;
    diminishingNote: string;
    list: Skill[];
  };
  degrees: {
    fade: {
      fullUntilYears: number;
      fadedByYears: number;
      residual: number;
      source: string;
      quote: string;
      note: string;
    };
    list: Degree[];
  };
  defaults: { city: string; industry: string; skills: string[]; degree: string; why: string };
}

/** One change a scenario makes, as the user wrote it and as it applies. */
export type Change =
  | { field: 'years'; text: string; set?: number; add?: number }
  | { field: 'city' | 'industry' | 'degree'; text: string; set: string }
  | { field: 'skills'; text: string; set?: string[]; add?: string[]; remove?: string[] };
