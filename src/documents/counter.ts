// A counter-offer in an offer's document: the target and where it sits, each part's ask and
// why it moves (or not), the gains, a message to adapt, and the rules with their sources.
import { COUNTER_RULES, counterOffer, unpriced, type Counter } from '../model/counter.js';
import { groupThousands, money, percent, yearsText } from '../model/format.js';
import { percentileOf, shareBelow } from '../model/percentile.js';
import type { OfferTerms } from '../model/offer.js';
import type { Range } from '../model/types.js';
import type { OfferDocument } from './offer.js';

export type CounterPart = 'signOn' | 'equity' | 'base' | 'bonus' | 'benefits';

export interface CounterPartView {
  part: CounterPart;
  /** How readily the part moves, by the rules: sign-on most, then stock, base least; bonus and benefits not. */
  moves: 'most' | 'more' | 'less' | 'fixed';
  /** The offer's figure and the counter's (the whole grant for stock; the sign-on summed). */
  from: number;
  to: number;
  why: string;
}

export interface CounterView {
  status: Counter['status'];
  /** Always: the counter is a guide to what to ask, not a promise of what an employer gives. */
  guide: string;
  offer: { total: number; percentile: number };
  aim: { percentile: number; total: number };
  ceiling: { percentile: number; total: number };
  target: { total: number; percentile: number } | null;
  parts: CounterPartView[];
  /** Sign-on by year, as offered and as asked. */
  signOn: { from: number[]; to: number[] };
  gains: { firstYear: number; years: number; total: number };
  message: string | null;
  /** What the figures mean for this counter (paper stock, options), or why a capped offer gets none. */
  notes: string[];
  rules: { rule: string; source: string; judgement?: string }[];
}

const GUIDE =
  'A guide to what to ask, from market data and published negotiation advice: not a promise of what an employer will give.';

/** The dollars at which a range's share below reaches `share` (its stated percentiles' reading). */
function valueAt(range: Range, share: number): number {
  let [lo, hi] = [range.mid, range.high];
  if (shareBelow(hi, range) <= share) return hi;
  for (let i = 0; i < 60 && hi - lo > 0.5; i++) {
    const m = (lo + hi) / 2;
    if (shareBelow(m, range) < share) lo = m;
    else hi = m;
  }
  return Math.round(hi);
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function partViews(c: Counter, doc: OfferDocument): CounterPartView[] {
  const r = COUNTER_RULES;
  const asked = noStock(c, doc) ? r.noStock.source : '';
  const bonusWhy =
    asked ||
    (doc.offer.bonus?.kind === 'percent'
      ? 'The target percentage stays as offered (usually fixed per level); the dollars follow base.'
      : 'The target bonus stays as offered (usually fixed per level).');
  const signOn = { from: sum(c.signOn.from), to: sum(c.signOn.to) };
  const views: CounterPartView[] = [
    { part: 'signOn', moves: 'most', ...signOn, why: r.signOn.source },
    { part: 'equity', moves: 'more', ...c.equity, why: r.parts.source },
    { part: 'base', moves: 'less', ...c.base, why: r.parts.source },
    { part: 'bonus', moves: asked ? 'more' : 'fixed', ...c.bonus, why: bonusWhy },
  ];
  if (doc.benefits) {
    const value = doc.benefits.years[0]?.total ?? 0;
    views.push({ part: 'benefits', moves: 'fixed', from: value, to: value, why: r.unmoved.source });
  }
  return views;
}

/** The employer's mix has no stock, nor the offer: the bonus is asked (data/counter-offer.json noStock). */
const noStock = (c: Counter, doc: OfferDocument) =>
  doc.market.equity.high === 0 && c.equity.to === 0;

/** The price a share the options are valued at: the preferred price, else today's FMV (a listed company has no preferred price). */
const at0 = (terms: OfferTerms): string =>
  terms.preferred != null
    ? 'the preferred price'
    : terms.private
      ? "today's FMV (no preferred price was given)"
      : "today's FMV";

/** Why options count $0: the strike is not below the price, or the spread rounds to under $1. */
function worthNothing(terms: OfferTerms): string {
  const o = terms.options!;
  const under = o.strike < (terms.preferred ?? o.fmv);
  return under
    ? `The options are worth under $1 in all at ${at0(terms)}.`
    : `The options are worth $0 at ${at0(terms)}: the strike is not below it.`;
}

/** A price a share in cents: $1.20. */
const cents = (x: number): string => `$${x.toFixed(2)}`;

/** The stock ask in the message: options by count at the same strike, or why in dollars. */
function stockAsk(c: Counter, terms: OfferTerms): string {
  const o = terms.options;
  if (!o) return `a stock grant of ${money(c.equity.to)} (from ${money(c.equity.from)})`;
  const from = `${groupThousands(o.count)} options`;
  const count = c.terms.options?.count ?? o.count;
  if (unpriced(terms))
    return `${groupThousands(count)} options at the same ${cents(o.strike)} strike (from ${from}, which I count at $0 at today's FMV of ${cents(o.fmv)})`;
  const at =
    terms.preferred != null
      ? `the preferred price of ${cents(terms.preferred)}`
      : `today's FMV of ${cents(o.fmv)}`;
  return `${groupThousands(count)} options at the same ${cents(o.strike)} strike (from ${from}), worth ${money(c.equity.to)} at ${at} less the strike`;
}

/** The message to adapt: what is asked, part by part, and why, in a few plain lines. */
function message(c: Counter, doc: OfferDocument, terms: OfferTerms, percentile: number): string {
  const l = doc.labels;
  const asks: string[] = [];
  const top = c.capped.includes('base')
    ? `, the market's ${ordinal(COUNTER_RULES.target.ceilingPercentile)} percentile for base`
    : '';
  if (c.base.to > c.base.from)
    asks.push(`a base salary of ${money(c.base.to)} (from ${money(c.base.from)})${top}`);
  if (stockAsked(c, terms)) asks.push(stockAsk(c, terms));
  const bonus = c.terms.bonus;
  if (bonus !== terms.bonus && bonus)
    asks.push(
      `a target bonus of ${bonus.kind === 'percent' ? `${Math.round(bonus.value * 100)}% of base, ` : ''}${money(c.bonus.to)} (from ${money(c.bonus.from)})`,
    );
  const years = c.signOn.to
    .map((s, i) => (s > (c.signOn.from[i] ?? 0) ? `${money(s)} in year ${i + 1}` : ''))
    .filter((s) => s !== '');
  if (years.length > 0) asks.push(`a sign-on bonus of ${years.join(' and ')}`);
  // The level is named only when given: without it the figures are the years' (a pay position
  // between two levels), and a recruiter reads "staff-level" as the staff market (review4 N6).
  const who = doc.profile.level
    ? `a ${doc.level}-level ML engineer`
    : `an ML engineer with ${yearsText(doc.profile.years)} of experience`;
  const lines = [
    `Thank you for the offer: I'm excited about the role. Based on market data for ${who} in ${l.city}, ${l.industry}, the package sits around the ${ordinal(percentileOf(c.offer, doc.market.total))} percentile${terms.options && c.equity.from === 0 ? ' (counting the options at $0, their value today)' : ''}. Could we bring it closer to ${money(c.target ?? c.offer)} a year (about the ${ordinal(percentile)})? For example:`,
    ...asks.map((a) => `- ${a}`),
    '',
    asks.length > 1
      ? "I'm flexible on how it is split between these. Would that be possible?"
      : 'Would that be possible?',
    '',
    'Thanks,',
    '<you>',
  ];
  return ['Hi <name>,', '', ...lines.flatMap((l) => fill(l, 72))].join('\n');
}

/** A line of the message filled to `width` columns, as an email client would show it. */
function fill(line: string, width: number): string[] {
  const [first = '', ...words] = line.split(' ');
  const out = [first];
  const indent = line.startsWith('- ') ? '  ' : '';
  for (const w of words) {
    const last = out[out.length - 1]!;
    if (last.length + 1 + w.length > width) out.push(indent + w);
    else out[out.length - 1] = `${last} ${w}`;
  }
  return out;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const end = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${end}`;
}

/** More stock is asked: a larger grant, or more options (unpriced ones count $0 either way). */
const stockAsked = (c: Counter, terms: OfferTerms): boolean =>
  c.equity.to > c.equity.from || c.terms.options?.count !== terms.options?.count;

/** How much more private stock a counter asks at most (data/counter-offer.json privateStock). */
const MORE = percent(COUNTER_RULES.privateStock.most);

const cappedParts = (c: Counter) =>
  c.capped.map((p) => (p === 'equity' ? 'stock a year' : p)).join(' and ');

/** What the figures mean for this counter (paper stock, options, a part held at its P90). */
function counterNotes(c: Counter, doc: OfferDocument, terms: OfferTerms): string[] {
  const one = c.capped.length === 1;
  return [
    terms.leaveAt != null &&
      `The counter is to the offer as offered, staying: leaving at month ${terms.leaveAt} is not a term to negotiate.`,
    doc.offer.private &&
      stockAsked(c, terms) &&
      "The stock is a private company's: more of it is more paper, not cash; base and sign-on are cash.",
    terms.options &&
      (unpriced(terms)
        ? `${worthNothing(terms)} They count $0 here, and ${MORE} more of them are asked, the most a private company's stock ask goes to (a price for them would show their worth).`
        : c.equity.from === 0
          ? `${worthNothing(terms)} They count $0 here, and no more are asked.`
          : c.equity.to > c.equity.from &&
            `Stock is asked as more options at the same strike, valued at ${at0(terms)} less the strike.`),
    c.paperCapped &&
      !unpriced(terms) &&
      `The stock asked stops at ${MORE} more than offered, the top of typical asks at a private company: the rest of the gap is not asked as more paper, so the target falls short of the aim.`,
    // Base held at its P90 leaves the target short only when no stock takes the rest.
    (c.capped.includes('equity') || (c.capped.length > 0 && !stockAsked(c, terms))) &&
      `The target falls short of the aim: ${cappedParts(c)} stop${one ? 's' : ''} at the market's P${COUNTER_RULES.target.ceilingPercentile} for ${one ? 'it' : 'each'}.`,
  ].filter((n) => typeof n === 'string');
}

/** Why nothing is asked of an offer under the aim: what could move is at its P90 already. */
function cappedWhy(c: Counter, terms: OfferTerms, aim: number): string {
  const r = COUNTER_RULES.target;
  const none =
    c.equity.from > 0
      ? ''
      : terms.options
        ? ` and its options are worth $0 at ${at0(terms)}`
        : ' and it has no stock';
  return `It is under the aim (P${r.percentile}, ${money(aim)}), but its ${cappedParts(c)} ${c.capped.length === 1 ? 'is' : 'are'} at the market's P${r.ceilingPercentile} already${none}: the market data gives no case for more.`;
}

/** The counter-offer view of an offer document built from `terms`. */
export function counterView(doc: OfferDocument, terms: OfferTerms): CounterView {
  const r = COUNTER_RULES;
  const m = doc.market;
  const aim = valueAt(m.total, r.target.percentile / 100);
  const ceiling = valueAt(m.total, r.target.ceilingPercentile / 100);
  const c = counterOffer(terms, {
    total: { p75: aim, high: ceiling },
    base: { p75: valueAt(m.base, 0.75), high: valueAt(m.base, r.target.ceilingPercentile / 100) },
    bonus: {
      p75: valueAt(m.bonus, 0.75),
      high: valueAt(m.bonus, r.target.ceilingPercentile / 100),
    },
    equity: { high: valueAt(m.equity, r.target.ceilingPercentile / 100) },
  });
  const at = (x: number): number => percentileOf(x, m.total);
  const target = c.target === null ? null : { total: c.target, percentile: at(c.target) };
  return {
    status: c.status,
    guide: GUIDE,
    offer: { total: c.offer, percentile: at(c.offer) },
    aim: { percentile: r.target.percentile, total: aim },
    ceiling: { percentile: r.target.ceilingPercentile, total: ceiling },
    target,
    parts: partViews(c, doc),
    signOn: c.signOn,
    gains: c.gains,
    message: target ? message(c, doc, terms, target.percentile) : null,
    notes: target
      ? counterNotes(c, doc, terms)
      : c.status === 'capped'
        ? [cappedWhy(c, terms, aim)]
        : [],
    rules: [
      {
        rule: `Aim at the market's P${r.target.percentile} of the yearly total for the level, never above P${r.target.ceilingPercentile}, never below the offer.`,
        source: r.target.source,
        judgement: r.target.judgement,
      },
      {
        rule: 'The yearly gap goes two thirds to stock, one third to base (base at most its P90); a bonus percentage stays.',
        source: r.parts.source,
        judgement: r.parts.judgement,
      },
      ...(noStock(c, doc)
        ? [
            {
              rule: "Where the employer's pay mix has no stock, base and bonus share the gap by how far each is under its P75, each at most its P90.",
              source: r.noStock.source,
              judgement: r.noStock.judgement,
            },
          ]
        : []),
      ...(doc.offer.private
        ? [
            {
              rule: `A private company's stock ask stops at ${MORE} more shares or options than offered.`,
              source: r.privateStock.source,
              judgement: r.privateStock.judgement,
            },
          ]
        : []),
      {
        rule: `A sign-on fills each of the first ${r.signOn.years} years up to the target, never below the sign-on offered.`,
        source: r.signOn.source,
        judgement: r.signOn.judgement,
      },
      { rule: 'Benefits (a 401(k) match, an ESPP) stay as offered.', source: r.unmoved.source },
    ],
  };
}
