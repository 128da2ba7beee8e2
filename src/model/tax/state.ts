// A state's income tax on wages, read from its rule in data/tax-states-2026.json: the income it
// starts from, its deduction and exemptions (with their phase-outs), the brackets or flat rate,
// the add-ons and surtaxes, and the credits a wage earner without dependents gets.
import type { FederalResult } from './federal.js';
import {
  bracketSpan,
  bracketTax,
  chain,
  lookup,
  money,
  pct,
  pick,
  ratesFor,
  stepsOver,
} from './math.js';
import { nySupplemental } from './ny.js';
import type { Credit, Filing, StateIncomeTax } from './types.js';

export interface StateContext {
  filing: Filing;
  /** 1 single, 2 married. */
  persons: number;
  gross: number;
  pretax: number;
  hsa: number;
  /** Other itemised deductions. */
  other: number;
  fed: FederalResult;
  /** The state's income tax as last worked out: what itemising federally deducted of it. */
  stateTax: number;
  /** Social Security and Medicare paid. */
  fica: number;
}

export interface StateResult {
  amount: number;
  /** The state's income before its deductions, and its taxable income. */
  income: number;
  taxable: number;
  basis: string;
}

/** The state's income before deductions, with the words for it. */
function startingIncome(
  rule: StateIncomeTax,
  c: StateContext,
): { income: number; parts: [number, string][]; start: string } {
  const f = c.fed;
  if (rule.base === 'pay') {
    return {
      income: c.gross - c.hsa,
      parts: [[c.hsa, 'HSA']],
      start: `${money(c.gross)} wages (401(k) deferrals taxed)`,
    };
  }
  if (rule.base === 'fti') {
    let income = f.taxable;
    const words: string[] = [`${money(f.taxable)} federal taxable income`];
    if (rule.addBack && f.agi >= rule.addBack.over) {
      const back = Math.max(0, f.deduction - pick(rule.addBack.keep, c.filing));
      income += back;
      words.push(
        `${money(back)} federal deductions added back (AGI ${money(rule.addBack.over)} or more)`,
      );
    }
    if (rule.saltBack && f.itemize) {
      const back = Math.min(
        Math.min(c.stateTax, f.salt),
        Math.max(0, f.itemizedBefore - f.standard),
      );
      income += back;
      if (back > 0) words.push(`${money(back)} state income tax deducted federally, added back`);
    }
    return { income, parts: [], start: words.join(' + ') };
  }
  const income = f.agi + (rule.hsa ? c.hsa : 0);
  const parts: [number, string][] = [[c.pretax, '401(k)']];
  if (!rule.hsa) parts.push([c.hsa, 'HSA']);
  return {
    income,
    parts,
    start: `${money(c.gross)} wages${rule.hsa && c.hsa > 0 ? ' (HSA contributions taxed)' : ''}`,
  };
}

/** The deduction: standard (with its phase-outs) or itemised, by the state's rule. */
function deduction(
  rule: StateIncomeTax,
  c: StateContext,
  income: number,
): { amount: number; what: string } {
  if (rule.std === undefined && rule.itemize === undefined) return { amount: 0, what: '' };
  const f = c.fed;
  const agi = f.agi;
  let std = rule.std === 'federal' ? f.standard : rule.std ? pick(rule.std, c.filing) : 0;
  if (rule.stdSteps) {
    const s = rule.stdSteps;
    const cut = Math.floor(Math.max(0, agi - s.start) / s.step) * pick(s.cut, c.filing);
    std = Math.max(std - cut, pick(s.min, c.filing));
  }
  if (rule.stdShare)
    std *= Math.max(
      0,
      1 -
        rule.stdShare.cut * stepsOver(agi, pick(rule.stdShare.start, c.filing), rule.stdShare.step),
    );
  if (rule.stdCut) std = Math.max(0, std - bracketTax(rule.stdCut[c.filing], agi));
  if (rule.stdMN) {
    const m = rule.stdMN;
    const main =
      m.lowRate * Math.min(Math.max(0, agi - m.low), m.high - m.low) +
      m.highRate * Math.max(0, agi - m.high);
    const most = m.most * std;
    std = Math.max(0, std - (agi > m.over ? most : Math.min(most, main)));
  }
  const stdWhat =
    rule.stdLabel ?? (rule.std === 'federal' ? 'federal standard deduction' : 'standard deduction');
  let amount = std;
  let what = stdWhat;
  const itemizing = rule.itemize === 'free' || (rule.itemize !== undefined && f.itemize);
  if (rule.itemize === 'federal-salt' && f.itemize) {
    amount =
      f.itemizedBefore -
      Math.min(Math.min(c.stateTax, f.salt), Math.max(0, f.itemizedBefore - f.standard));
    what = 'federal itemised deductions less the state income tax in them';
  } else if (rule.itemize === 'federal-only' && f.itemize) {
    amount = c.other;
    what = 'itemised deductions (as on the federal return)';
  } else if (itemizing && c.other > std) {
    amount = c.other;
    what = 'itemised deductions';
  }
  if (rule.stdFade) {
    const s = rule.stdFade;
    const share = Math.min(1, Math.max(0, agi - pick(s.start, c.filing)) / pick(s.width, c.filing));
    const cut = s.round ? Math.floor((amount * share) / s.round) * s.round : amount * share;
    amount = Math.max(0, amount - cut);
  }
  void income;
  return { amount, what };
}

/** Personal exemptions (with their phase-outs). */
function exemptions(rule: StateIncomeTax, c: StateContext): number {
  const agi = c.fed.agi;
  let amount = 0;
  if (rule.exempt)
    amount = 'each' in rule.exempt ? rule.exempt.each * c.persons : pick(rule.exempt, c.filing);
  if (rule.exemptSteps) {
    const s = rule.exemptSteps;
    amount = Math.max(0, amount - stepsOver(agi, pick(s.start, c.filing), s.step) * s.cut);
  }
  if (rule.exemptFade) {
    const s = rule.exemptFade;
    amount *= 1 - Math.min(1, Math.max(0, agi - pick(s.start, c.filing)) / pick(s.width, c.filing));
  }
  if (rule.exemptShare) {
    const s = rule.exemptShare;
    amount *= 1 - Math.min(1, s.cut * stepsOver(agi, pick(s.start, c.filing), s.step));
  }
  if (rule.exemptByAgi)
    amount = lookup(rule.exemptByAgi[c.filing], agi, rule.exemptByAgi.right) * c.persons;
  if (rule.exemptUpTo && agi > pick(rule.exemptUpTo, c.filing)) amount = 0;
  if (rule.exemptLow) {
    const s = rule.exemptLow;
    amount =
      agi <= pick(s.upTo, c.filing)
        ? (s.each - Math.max(0, agi - pick(s.start, c.filing)) * pick(s.rate, c.filing)) * c.persons
        : 0;
  }
  return amount;
}

/** The federal income tax a state lets you deduct. */
function federalTaxDeduction(rule: StateIncomeTax, c: StateContext): number {
  const f = c.fed;
  if (!rule.fedTax) return 0;
  if (rule.fedTax === 'full') return Math.max(0, f.afterCredits - f.eitc);
  const tax = Math.max(0, f.afterCredits);
  if ('share' in rule.fedTax)
    return Math.min(tax * lookup(rule.fedTax.share, f.agi), pick(rule.fedTax.cap, c.filing));
  return Math.min(tax, lookup(rule.fedTax.capByAgi[c.filing], f.agi));
}

/** A credit's amount for this earner. */
export function creditAmount(credit: Credit, filing: Filing, persons: number, agi: number): number {
  let amount = 0;
  if (credit.byAgi)
    amount = lookup(credit.byAgi[filing], agi, credit.right) * (credit.perPerson ? persons : 1);
  if (credit.each !== undefined) {
    let each = credit.each;
    if (credit.steps)
      each = Math.max(
        0,
        each -
          stepsOver(agi, pick(credit.steps.start, filing), credit.steps.step) * credit.steps.cut,
      );
    amount = each * persons;
  }
  if (credit.upTo && agi > pick(credit.upTo, filing)) amount = 0;
  return amount;
}

/** The state's income tax, after its credits (negative where refundable credits exceed it). */
export function stateIncomeTax(rule: StateIncomeTax, c: StateContext): StateResult {
  const agi = c.fed.agi;
  const { income, parts, start } = startingIncome(rule, c);
  const fedTax = federalTaxDeduction(rule, c);
  const fica = rule.fica ? Math.min(rule.fica, c.fica) : 0;
  const ded = deduction(rule, c, income);
  const ex = exemptions(rule, c);
  const taxable = Math.max(0, income - fedTax - fica - ded.amount - ex);
  const from = chain(start, [
    ...parts,
    [fedTax, 'federal income tax'],
    [fica, 'Social Security and Medicare'],
    [ded.amount, ded.what],
    [ex, 'exemptions'],
  ]);
  const notes: string[] = [];
  let tax: number;
  let how: string;
  if (rule.table) {
    const row = [...rule.table].reverse().find(([over]) => taxable >= over) ?? [0, 0, 0];
    tax = Math.max(0, row[1] * taxable - row[2]);
    how = `${pct(row[1])} of ${money(taxable)} taxable less ${money(row[2])}`;
  } else if (rule.flat !== undefined) {
    tax = rule.flat * taxable;
    how = `${pct(rule.flat)} of ${money(taxable)} taxable`;
  } else {
    const brackets = ratesFor(rule.rates ?? [], c.filing);
    tax = bracketTax(brackets, taxable);
    how =
      taxable > 0
        ? `${bracketSpan(brackets, taxable)} on ${money(taxable)} taxable`
        : 'no taxable income';
    if (rule.recapture) {
      const s = nySupplemental(brackets, rule.recapture, agi, taxable);
      if (s) {
        tax += s.amount;
        notes.push(s.basis);
      }
    }
  }
  for (const a of rule.addOns ?? []) {
    const add = Math.min(
      pick(a.max, c.filing),
      stepsOver(agi, pick(a.start, c.filing), pick(a.step, c.filing)) * pick(a.amount, c.filing),
    );
    if (add > 0) {
      tax += add;
      notes.push(`${money(add)} ${a.label}`);
    }
  }
  if (rule.creditRate) {
    const rate = lookup(rule.creditRate[c.filing], agi, true);
    if (rate > 0) {
      notes.push(`less the ${pct(rate)} personal tax credit (${money(rate * tax)})`);
      tax -= rate * tax;
    }
  }
  if (
    (rule.zeroBelow !== undefined && taxable < rule.zeroBelow) ||
    (rule.zeroUpTo && income <= pick(rule.zeroUpTo, c.filing))
  ) {
    if (tax > 0) notes.push('no tax at this income');
    tax = 0;
  }
  if (rule.minimum && agi >= rule.minimum.over && rule.minimum.rate * agi > tax) {
    tax = rule.minimum.rate * agi;
    notes.push(
      `at least ${pct(rule.minimum.rate)} of ${money(agi)} AGI (over ${money(rule.minimum.over)})`,
    );
  }
  for (const credit of rule.credits ?? []) {
    const amount = Math.min(tax, creditAmount(credit, c.filing, c.persons, agi));
    if (amount > 0) {
      tax -= amount;
      notes.push(`less ${money(amount)} ${credit.label}`);
    }
  }
  if (rule.utCredit) {
    const u = rule.utCredit;
    const base = c.fed.itemize ? c.other : c.fed.standard;
    const credit = Math.max(
      0,
      u.rate * base - u.less * Math.max(0, taxable - pick(u.over, c.filing)),
    );
    const amount = Math.min(tax, credit);
    if (agi <= c.fed.standard) tax = 0;
    else if (amount > 0) {
      tax -= amount;
      notes.push(
        `less ${money(amount)} taxpayer tax credit (${pct(u.rate)} of ${money(base)}, less ${pct(u.less)} of income over ${money(pick(u.over, c.filing))})`,
      );
    }
  }
  if (rule.surtax) {
    const over = pick(rule.surtax.over, c.filing);
    if (taxable > over) {
      const add = rule.surtax.rate * (taxable - over);
      tax += add;
      notes.push(
        `plus ${pct(rule.surtax.rate)} ${rule.surtax.label} on ${money(taxable - over)} over ${money(over)}`,
      );
    }
  }
  if (rule.extra && tax > 0) {
    tax += rule.extra.amount;
    notes.push(`plus ${money(rule.extra.amount)} ${rule.extra.label}`);
  }
  for (const credit of rule.refunds ?? []) {
    const amount = creditAmount(credit, c.filing, c.persons, agi);
    if (amount > 0) {
      tax -= amount;
      notes.push(`less ${money(amount)} ${credit.label} (refundable)`);
    }
  }
  const basis = `${how}: ${from}${notes.length ? `; ${notes.join('; ')}` : ''}`;
  return { amount: tax, income, taxable, basis };
}
