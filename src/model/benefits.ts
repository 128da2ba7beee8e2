// Benefits an offer carries besides pay: a 401(k) match and an employee stock purchase plan
// (ESPP), each as a yearly value in dollars within the 2026 legal limits (data/benefits-2026.json).
// Kept apart from pay: the market figures the offer is judged against have no benefits in them.
import data from '../../data/benefits-2026.json' with { type: 'json' };

/** One tier of a match: `rate` of what you defer, on deferrals up to `upTo` of pay (fractions). */
export interface MatchTier {
  rate: number;
  upTo: number;
}

/** An ESPP: the discount, the most of pay the plan lets you put in (null: enough for the cap). */
export interface Espp {
  discount: number;
  contribution: number | null;
  lookback: boolean;
}

/** An offer's benefits: either may be absent. */
export interface Benefits {
  match: readonly MatchTier[] | null;
  espp: Espp | null;
}

export const BENEFIT_LIMITS = Object.freeze({
  taxYear: data.taxYear,
  electiveDeferral: data.k401.electiveDeferral,
  annualAdditions: data.k401.annualAdditions,
  compensation: data.k401.compensation,
  purchaseCap: data.espp.purchaseCap,
  maxDiscount: data.espp.maxDiscountPercent / 100,
  offeringMonths: data.espp.offeringMonths,
});

/** Which legal limit held a year's value down: named in the output. */
export type BenefitLimit = 'compensation' | 'electiveDeferral' | 'annualAdditions' | 'purchaseCap';

/** A year's 401(k) match: what you defer to get all of it, what the employer adds. */
export interface MatchYear {
  deferral: number;
  value: number;
  limits: BenefitLimit[];
}

/**
 * The match on one year's base (a part year's base for a part year). You are taken to defer as
 * much as the match rewards (every tier's `upTo` of pay), within the elective deferral limit;
 * pay counts up to the compensation limit; deferral and match together stay within the annual
 * additions limit. Tiers apply in order: `100%@3%,50%@2%` matches the first 3% of pay in full
 * and the next 2% by half.
 */
export function matchYear(base: number, tiers: readonly MatchTier[]): MatchYear {
  const L = BENEFIT_LIMITS;
  const limits: BenefitLimit[] = [];
  const pay = Math.min(base, L.compensation);
  if (base > L.compensation) limits.push('compensation');
  const wanted = tiers.reduce((sum, t) => sum + t.upTo, 0) * pay;
  const deferral = Math.min(wanted, L.electiveDeferral);
  if (wanted > L.electiveDeferral) limits.push('electiveDeferral');
  let value = 0;
  let from = 0;
  for (const tier of tiers) {
    const to = from + tier.upTo * pay;
    value += tier.rate * Math.max(0, Math.min(deferral, to) - from);
    from = to;
  }
  if (deferral + value > L.annualAdditions) {
    value = L.annualAdditions - deferral;
    limits.push('annualAdditions');
  }
  return { deferral: Math.round(deferral), value: Math.round(value), limits };
}

/** A year's ESPP: what you put in, the stock's value when bought, the gain (before tax). */
export interface EsppYear {
  contributed: number;
  bought: number;
  value: number;
  limits: BenefitLimit[];
}

/**
 * The ESPP over one year of `months` (12, or fewer when leaving ends it), with the stock price
 * changing by `growth` a year. Offerings last `offeringMonths` (two a year); in each, the shares
 * you may buy are worth at most half the $25,000 at the offering's start price (the law counts
 * the price when the option is granted), and your contributions (a share of that offering's
 * base, when the plan limits it) buy at the discount off the price at the purchase, or with a
 * lookback off the lower of the two prices. The gain is the shares' value when bought less what
 * they cost. Prices are relative to the price when the offer starts (year 1's first offering).
 */
export function esppYear(
  base: number,
  espp: Espp,
  growth: number,
  year: number,
  months = 12,
): EsppYear {
  const L = BENEFIT_LIMITS;
  const perYear = Math.round(12 / L.offeringMonths);
  const offerings = Math.floor(months / L.offeringMonths);
  const length = L.offeringMonths / 12;
  const price = (t: number): number => (growth === 0 ? 1 : (1 + growth) ** t);
  const limits: BenefitLimit[] = [];
  let contributed = 0;
  let bought = 0;
  for (let k = 0; k < offerings; k++) {
    const start = year - 1 + k * length;
    const [p0, p1] = [price(start), price(start + length)];
    const cost = (1 - espp.discount) * (espp.lookback ? Math.min(p0, p1) : p1);
    // The most shares the cap allows (at the start price), and what the contributions buy.
    const capShares = L.purchaseCap / perYear / p0;
    // The year's base is for its months: an offering's pay is its share of them.
    const paid =
      espp.contribution === null
        ? Infinity
        : (espp.contribution * base * L.offeringMonths) / months;
    const shares = Math.min(capShares, paid / cost);
    if (shares === capShares && !limits.includes('purchaseCap')) limits.push('purchaseCap');
    contributed += shares * cost;
    bought += shares * p1;
  }
  return {
    contributed: Math.round(contributed),
    bought: Math.round(bought),
    value: Math.round(bought) - Math.round(contributed),
    limits,
  };
}
