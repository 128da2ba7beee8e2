// The arithmetic every tax shares: brackets, table lookups, the filing-status figure of a pair,
// and the words a basis is written in.
import type { Bracket, ByFiling, Filing, Pair, Rates, Row } from './types.js';
import { money } from '../format.js';

/** The figure of a [single, married] pair (or one figure for both). */
export function pick(pair: Pair | number, filing: Filing): number {
  return typeof pair === 'number' ? pair : pair[filing === 'married' ? 1 : 0];
}

/** The brackets of a filing status. */
export function ratesFor(rates: Rates, filing: Filing): readonly Bracket[] {
  return Array.isArray(rates)
    ? (rates as readonly Bracket[])
    : (rates as ByFiling<readonly Bracket[]>)[filing];
}

/** Tax on `income` by marginal brackets, unrounded. */
export function bracketTax(brackets: readonly Bracket[], income: number): number {
  let tax = 0;
  for (let i = 0; i < brackets.length; i++) {
    const [over, rate] = brackets[i]!;
    if (income <= over) break;
    const upTo = brackets[i + 1]?.[0] ?? Infinity;
    tax += (Math.min(income, upTo) - over) * rate;
  }
  return tax;
}

/** The index of the bracket `x` falls in (the last whose `over` is below x; 0 at or below 0). */
export function bracketOf(brackets: readonly Bracket[], x: number): number {
  let k = 0;
  for (let i = 1; i < brackets.length; i++) if (x > brackets[i]![0]) k = i;
  return k;
}

/** The value of the last row at or below `x` (strictly below when `right`); 0 before the first. */
export function lookup(rows: readonly Row[], x: number, right = false): number {
  let value = 0;
  for (const [over, v] of rows) if (over === null || (right ? x > over : x >= over)) value = v;
  return value;
}

/** The number of `step`s (a started one counts) that `x` is over `start`. */
export function stepsOver(x: number, start: number, step: number): number {
  return Math.ceil(Math.max(0, x - start) / step);
}

// ---- words ----

export function pct(rate: number): string {
  return `${(rate * 100).toFixed(3).replace(/\.?0+$/, '')}%`;
}

/** "10%-24% brackets" or "10% bracket": the rates that `income` reaches. */
export function bracketSpan(brackets: readonly Bracket[], income: number): string {
  const first = brackets.find(([, r]) => r > 0)?.[1] ?? brackets[0]![1];
  const last = brackets[bracketOf(brackets, income)]![1];
  return first === last ? `${pct(first)} bracket` : `${pct(first)}-${pct(last)} brackets`;
}

/** "$200,000 wages - $10,000 pre-tax - $16,100 standard deduction": the non-zero parts. */
export function chain(start: string, parts: readonly (readonly [number, string])[]): string {
  return [
    start,
    ...parts.filter(([x]) => Math.round(x) !== 0).map(([x, what]) => `${money(x)} ${what}`),
  ].join(' - ');
}
