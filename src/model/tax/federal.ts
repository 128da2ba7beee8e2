// Federal income tax on wages (standard or itemised deduction, the saver's credit and the
// earned income credit), and the payroll taxes: Social Security, Medicare, Additional Medicare.
import { bracketSpan, bracketTax, chain, lookup, pct, pick } from './math.js';
import { money } from '../format.js';
import type { FederalTables, Filing } from './types.js';

/** The wages and choices the federal figures are worked from. */
export interface Earner {
  filing: Filing;
  gross: number;
  /** 401(k)-type deferrals. */
  pretax: number;
  hsa: number;
  age: number;
  /** Other itemised deductions (not state and local taxes). */
  other: number;
}

export interface FederalResult {
  /** Adjusted gross income: wages less 401(k) and HSA contributions. */
  agi: number;
  standard: number;
  itemize: boolean;
  /** State and local taxes as deductible: at most the (phased-down) cap. */
  salt: number;
  saltCap: number;
  /** Itemised deductions before and after the high-income cut. */
  itemizedBefore: number;
  itemized: number;
  deduction: number;
  taxable: number;
  /** Tax by the brackets, then after the saver's credit; the EITC; the line (may be negative). */
  beforeCredits: number;
  savers: number;
  afterCredits: number;
  eitc: number;
  tax: number;
}

/** The SALT cap at this AGI: the cap less `phaseDownRate` of AGI over the line, not below the floor. */
export function saltCap(f: FederalTables, agi: number): number {
  const s = f.salt;
  return Math.max(s.cap - s.phaseDownRate * Math.max(0, agi - s.phaseDownOver), s.floor);
}

/** The earned income credit of a filer without qualifying children. */
export function eitc(f: FederalTables, e: Earner, agi: number): number {
  const p = f.eitc;
  if (e.age < p.ages[0] || e.age > p.ages[1]) return 0;
  const earned = e.gross - e.pretax - e.hsa;
  const credit =
    Math.min(p.max, p.phaseInRate * earned) -
    p.phaseOutRate * Math.max(0, Math.max(agi, earned) - pick(p.phaseOutStart, e.filing));
  return Math.max(0, credit);
}

/**
 * Federal income tax with the standard deduction (`itemize` false) or itemising `saltTaxes` (the
 * state and local income taxes and premiums that count as such) and the other deductions.
 */
export function federalTax(
  f: FederalTables,
  e: Earner,
  itemize: boolean,
  saltTaxes: number,
): FederalResult {
  const agi = e.gross - e.pretax - e.hsa;
  const standard = pick(f.incomeTax.standardDeduction, e.filing);
  const cap = saltCap(f, agi);
  const salt = Math.min(cap, Math.max(0, saltTaxes));
  const itemizedBefore = salt + e.other;
  const brackets = f.incomeTax.brackets[e.filing];
  const top = brackets[brackets.length - 1]![0];
  const itemized =
    itemizedBefore - f.itemizedLimit.rate * Math.min(itemizedBefore, Math.max(0, agi - top));
  const deduction = itemize ? itemized : standard;
  const taxable = Math.max(0, agi - deduction);
  const beforeCredits = bracketTax(brackets, taxable);
  const s = f.saversCredit;
  const rate = lookup(s.rates[e.filing], agi, s.rates.right);
  const savers = Math.min(beforeCredits, rate * Math.min(e.pretax, s.maxContribution));
  const afterCredits = beforeCredits - savers;
  const credit = eitc(f, e, agi);
  return {
    agi,
    standard,
    itemize,
    salt,
    saltCap: cap,
    itemizedBefore,
    itemized,
    deduction,
    taxable,
    beforeCredits,
    savers,
    afterCredits,
    eitc: credit,
    tax: afterCredits - credit,
  };
}

/** The basis of the federal income tax line. */
export function federalBasis(f: FederalTables, e: Earner, r: FederalResult): string {
  const brackets = f.incomeTax.brackets[e.filing];
  const from = chain(`${money(e.gross)} wages`, [
    [e.pretax, '401(k)'],
    [e.hsa, 'HSA'],
    [r.deduction, r.itemize ? 'itemised deductions' : 'standard deduction'],
  ]);
  let basis =
    r.taxable > 0
      ? `${bracketSpan(brackets, r.taxable)} on ${money(r.taxable)} taxable: ${from}`
      : `no taxable income: ${from}`;
  if (r.savers > 0) basis += `; less ${money(r.savers)} saver's credit`;
  if (r.eitc > 0) basis += `; less ${money(r.eitc)} earned income credit (refundable)`;
  return basis;
}

/** Social Security, Medicare and the Additional Medicare Tax on FICA wages (wages less HSA). */
export function payrollTaxes(
  f: FederalTables,
  e: Earner,
): {
  id: string;
  label: string;
  amount: number;
  basis: string;
  figures: FederalTables['medicare'];
}[] {
  const wages = e.gross - e.hsa;
  const of = `${money(wages)} wages${e.hsa > 0 ? ` (after ${money(e.hsa)} HSA)` : ''}`;
  const ss = f.socialSecurity;
  const am = f.additionalMedicare;
  const threshold = pick(am.threshold, e.filing);
  const over = Math.max(0, wages - threshold);
  const status = e.filing === 'married' ? 'married filing jointly' : 'single';
  return [
    {
      id: 'social-security',
      label: ss.label,
      amount: ss.rate * Math.min(wages, ss.wageBase),
      basis:
        wages >= ss.wageBase
          ? `${pct(ss.rate)} of wages up to ${money(ss.wageBase)}`
          : `${pct(ss.rate)} of ${of} (taxed up to ${money(ss.wageBase)})`,
      figures: ss,
    },
    {
      id: 'medicare',
      label: f.medicare.label,
      amount: f.medicare.rate * wages,
      basis: `${pct(f.medicare.rate)} of ${of} (no cap)`,
      figures: f.medicare,
    },
    {
      id: 'additional-medicare',
      label: am.label,
      amount: am.rate * over,
      basis:
        over > 0
          ? `${pct(am.rate)} of ${money(over)} wages over ${money(threshold)} (${status})`
          : `${pct(am.rate)} of wages over ${money(threshold)} (${status}): none here`,
      figures: am,
    },
  ];
}
