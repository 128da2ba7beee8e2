/**
 * Five stated percentiles of one figure, in whole US dollars per year unless said otherwise:
 * `low` is the 10th, `p25` the 25th, `mid` the median (the typical figure), `p75` the 75th and
 * `high` the 90th. Always low <= p25 <= mid <= p75 <= high.
 */
export interface Range {
  low: number;
  p25: number;
  mid: number;
  p75: number;
  high: number;
}

/** The id of the source entry a --data market file adds to its own, so estimates name the file. */
export const MARKET_FILE_SOURCE = 'market-file';

export type Level = 'entry' | 'mid' | 'senior' | 'staff' | 'principal';
/** The levels in order: a level's index is its position on the ladder (0 = entry). */
export const LEVELS: readonly Level[] = ['entry', 'mid', 'senior', 'staff', 'principal'];

/** A normalised profile: every name is a catalogue id (see `input/names.ts`). */
export interface Profile {
  years: number;
  city: string;
  industry: string;
  skills: string[];
  degree: string;
  /** The level, when the user gave one: it overrides the level the years imply. */
  level?: Level;
}

export type ProfileField = keyof Profile;
export const PROFILE_FIELDS: readonly ProfileField[] = [
  'years',
  'city',
  'industry',
  'skills',
  'degree',
  'level',
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
  total?: readonly [number, number | null];
}

/** How a profile's catalogue ids read to a person, so that no renderer needs the market. */
export type ProfileLabels = Pick<Profile, 'city' | 'industry' | 'skills' | 'degree'>;

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
  /** The years the figures cover ("2022-2025"): all of them, and the latest alone. */
  period: string;
  postings: SalaryStats;
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
  // The entries (not the list) of `sources`, and `guides` and `openData` whole, are shared
  // between estimates and frozen (see `estimate()`): copy before changing.
  sources: readonly Readonly<SourceRef>[];
  guides: readonly Readonly<GuideView>[];
  openData: Readonly<OpenDataView>;
}

// ---- market data: what the code reads of data/market.json (schemas/market.schema.json and
// docs/methodology.md say what each field means) ----

type Evidence = { source: string; quote: string; [extra: string]: unknown }[];

export interface CatalogEntry {
  id: string;
  label: string;
  aliases: string[];
}

export interface Location extends CatalogEntry {
  region?: string;
  /** The typical (P50) base here over Other US's. */
  multiplier: number;
  /** Scales the log-distances of P10, P25, P75 and P90 from P50 (1, or absent: as fitted). */
  spread?: number;
  /** What federal wage data alone says (docs/metros.md); the guides may outrank it. */
  federal?: { ratio: number; factor: number; guidesOutrank?: boolean; uncertain?: boolean };
  /** Pay records here (n), the factor they imply, and the guides' or federal figure they were
   * weighed with (docs/metros.md): the multiplier lies between the two. */
  records?: { n: number; factor: number; prior: number };
  evidence: Evidence;
}

export interface Industry extends CatalogEntry {
  rank: number;
  baseMultiplier: number;
  /** The id of its pay mix in `payMix.kinds`. */
  payMix: string;
  /** Why its figures are not fitted on the pay records, said where they are printed. */
  unfitted?: string;
  evidence: Evidence;
}

/** Bonus and equity at one level: typical (P50) shares of base. */
export interface MixAtLevel {
  bonus: number;
  equity: number;
}

/** How one kind of employer pays on top of base, level by level. */
export interface PayMixKind {
  label: string;
  /** The equity is private paper, valued by `payMix.paperValue`. */
  paper?: boolean;
  /** The id of its widths in `spread.tables`. */
  spread: string;
  /** The part of those widths its bonus takes (a trading firm's bonus: equity's). */
  bonusSpread?: 'bonus' | 'equity';
  levels: Record<Level, MixAtLevel>;
  /** Terms on the shares by place: `hub` in the `hubs` locations, `elsewhere` in the others. */
  byPlace?: { hubs: string[]; hub: MixAtLevel; elsewhere: MixAtLevel };
  sources: string[];
}

/** [P10, P25, P75, P90] / P50 of one part at one level. */
export type Widths = [number, number, number, number];
/** One row of widths per level (entry .. principal), per part. */
type PartWidths = Record<'base' | 'bonus' | 'equity' | 'total', Widths[]>;
/** The spread of everyone with some years, and within a given level. */
export interface SpreadTable {
  withoutLevel: PartWidths;
  withLevel: PartWidths;
}

/** One company's titles and the levels they stand for. */
export interface TitleMap {
  company: string;
  /** Names of the company a user may type before a title ("google", "alphabet"). */
  aliases: string[];
  /** Title (folded: lower case, no spaces) -> level. */
  titles: Record<string, Level>;
  source: string;
  /** The company's records against the pooled level: median total / typical total (levels.titlesMethod). */
  records?: { total: number; n: number };
}

export interface Skill extends CatalogEntry {
  /** The guide's typical premium in dollars, read at its mid-level national base. */
  premium: number;
  source: string;
  quote: string;
  proxy?: string;
}

export interface Degree extends CatalogEntry {
  rank: number;
  multiplier: number;
  sources: string[];
  quote: string;
}

type Bands = [number, number];

export interface Market {
  dataVersion: string;
  sources: (SourceRef & { always?: boolean; [extra: string]: unknown })[];
  openData: {
    source: string;
    period: string;
    levels: {
      id: string;
      label: string;
      years: Bands | null;
      postings: SalaryStats;
      rows: SalaryStats;
      latest: SalaryStats & { year: number };
    }[];
  };
  experience: {
    /** The guides' bands, shown beside the estimate as they state them. */
    curves: {
      source: string;
      basis: 'national' | 'hub';
      bands: {
        level: Level;
        years: [number, number | null];
        anchorYears: number;
        base: Bands;
        total?: Bands;
        /** The guide states only the low ends ("$300,000+"). */
        openHigh?: boolean;
        quote: string;
        note?: string;
      }[];
    }[];
    /** Years -> the typical position on the ladder (0 = entry ... 4 = principal). */
    position: { anchors: { years: number; position: number }[]; sources: string[] };
    maxYears: number;
  };
  levels: {
    /** The ladder: `base` is the national P50 base; `fromYears` null: years never imply it. */
    list: (CatalogEntry & {
      id: Level;
      fromYears: number | null;
      base: number;
      derivation: string;
    })[];
    sources: string[];
    titles: TitleMap[];
  };
  payMix: {
    kinds: Record<string, PayMixKind>;
    /** Private paper's value as a share of the round price: low P10, mid P25-P75, high P90. */
    paperValue: { low: number; mid: number; high: number; sources: string[] };
  };
  spread: { tables: Record<string, SpreadTable> };
  locations: Location[];
  industries: Industry[];
  skills: {
    diminishingFactor: number;
    /** The base the guide's dollar premiums are read against (a share of base = premium / this). */
    reference: { base: number; source: string; quote: string };
    /** The share of a premium that applies at each level (a skill pays as it is proven). */
    byLevel: Record<Level, number>;
    /** The share that applies with a level given. */
    withLevel: number;
    sources: string[];
    list: Skill[];
  };
  degrees: {
    fade: {
      fullUntilYears: number;
      fadedByYears: number;
      residual: number;
      source: string;
      quote: string;
    };
    /** The share of a degree's effect that applies with a level given. */
    withLevel: number;
    list: Degree[];
  };
  /** Old names that still resolve, with the note a user is shown. */
  renamed: { kind: 'industry' | 'city'; from: string; to: string; note: string }[];
  defaults: { city: string; industry: string; skills: string[]; degree: string };
}

/** One change a scenario makes, as the user wrote it and as it applies. */
export type Change =
  | { field: 'years'; text: string; set?: number; add?: number }
  | { field: 'city' | 'industry' | 'degree'; text: string; set: string }
  /** A level, or null: back to the level the years imply; `title` the company whose title it was. */
  | { field: 'level'; text: string; set: Level | null; title?: TitleMap }
  | { field: 'skills'; text: string; set?: string[]; add?: string[]; remove?: string[] };
