// An offer's benefits in its document: the terms as stated, a value for each year, and what the
// figures assume. Apart from the pay totals and the market comparison, which have no benefits.
import {
  BENEFIT_LIMITS,
  esppYear,
  matchYear,
  type BenefitLimit,
  type Benefits,
  type MatchTier,
} from '../model/benefits.js';
import { money } from '../model/format.js';

/** One year's benefits: the match, the ESPP's gain, their sum, and pay + benefits. */
export interface BenefitYearRow {
  year: number;
  match: number;
  espp: number;
  total: number;
  /** The year's pay total (as in `years`) plus the benefits. */
  withPay: number;
}

export interface BenefitsView {
  taxYear: number;
  match: { tiers: MatchTier[]; deferral: number } | null;
  espp: { discount: number; contribution: number | null; lookback: boolean } | null;
  years: BenefitYearRow[];
  /** What the figures assume and which legal limits held them down, for every view. */
  notes: string[];
}

const pct = (x: number): string => `${Math.round(x * 10_000) / 100}%`;

/** The match as words: `50% of what you put in, up to 6% of base pay`. */
export function matchText(tiers: readonly MatchTier[]): string {
  return tiers
    .map((t) => `${pct(t.rate)} of what you put in up to ${pct(t.upTo)} of base pay`)
    .join(', then ');
}

const LIMIT_WORDS: Record<BenefitLimit, string> = {
  compensation: `pay counted up to the ${money(BENEFIT_LIMITS.compensation)} limit (IRC 401(a)(17))`,
  electiveDeferral: `your deferrals capped at ${money(BENEFIT_LIMITS.electiveDeferral)} (IRC 402(g))`,
  annualAdditions: `deferrals and match capped at ${money(BENEFIT_LIMITS.annualAdditions)} together (IRC 415(c))`,
  purchaseCap: `purchases capped at ${money(BENEFIT_LIMITS.purchaseCap)} of stock a year (IRC 423(b)(8))`,
};

/**
 * The benefits of an offer with these `years` (the pay rows), or undefined without any. The stock
 * price moves by `growth` a year, as the offer's stock does.
 */
export function benefitsView(
  benefits: Benefits,
  years: readonly { year: number; base: number; total: number; months?: number }[],
  growth: number,
): BenefitsView | undefined {
  const { match, espp } = benefits;
  if (match === null && espp === null) return undefined;
  const bound = new Set<BenefitLimit>();
  let deferral = 0;
  const rows = years.map((y) => {
    const m = match ? matchYear(y.base, match) : undefined;
    const e = espp ? esppYear(y.base, espp, growth, y.year, y.months ?? 12) : undefined;
    for (const limit of [...(m?.limits ?? []), ...(e?.limits ?? [])]) bound.add(limit);
    deferral = Math.max(deferral, m?.deferral ?? 0);
    const [matched, gain] = [m?.value ?? 0, e?.value ?? 0];
    const total = matched + gain;
    return { year: y.year, match: matched, espp: gain, total, withPay: y.total + total };
  });
  const notes = [
    `Benefits are before tax and apart from the totals and the market comparison (the market's figures have none); ${BENEFIT_LIMITS.taxYear} limits.`,
  ];
  if (match) {
    notes.push(
      `401(k) match: ${matchText(match)}, if you put in ${money(deferral)} a year to get all of it; a vesting schedule on the match is not modelled.`,
    );
  }
  if (espp) {
    notes.push(
      `ESPP: ${pct(espp.discount)} off${espp.lookback ? ' the lower of the prices at the offering start and at the purchase (lookback)' : ' the price at the purchase'}, two six-month offerings a year, ${espp.contribution === null ? 'contributions up to the cap' : `contributions up to ${pct(espp.contribution)} of base pay`}, the stock price ${growth === 0 ? 'flat' : `changing ${pct(growth)} a year`}; the gain is taxed as income when you sell, and a fall after the purchase can take it back.`,
    );
  }
  if (bound.size > 0)
    notes.push(
      `Limits that held the figures down: ${[...bound].map((l) => LIMIT_WORDS[l]).join('; ')}.`,
    );
  return {
    taxYear: BENEFIT_LIMITS.taxYear,
    match: match ? { tiers: match.map((t) => ({ ...t })), deferral } : null,
    espp: espp ? { ...espp } : null,
    years: rows,
    notes,
  };
}
