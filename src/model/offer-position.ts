// Where an offer sits against the market estimate for its profile, part by part.
import { position, type Position } from './percentile.js';
import { annualized, type OfferTerms } from './offer.js';
import type { Range } from './types.js';

/** The market ranges an offer is judged against (the estimate's, whole dollars a year). */
export interface OfferMarket {
  base: Range;
  bonus: Range;
  equity: Range;
  total: Range;
}

/** Where each part of an offer sits against the market; `cash` only for a private company. */
export interface OfferPosition {
  base: Position;
  bonus: Position;
  equity: Position;
  total: Position;
  cash?: Position;
}

/**
 * Where the offer sits against the market, per component and for the total, each from its own
 * range (percentiles of parts do not add up to the total's):
 * - base vs the market base; bonus (the target) vs the market bonus;
 * - equity per year (grant / vesting years) vs the market equity, which is a yearly grant value;
 * - total = base + target bonus + grant / vesting years vs the market total. **Sign-on is left
 *   out**, because the market figures have none: the estimate is base + bonus + equity.
 * - With `private: true`, also `cash` = base + target bonus vs the market's cash range (the sums
 *   of base's and bonus's percentiles, P10 + P10 and so on: an approximation). The equity, and so the
 *   total, is judged at its paper value, as stated: a private grant cannot be sold, and Carta's
 *   advice is that its lower bound is $0 ("The lower bound value of your option grant is $0. That
 *   is also the default value.", Carta's offer letter, https://carta.com/blog/a-better-offer-letter/),
 *   which is why the cash is judged on its own.
 */
export function offerPosition(terms: OfferTerms, market: OfferMarket): OfferPosition {
  const a = annualized(terms);
  const result: OfferPosition = {
    base: position(a.base, market.base),
    bonus: position(a.bonus, market.bonus),
    equity: position(a.equity, market.equity),
    total: position(a.base + a.bonus + a.equity, market.total),
  };
  if (terms.private) {
    const { base, bonus } = market;
    const cash: Range = {
      low: base.low + bonus.low,
      p25: base.p25 + bonus.p25,
      mid: base.mid + bonus.mid,
      p75: base.p75 + bonus.p75,
      high: base.high + bonus.high,
    };
    result.cash = position(a.base + a.bonus, cash);
  }
  return result;
}
