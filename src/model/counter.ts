// A counter-offer: what to ask for, part by part, to bring an offer's yearly total to the upper
// half of the market for its level, by the rules of data/counter-offer.json (each sourced, or
// marked as ml-salary's judgement). Pure: the offer's terms and the market in, the asks out.
import rules from '../../data/counter-offer.json' with { type: 'json' };
import { annualized, grantValue, offerYears, targetBonus, type OfferTerms } from './offer.js';

export const COUNTER_RULES = rules;

/** What the counter reads of the market for the profile: the stated percentiles it needs. */
export interface CounterMarket {
  total: { p75: number; high: number };
  base: { p75: number; high: number };
  bonus: { p75: number; high: number };
  equity: { high: number };
}

/** One part's ask: the offer's figure and the counter's (equal when the part is not asked). */
export interface Ask {
  from: number;
  to: number;
}

export interface Counter {
  /**
   * counter: there is something to ask; at-target: the offer is in the upper half already;
   * above-ceiling: above the data's P90; capped: under the aim, but what could move (base, stock
   * with a value) is at the market's P90 for it already.
   */
  status: 'counter' | 'at-target' | 'above-ceiling' | 'capped';
  /** The offer's yearly total as the market comparison counts it: base + bonus + the grant a year. */
  offer: number;
  /** The market's P75 (the aim) and P90 (the ceiling) of that total. */
  aim: number;
  ceiling: number;
  /** The counter's yearly total (offer <= target <= ceiling), or null when nothing is asked. */
  target: number | null;
  base: Ask;
  /** The target bonus: follows base when a percentage of it; asked only where the mix has no stock. */
  bonus: Ask;
  /**
   * The whole grant (its value at grant; options: at the preferred price, else today's FMV;
   * unpriced options: from 0, the ask a grant's value at the preferred price, and `terms` then
   * carry it as `equity`).
   */
  equity: Ask;
  /** Sign-on by year (the counter's list covers at least the years it fills). */
  signOn: { from: number[]; to: number[] };
  /** The counter's terms, for the years and the gains. */
  terms: OfferTerms;
  /** First-year and first-four-years gains (fewer years when the offer has fewer). */
  gains: { firstYear: number; years: number; total: number };
  /** The parts whose ask stopped at the market's P90 for that part (the target then falls short). */
  capped: Part[];
  /** Private stock whose ask stopped at data/counter-offer.json privateStock.most more than offered. */
  paperCapped: boolean;
}
type Part = 'base' | 'bonus' | 'equity';

const floorTo = (x: number, step: number): number => Math.max(0, Math.floor(x / step) * step);

/** The offer's yearly total as compared with the market (sign-on left out, as the market's). */
function yearlyTotal(terms: OfferTerms): number {
  const a = annualized(terms);
  return a.base + a.bonus + a.equity;
}

/**
 * A private company's options worth $0 at today's FMV with no preferred price given: their value
 * is unknown, not nil (a strike equal to the FMV is how options are granted), so the counter
 * still asks stock of them. A listed company's options under water are worth $0.
 */
export const unpriced = (terms: OfferTerms): boolean =>
  terms.options != null && terms.private && terms.preferred == null && grantValue(terms) === 0;

/**
 * The terms with a grant worth `grant` (options: more of them, at the same prices; unpriced
 * options: a grant of that value, as the counter asks it in dollars).
 */
function withGrant(terms: OfferTerms, grant: number): OfferTerms {
  const now = grantValue(terms);
  if (grant === now) return terms;
  const o = terms.options;
  if (o && now > 0)
    return { ...terms, options: { ...o, count: Math.floor((o.count * grant) / now + 1e-9) } };
  return { ...terms, options: null, equity: grant };
}

/** A counter's terms ask something of the offer's: base, bonus, stock (or more options), sign-on. */
const asks = (counter: OfferTerms, terms: OfferTerms): boolean =>
  counter.base !== terms.base ||
  counter.bonus !== terms.bonus ||
  grantValue(counter) !== grantValue(terms) ||
  counter.options?.count !== terms.options?.count ||
  counter.signOn.join() !== terms.signOn.join();

/**
 * `based` with its grant raised by `wanted` dollars (rounded down); a private company's (paper) at
 * most privateStock.most more than offered, and unpriced options (worth $0 here) that many more.
 */
function raiseStock(terms: OfferTerms, based: OfferTerms, wanted: number) {
  const grant = grantValue(terms);
  const most = terms.private ? rules.privateStock.most : Infinity;
  const paperCapped = wanted > grant * most;
  const o = based.options;
  if (o && unpriced(terms) && wanted > 0) {
    const count = Math.floor(o.count * (1 + most));
    return { raised: { ...based, options: { ...o, count } }, paperCapped };
  }
  const up = paperCapped ? Math.floor(grant * most) : floorTo(wanted, rules.rounding.equity);
  return { raised: withGrant(based, grant + up), paperCapped };
}

/** The sign-on a counter asks: each of the first years filled up to `target`, never less than offered. */
function signOnFor(terms: OfferTerms, target: number): number[] {
  const years = offerYears({ ...terms, signOn: [] });
  const most = Math.min(rules.signOn.years, terms.vesting.percents.length, years.length);
  const list = [...terms.signOn];
  for (let k = 0; k < most; k++) {
    const short = target - years[k]!.total;
    list[k] = Math.max(terms.signOn[k] ?? 0, floorTo(short, rules.rounding.signOn));
  }
  while (list.length > 0 && list[list.length - 1] === 0) list.pop();
  return list;
}

/**
 * Base's share of the gap: a third with stock, all of it without; where the employer's mix has no
 * stock either (its P90 is $0) the bonus is the lever: how far base is under its own P75 over how
 * far base and bonus are (data/counter-offer.json noStock).
 */
function baseShareOf(terms: OfferTerms, market: CounterMarket, stock: boolean): number {
  if (stock) return rules.parts.baseShare;
  if (market.equity.high > 0) return 1;
  const base = Math.max(0, market.base.p75 - terms.base);
  const bonus = Math.max(0, market.bonus.p75 - annualized(terms).bonus);
  return base / (base + bonus || 1);
}

/** A bonus of `amount` a year: a percentage stays one (whole percents, rounded down). */
const raisedBonus = (terms: OfferTerms, amount: number): OfferTerms['bonus'] =>
  terms.bonus?.kind === 'percent'
    ? { kind: 'percent', value: Math.floor((100 * amount) / terms.base) / 100 }
    : { kind: 'amount', value: amount };

/**
 * The counter-offer for `terms` against `market`. The yearly gap to the aim (the market's P75 of
 * the total, held to its P90) goes two thirds to stock and one third to base (a percentage
 * bonus follows base), base at most the market's P90 of base and stock at most its P90 of
 * equity (a private company's at most privateStock.most more than offered), asks rounded down; a sign-on fills the first years up to the target. Nothing is asked
 * of an offer already at or above the aim.
 */
export function counterOffer(offered: OfferTerms, market: CounterMarket): Counter {
  // To the offer as offered, staying: leaving early is the user's what-if, not a term of the
  // offer (a sign-on sized to fill a 6-month year was asked: review6 D1).
  const terms = { ...offered, leaveAt: null };
  const offer = yearlyTotal(terms);
  const aim = Math.min(market.total.p75, market.total.high);
  const ceiling = market.total.high;
  const grant = grantValue(terms);
  const same = {
    base: { from: terms.base, to: terms.base },
    bonus: { from: annualized(terms).bonus, to: annualized(terms).bonus },
    equity: { from: grant, to: grant },
    signOn: { from: [...terms.signOn], to: [...terms.signOn] },
    terms,
    gains: { firstYear: 0, years: 0, total: 0 },
    capped: [] as Part[],
    paperCapped: false,
  };
  if (offer > ceiling)
    return { status: 'above-ceiling', offer, aim, ceiling, target: null, ...same };
  if (offer >= aim) return { status: 'at-target', offer, aim, ceiling, target: null, ...same };
  const gap = aim - offer;
  const vestYears = terms.vesting.percents.length;
  const follows = terms.bonus?.kind === 'percent' ? terms.bonus.value : 0;
  const stock = grant > 0 || unpriced(terms);
  const cash = !stock && market.equity.high === 0;
  const baseShare = baseShareOf(terms, market, stock);
  // Base: its share, up to the market's P90 of base.
  const baseRoom = Math.max(0, market.base.high - terms.base);
  const baseWanted = (baseShare * gap) / (1 + follows);
  const baseUp = floorTo(Math.min(baseWanted, baseRoom), rules.rounding.base);
  const based = { ...terms, base: terms.base + baseUp };
  // Bonus (no stock in the mix): the rest of the gap, up to the market's P90 of bonus.
  const bonusFrom = targetBonus(based);
  const bonusRoom = Math.max(0, market.bonus.high - bonusFrom);
  const bonusWanted = cash ? gap - (yearlyTotal(based) - offer) : 0;
  const bonusUp = floorTo(Math.min(bonusWanted, bonusRoom), rules.rounding.base);
  if (bonusUp > 0) based.bonus = raisedBonus(based, bonusFrom + bonusUp);
  // Stock: the rest of the gap a year, up to the market's P90 of equity.
  const equityYear = annualized(terms).equity;
  const equityRoom = Math.max(0, market.equity.high - equityYear);
  const equityWanted = stock ? gap - baseUp * (1 + follows) : 0;
  const grantWanted = Math.min(equityWanted, equityRoom) * vestYears;
  const { raised, paperCapped } = raiseStock(terms, based, grantWanted);
  const target = Math.min(yearlyTotal(raised), ceiling);
  const counter = { ...raised, signOn: signOnFor(raised, target) };
  const moved = asks(counter, terms);
  const capped: Counter['capped'] = [
    ...(baseWanted > baseRoom ? (['base'] as const) : []),
    ...(bonusWanted > bonusRoom ? (['bonus'] as const) : []),
    ...(stock && equityWanted > equityRoom && !paperCapped ? (['equity'] as const) : []),
  ];
  // Every part at its P90 already, or a gap smaller than the rounding of every ask.
  if (!moved) {
    const status = capped.length > 0 ? 'capped' : 'at-target';
    return { status, offer, aim, ceiling, target: null, ...same, capped, paperCapped };
  }
  const before = offerYears(terms);
  const after = offerYears(counter);
  const span = Math.min(4, before.length, after.length);
  let total = 0;
  for (let y = 0; y < span; y++) total += after[y]!.total - before[y]!.total;
  return {
    status: 'counter',
    offer,
    aim,
    ceiling,
    target,
    base: { from: terms.base, to: counter.base },
    bonus: { from: annualized(terms).bonus, to: annualized(counter).bonus },
    equity: { from: grant, to: grantValue(counter) },
    signOn: { from: [...terms.signOn], to: [...counter.signOn] },
    terms: counter,
    gains: { firstYear: after[0]!.total - before[0]!.total, years: span, total },
    capped,
    paperCapped,
  };
}
