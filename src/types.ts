/** A low / typical / high triple, in whole US dollars per year unless said otherwise. */
export interface Range {
  low: number;
  mid: number;
  high: number;
}

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

export interface Estimate {
  profile: Profile;
  labels: ProfileLabels;
  level: Level;
  base: Range;
  bonus: Range;
  equity: Range;
  total: Range;
  factors: Factor[];
  /** Shared between estimates and frozen (see `estimate()`): copy before changing. */
  sources: readonly Readonly<SourceRef>[];
  /** Shared between estimates and frozen (see `estimate()`): copy before changing. */
  guides: readonly Readonly<GuideView>[];
}

// ---- market data (the shape of data/market.json) ----

export interface Evidence {
  source: string;
  quote: string;
  [extra: string]: unknown;
}

export interface MarketSource extends SourceRef {
  reading: string;
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
  multiplier: Range;
  evidence: Evidence[];
  derivation: string;
}

export type PayMixKind = 'tech' | 'general';

export interface Industry extends CatalogEntry {
  rank: number;
  baseMultiplier: number;
  bonusShareOfBase: Range;
  payMix: PayMixKind;
  equityIntensity: number;
  evidence: Evidence[];
  derivation: string;
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
  experience: {
    hubPremium: Range & { source: string; quote: string };
    curves: ExperienceCurve[];
    levels: { id: Level; fromYears: number; source: string; why: string }[];
    maxYears: number;
  };
  payMix: {
    typicalBonusShareOfBase: { value: number; source: string; quote: string; note: string };
    tech: { source: string; quote: string; note: string };
    general: { source: string; quote: string; totalOverBase: Range };
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
