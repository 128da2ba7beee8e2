import { stated } from './ladder.js';
import { partsOf, type Parts, type Price } from './parts.js';
import { deepFreeze } from './freeze.js';
import { reasonsOf } from './reasons.js';
import { guideViews, openDataView } from './views.js';
import type { Estimate, Figures, Market, Profile, Range } from './types.js';
import type { Supplemental } from './tax/types.js';

// The estimate (docs/methodology.md "How the estimate is built"):
//   1. the position on the level ladder: the given level, or the typical one for the years;
//   2. the national typical (P50) base there, x the location, x the employer, x the degree
//      (fading with experience), x (1 + the skills' premiums, phased in by level);
//   3. bonus and equity as typical shares of base from the employer's pay mix at that position;
//   4. every part's and the total's P10 / P25 / P75 / P90 from the widths measured for that kind
//      of employer at that position (narrower with a given level), scaled by the location's
//      spread. The typical total is the sum of the typical parts.

/** The figures of a profile from what they are made of. */
export function figuresOf(parts: Parts, market: Market): Price {
  const { kind } = parts;
  const { mix, widths } = parts.at;
  const base50 = parts.base;
  const bonus50 = base50 * mix.bonus;
  const paper50 = base50 * mix.equity;
  const value = market.payMix.paperValue;
  const equity50 = kind.paper === true ? paper50 * value.mid : paper50;

  const base = stated(base50, widths.base);
  const bonus = stated(bonus50, widths.bonus);
  const paper = stated(paper50, widths.equity);
  const equity: Range = kind.paper === true ? valuedPaper(paper, value) : paper;
  const mid = base.mid + bonus.mid + equity.mid;
  const total = stated(base50 + bonus50 + equity50, widths.total, mid);
  if (kind.paper === true && value.low < value.mid) {
    // Private paper may never be sold: at the low end the total counts it at its low value.
    const cash = (base50 + bonus50 + paper50 * value.low) * widths.total[0];
    total.low = Math.min(total.low, Math.round(cash));
  }
  // Everyone's total is at least their base, so is every percentile of it (ordered both, the
  // larger of the two stays in order). Four lines, not a loop over the keys: the loop made
  // estimate() about a fifth slower in `npm run bench`.
  total.low = Math.max(total.low, base.low);
  total.p25 = Math.max(total.p25, base.p25);
  total.p75 = Math.max(total.p75, base.p75);
  total.high = Math.max(total.high, base.high);
  const price: Price = {
    profile: parts.profile,
    level: parts.stage.level,
    base,
    bonus,
    equity,
    total,
  };
  if (kind.paper === true) price.paper = paper;
  return price;
}

/** The level and the ranges, in the order every document states them (`paper` goes last). */
export function rangesOf({ level, base, bonus, equity, total }: Figures): Figures {
  return { level, base, bonus, equity, total };
}

/** Paper's stated percentiles valued: P10 at paperValue.low, P25-P75 at mid, P90 at high. */
function valuedPaper(paper: Range, value: { low: number; mid: number; high: number }): Range {
  const low = Math.round(paper.low * value.low);
  const p25 = Math.round(paper.p25 * value.mid);
  const mid = Math.round(paper.mid * value.mid);
  const p75 = Math.round(paper.p75 * value.mid);
  const high = Math.max(p75, Math.round(paper.high * value.high));
  return { low: Math.min(low, p25), p25, mid, p75, high };
}

/**
 * The figures of the estimate for a profile, without its reasons: exactly `estimate()`'s
 * profile, level, base, bonus, equity, total (and paper), for tools that need only the numbers
 * (batch's compact records, an offer's position). Throws as `estimate()`.
 */
export function price(profile: Profile, market: Market): Price {
  return figuresOf(partsOf(profile, market), market);
}

/** The guides' and the open data's views at the profile's stage: shared between calls, frozen. */
function views(market: Market, { stage, profile }: Parts): Pick<Estimate, 'guides' | 'openData'> {
  return (stage.views ??= deepFreeze({
    guides: guideViews(market, profile.years, stage.given ? stage.level : undefined),
    openData: openDataView(market, stage.level),
  }));
}

/**
 * Estimate pay for a profile. Pure: everything it uses comes in through `profile` and `market`,
 * and the same inputs give the same (deeply equal) result. Figures are whole US dollars per year,
 * each part and the total as five stated percentiles; `total.mid` is exactly
 * `base.mid + bonus.mid + equity.mid`, and the factors' effects add up to it. Throws InputError
 * (naming the field) for an id the market does not know or years out of range.
 */
export function estimate(profile: Profile, market: Market): Estimate {
  const parts = partsOf(profile, market);
  const figures = figuresOf(parts, market);
  const { factors, sources } = reasonsOf(parts, figures, market);
  const { guides, openData } = views(market, parts);
  const out: Estimate = {
    profile: figures.profile,
    labels: {
      city: parts.location.label,
      industry: parts.industry.label,
      skills: parts.skillLabels,
      degree: parts.degree.label,
    },
    level: figures.level,
    base: figures.base,
    bonus: figures.bonus,
    equity: figures.equity,
    total: figures.total,
    factors,
    sources,
    guides,
    openData,
  };
  if (figures.paper) out.paper = figures.paper;
  return out;
}

export { levelFor, degreeWeight, positionFor, ladderBase, mixAt } from './ladder.js';
export type { Price } from './parts.js';

/**
 * The part of an estimate's figure that is taxed as wages in the year: all of its total, or base +
 * bonus where the equity is paper (a private company's RSUs are taxed when they settle, usually
 * at a sale or an IPO, not as they vest). Take-home taxes this, and says why (takeHomeOf).
 */
function wagesAt(e: Figures, at: 'low' | 'mid' | 'high'): number {
  return e.paper ? e.base[at] + e.bonus[at] : e.total[at];
}
const PAPER_UNTAXED =
  "Equity here is paper (a private company's stock): not taxed here, as a private company's RSUs are taxed as wages when they settle, usually at a sale or an IPO; the gross is cash only (base + bonus).";

/**
 * Take-home on wagesAt(e, at) by `taxed`, told what of the pay is withheld at the flat supplemental
 * rate (its stock, not paper; its bonus); with paper equity, its notes say first why the stock is left out.
 */
export function takeHomeOf<T extends { notes: string[] }>(
  e: Figures,
  at: 'low' | 'mid' | 'high',
  taxed: (gross: number, s: Supplemental) => T,
): T {
  const view = taxed(wagesAt(e, at), {
    stock: !e.paper && e.equity.mid > 0,
    bonus: e.bonus.mid > 0,
  });
  if (e.paper) view.notes.unshift(PAPER_UNTAXED);
  return view;
}
