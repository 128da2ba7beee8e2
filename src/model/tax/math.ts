// The arithmetic the taxes share (brackets, lookups, cuts by income), the federal income tax
// the states start from, and the words of a basis.
import { money } from '../format.js';
import type { Bracket, Earner, FederalTables, Filing, Num, Phase } from './types.js';
import type { Rates, Row, Sourced, TaxLine } from './types.js';

/** The figure of a [single, married] pair (or one figure for both). */
export const pick = (n: Num, filing: Filing): number =>
  typeof n === 'number' ? n : n[filing === 'married' ? 1 : 0];

export const ratesFor = (rates: Rates, filing: Filing): readonly Bracket[] =>
  'single' in rates ? rates[filing] : rates;

/** Tax on `income` by marginal brackets, unrounded. */
export function bracketTax(brackets: readonly Bracket[], income: number): number {
  let tax = 0;
  brackets.forEach(([over, rate], i) => {
    if (income > over) tax += (Math.min(income, brackets[i + 1]?.[0] ?? Infinity) - over) * rate;
  });
  return tax;
}

/** The index of the bracket `x` falls in (the last whose `over` is below x). */
export const bracketOf = (brackets: readonly Bracket[], x: number): number =>
  brackets.filter(([over], i) => i > 0 && x > over).length;

/** The value of the last row at or below `x` (strictly below when `right`); 0 before the first. */
export function lookup(rows: readonly Row[], x: number, right = false): number {
  let value = 0;
  for (const [over, v] of rows) if (over === null || (right ? x > over : x >= over)) value = v;
  return value;
}

/** `amount` after a cut by `income` (types.ts says how). */
export function cut(amount: number, p: Phase | undefined, income: number, f: Filing): number {
  if (!p) return amount;
  if (p.upTo !== undefined && income > pick(p.upTo, f)) return 0;
  const n = Math.max(0, income - pick(p.start ?? 0, f)) / pick(p.step ?? 1, f);
  let less = p.rates
    ? bracketTax(ratesFor(p.rates, f), income)
    : (p.round ? Math[p.round](n) : n) * pick(p.cut ?? 0, f);
  if (p.share) less = amount * Math.min(1, less);
  if (p.most !== undefined) less = Math.min(less, p.most * amount);
  if (p.to) less = Math.floor(less / p.to) * p.to;
  return Math.max(amount - less, pick(p.min ?? 0, f));
}

/** A person's amount (times 1 or 2) or a [single, married] one, after its cut by `income`. */
export function personal(n: Num, p: Phase | undefined, income: number, f: Filing): number {
  const amount = cut(pick(n, f), p, income, f);
  return typeof n === 'number' ? amount * (f === 'married' ? 2 : 1) : amount;
}

export type FederalResult = ReturnType<typeof federalTax>;

/**
 * Federal income tax with the standard deduction, or itemising `saltTaxes` (the state and local
 * taxes that count as such, capped) and the other deductions.
 */
export function federalTax(f: FederalTables, e: Earner, itemize: boolean, saltTaxes: number) {
  const agi = e.gross - e.pretax - e.hsa;
  const standard = pick(f.incomeTax.standardDeduction, e.filing);
  const s = f.salt;
  const saltCap = Math.max(s.cap - s.phaseDownRate * Math.max(0, agi - s.phaseDownOver), s.floor);
  const salt = Math.min(saltCap, Math.max(0, saltTaxes));
  const itemizedBefore = salt + e.other;
  const brackets = f.incomeTax.brackets[e.filing];
  const over = Math.max(0, agi - brackets[brackets.length - 1]![0]);
  const itemized = itemizedBefore - f.itemizedLimit.rate * Math.min(itemizedBefore, over);
  const deduction = itemize ? itemized : standard;
  const taxable = Math.max(0, agi - deduction);
  const beforeCredits = bracketTax(brackets, taxable);
  const { rates, maxContribution } = f.saversCredit;
  const rate = lookup(rates[e.filing], agi, rates.right);
  const savers = Math.min(beforeCredits, rate * Math.min(e.pretax, maxContribution));
  const afterCredits = beforeCredits - savers;
  // The earned income credit of a filer without qualifying children (earned income is the AGI).
  const c = f.eitc;
  const eitc =
    e.age < c.ages[0] || e.age > c.ages[1]
      ? 0
      : Math.max(
          0,
          Math.min(c.max, c.phaseInRate * agi) -
            c.phaseOutRate * Math.max(0, agi - pick(c.phaseOutStart, e.filing)),
        );
  const r = { agi, standard, itemize, salt, saltCap, itemizedBefore, itemized, deduction, taxable };
  return { ...r, savers, afterCredits, eitc, tax: afterCredits - eitc };
}

export const pct = (rate: number): string => `${(rate * 100).toFixed(3).replace(/\.?0+$/, '')}%`;

/** "10%-24% brackets" or "10% bracket": the rates that `income` reaches. */
export function bracketSpan(brackets: readonly Bracket[], income: number): string {
  const first = brackets.find(([, r]) => r > 0)?.[1] ?? brackets[0]![1];
  const last = brackets[bracketOf(brackets, income)]![1];
  return first === last ? `${pct(first)} bracket` : `${pct(first)}-${pct(last)} brackets`;
}

/** "$200,000 wages - $10,000 401(k) - $16,100 standard deduction": the non-zero parts. */
export const chain = (start: string, parts: readonly (readonly [number, string])[]): string =>
  [start, ...parts.filter(([x]) => Math.round(x) !== 0).map(([x, w]) => `${money(x)} ${w}`)].join(
    ' - ',
  );

/** A tax line: the amount in whole dollars, where its figures come from, how it is worked out. */
export const line = (id: string, label: string, x: number, f: Sourced, basis: string): TaxLine => {
  const out = { id, label, amount: Math.round(x) + 0, source: f.src, year: f.year, basis };
  return f.uncertain ? { ...out, uncertain: true } : out;
};
