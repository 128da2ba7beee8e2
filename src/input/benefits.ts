// The benefits of an offer as typed (--match 50%@6%, --espp 15%, --espp-lookback; the same text in
// offer files), parsed once into the typed terms the model trusts.
import { InputError } from '../errors.js';
import { BENEFIT_LIMITS, type Benefits, type Espp, type MatchTier } from '../model/benefits.js';
import { GROWTH_BOUNDS, parsePercent } from './amounts.js';
import { resolveOffer, type RawOffer } from './offer.js';
import type { OfferFieldNames, OfferTerms } from '../model/offer.js';
import { clip, fail, kindOf, textOf } from './numbers.js';

/** The keys of the benefits in an offer file (and the flags' option names). */
export const BENEFIT_FIELDS = ['match', 'espp', 'esppLookback'] as const;
type BenefitField = (typeof BENEFIT_FIELDS)[number];

/** How each benefit is named in messages: the flags, or an offer file's keys. */
export type BenefitNames = Readonly<Record<BenefitField, string>>;
export const BENEFIT_FLAGS: BenefitNames = {
  match: '--match',
  espp: '--espp',
  esppLookback: '--espp-lookback',
};
export const BENEFIT_KEYS = Object.fromEntries(BENEFIT_FIELDS.map((k) => [k, k])) as BenefitNames;

/** The benefits as typed: text from flags or files, the lookback a boolean. */
export type RawBenefits = { [K in BenefitField]?: unknown };

const MATCH_FORM =
  'a match like 50%@6% (50% of what you put in, up to 6% of pay), or tiers like 100%@3%,50%@2%';

function text(value: unknown, field: string, form: string): string {
  const t = textOf(value, field, `text, ${form}`);
  if (t.trim() === '') fail(field, `is empty: expected ${form}`);
  return t;
}

/** One `rate@upTo` pair, each a percentage with its sign. */
function pair(
  piece: string,
  field: string,
  form: string,
  bounds: [first: number, second: number],
): [number, number] {
  if (piece.trim() === '') fail(field, `has an empty part (a comma too many?): expected ${form}`);
  const parts = piece.split('@');
  if (parts.length !== 2) fail(field, `'${clip(piece.trim())}' is not ${form}`);
  const [a, b] = parts as [string, string];
  return [
    parsePercent(a, field, { min: 0, max: bounds[0] }),
    parsePercent(b, field, { min: 0, max: bounds[1] }),
  ];
}

/** `50%@6%`, or tiers `100%@3%,50%@2%`: each rate 0-200%, the deferrals matched 100% of pay at most. */
export function parseMatch(value: unknown, field: string): MatchTier[] {
  const t = text(value, field, MATCH_FORM);
  const tiers = t.split(',').map((piece) => {
    const [rate, upTo] = pair(piece, field, MATCH_FORM, [200, 100]);
    return { rate, upTo };
  });
  const matched = tiers.reduce((sum, tier) => sum + tier.upTo, 0);
  if (matched > 1 + 1e-9) {
    fail(
      field,
      `'${clip(t.trim())}' matches deferrals of ${Math.round(matched * 1000) / 10}% of pay: the tiers may cover at most 100%`,
    );
  }
  if (tiers.every((tier) => tier.rate === 0 || tier.upTo === 0))
    fail(field, `'${clip(t.trim())}' matches nothing: leave ${field} out for no match`);
  return tiers;
}

const ESPP_FORM = `a discount like 15% (at most ${BENEFIT_LIMITS.maxDiscount * 100}%), or 15%@10% with the plan's limit on contributions (10% of pay)`;

/** `15%` or `15%@10%`: the discount (a qualified plan's at most 15%) and the contribution limit. */
export function parseEspp(value: unknown, field: string): Omit<Espp, 'lookback'> {
  const t = text(value, field, ESPP_FORM).trim();
  const max = BENEFIT_LIMITS.maxDiscount * 100;
  if (t.includes('@')) {
    const [discount, contribution] = pair(t, field, ESPP_FORM, [max, 100]);
    if (contribution === 0) fail(field, `'${clip(t)}' lets you put in nothing: leave ${field} out`);
    return { discount, contribution };
  }
  return { discount: parsePercent(t, field, { min: 0, max }), contribution: null };
}

/**
 * The offer's benefits from what was typed; `private` offers have no ESPP (it buys listed
 * stock), and a lookback needs an ESPP. Throws an InputError naming the field.
 */
export function resolveBenefits(
  raw: RawBenefits,
  names: BenefitNames,
  isPrivate: boolean,
): Benefits {
  const match = raw.match === undefined ? null : parseMatch(raw.match, names.match);
  const lookback = raw.esppLookback;
  if (lookback !== undefined && typeof lookback !== 'boolean')
    fail(names.esppLookback, `must be true or false, got ${kindOf(lookback)}`);
  if (raw.espp === undefined) {
    if (lookback === true)
      fail(names.esppLookback, `is for an ESPP: add ${names.espp}, e.g. ${names.espp} 15%`);
    return { match, espp: null };
  }
  if (isPrivate) {
    throw new InputError(
      `${names.espp}: an ESPP buys a listed company's stock, and this offer's stock is private`,
      names.espp,
    );
  }
  return { match, espp: { ...parseEspp(raw.espp, names.espp), lookback: lookback === true } };
}

/**
 * An offer's terms and benefits together. An ESPP buys the company's stock, so `growth` moves its
 * price even in an offer without a grant (where the terms alone refuse a growth, having no stock
 * for it to move): then the terms are resolved without it and the growth goes to the ESPP alone.
 */
export function resolveWithBenefits(
  raw: RawOffer & RawBenefits,
  names: OfferFieldNames,
  benefitNames: BenefitNames,
): { terms: OfferTerms; benefits: Benefits; growth: number } {
  let terms: OfferTerms;
  let growth: number | undefined;
  try {
    terms = resolveOffer(raw, names);
  } catch (error) {
    const esppGrowth = error instanceof InputError && error.field === names.growth;
    if (!esppGrowth || raw.espp === undefined || typeof raw.growth !== 'string') throw error;
    terms = resolveOffer({ ...raw, growth: undefined }, names);
    if (terms.equity > 0 || terms.options) throw error;
    growth = parsePercent(raw.growth, names.growth, GROWTH_BOUNDS);
  }
  const benefits = resolveBenefits(raw, benefitNames, terms.private);
  return { terms, benefits, growth: growth ?? terms.growth };
}
