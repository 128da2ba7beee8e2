// New York's supplemental tax: the benefit of its lower brackets, recaptured as income rises.
import { bracketOf, bracketTax, pct } from './math.js';
import { money } from '../format.js';
import type { Bracket, StateIncomeTax } from './types.js';

type Recapture = NonNullable<StateIncomeTax['recapture']>;

/**
 * New York's supplemental tax (Tax Law 601(d-1) ff., the IT-201-I tax computation worksheets).
 * Above NY AGI of `startAgi`, the benefit of taxing income in the lower brackets is taken back,
 * bracket by bracket, each over `phaseIn` dollars of NY AGI. With taxable income in bracket k:
 * - first phase (k at or below the bracket holding startAgi): the whole difference between the
 *   flat rate of that bracket on all taxable income and the bracket tax, times the fraction of
 *   (AGI - startAgi) / phaseIn;
 * - later brackets: the recapture base already taken, r(k-1) x t(k) - tax(t(k)), plus the
 *   fraction (AGI - t(k)) / phaseIn of the rest, r(k) x taxable - tax(taxable) - base.
 * The fraction is rounded to four decimal places, as the worksheets say. Once fully phased in,
 * the tax is the bracket rate on all taxable income. The phase follows the bracket of taxable
 * income, as the worksheets do up to $1,077,550 (single): entering a bracket starts its phase
 * part-way, a small cliff the worksheets have too. Above the last finite bracket's start of NY
 * AGI ($25,000,000) all taxable income is taxed at the top rate.
 */
export function nySupplemental(
  brackets: readonly Bracket[],
  rule: Recapture,
  agi: number,
  taxable: number,
): { amount: number; basis: string } | undefined {
  if (agi <= rule.startAgi || taxable <= 0) return undefined;
  const ordinary = bracketTax(brackets, taxable);
  const last = brackets[brackets.length - 1]!;
  if (agi > last[0]) {
    const amount = last[1] * taxable - ordinary;
    return {
      amount,
      basis: `${money(amount)} ${rule.label}: NY AGI over ${money(last[0])}, so ${pct(last[1])} on all ${money(taxable)} taxable`,
    };
  }
  const p = bracketOf(brackets, rule.startAgi);
  const k = bracketOf(brackets, taxable);
  let base: number;
  let start: number;
  let flatRate: number;
  if (k <= p) {
    base = 0;
    start = rule.startAgi;
    flatRate = brackets[p]![1];
  } else {
    const t = brackets[k]![0];
    base = brackets[k - 1]![1] * t - bracketTax(brackets, t);
    start = t;
    flatRate = brackets[k]![1];
  }
  const incremental = Math.max(0, flatRate * taxable - ordinary - base);
  const fraction =
    Math.round(Math.min(1, Math.max(0, (agi - start) / rule.phaseIn)) * 10000) / 10000;
  const amount = base + incremental * fraction;
  const share = `${(fraction * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
  const taken = base > 0 ? `${money(base)} already recaptured + ` : '';
  const basis =
    `${money(amount)} ${rule.label} on NY AGI ${money(agi)} over ${money(rule.startAgi)}: ` +
    `${taken}${share} of the next ${money(incremental)} as NY AGI runs ${money(start)}-${money(start + rule.phaseIn)}` +
    (fraction >= 1 ? `, so ${pct(flatRate)} on all ${money(taxable)} taxable` : '');
  return { amount, basis };
}
