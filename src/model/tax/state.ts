// A state's income tax on wages, read from its rule in data/tax-states-2026.json: the income it
// starts from, its deduction and exemptions (with their phase-outs), the brackets or flat rate,
// the add-ons and surtaxes, and the credits a wage earner without dependents gets.
import type { FederalResult } from './federal.js';
import { bracketSpan, bracketTax, chain, lookup, pct, pick, ratesFor, stepsOver } from './math.js';
import { money } from '../format.js';
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

/** The standard deduction after its phase-outs. */
function standardDeduction(rule: StateIncomeTax, c: StateContext): number {
  const agi = c.fed.agi;
  let std = rule.std === 'federal' ? c.fed.standard : rule.std ? pick(rule.std, c.filing) : 0;
  if (rule.stdSteps) {
    const s = rule.stdSteps;
    const cut = Math.floor(Math.max(0, agi - s.start) / s.step) * pick(s.cut, c.filing);
    std = Math.max(std - cut, pick(s.min, c.filing));
  }
  if (rule.stdShare) {
    const s = rule.stdShare;
    std *= Math.max(0, 1 - s.cut * stepsOver(agi, pick(s.start, c.filing), s.step));
  }
  if (rule.stdCut) std = Math.max(0, std - bracketTax(rule.stdCut[c.filing], agi));
  if (rule.stdMN) {
    const m = rule.stdMN;
    const main =
      m.lowRate * Math.min(Math.max(0, agi - m.low), m.high - m.low) +
      m.highRate * Math.max(0, agi - m.high);
    const most = m.most * std;
    std = Math.max(0, std - (agi > m.over ? most : Math.min(most, main)));
  }
  return std;
}

/** The deduction: standard (with its phase-outs) or itemised, by the state's rule. */
function deduction(rule: StateIncomeTax, c: StateContext): { amount: number; what: string } {
  if (rule.std === undefined && rule.itemize === undefined) return { amount: 0, what: '' };
  const f = c.fed;
  const std = standardDeduction(rule, c);
  let amount = std;
  let what =
    rule.stdLabel ?? (rule.std === 'federal' ? 'federal standard deduction' : 'standard deduction');
  const itemizing = rule.itemize === 'free' || (rule.itemize !== undefined && f.itemize);
  if (rule.itemize === 'federal-salt' && f.itemize) {
    const back = Math.min(c.stateTax, f.salt, Math.max(0, f.itemizedBefore - f.standard));
    amount = f.itemizedBefore - back;
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
    const share = Math.min(
      1,
      Math.max(0, f.agi - pick(s.start, c.filing)) / pick(s.width, c.filing),
    );
    const cut = s.round ? Math.floor((amount * share) / s.round) * s.round : amount * share;
    amount = Math.max(0, amount - cut);
  }
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

/** The figures a state's tax is worked from, and the tax and words so far. */
interface Working {
  rule: StateIncomeTax;
  c: StateContext;
  agi: number;
  income: number;
  taxable: number;
  tax: number;
  notes: string[];
}

/** The tax by the brackets, the flat rate or the table, and New York's recapture. */
function scheduleTax(w: Working): string {
  const { rule, c, taxable } = w;
  if (rule.table) {
    const row = [...rule.table].reverse().find(([over]) => taxable >= over) ?? [0, 0, 0];
    w.tax = Math.max(0, row[1] * taxable - row[2]);
    return `${pct(row[1])} of ${money(taxable)} taxable less ${money(row[2])}`;
  }
  if (rule.flat !== undefined) {
    w.tax = rule.flat * taxable;
    return `${pct(rule.flat)} of ${money(taxable)} taxable`;
  }
  const brackets = ratesFor(rule.rates ?? [], c.filing);
  w.tax = bracketTax(brackets, taxable);
  const s = rule.recapture && nySupplemental(brackets, rule.recapture, w.agi, taxable);
  if (s) {
    w.tax += s.amount;
    w.notes.push(s.basis);
  }
  return taxable > 0
    ? `${bracketSpan(brackets, taxable)} on ${money(taxable)} taxable`
    : 'no taxable income';
}

/** Connecticut's phase-outs and recaptures, then its personal credit (a share of the tax). */
function connecticut(w: Working): void {
  const { rule, c, agi } = w;
  for (const a of rule.addOns ?? []) {
    const steps = stepsOver(agi, pick(a.start, c.filing), pick(a.step, c.filing));
    const add = Math.min(pick(a.max, c.filing), steps * pick(a.amount, c.filing));
    if (add > 0) {
      w.tax += add;
      w.notes.push(`${money(add)} ${a.label}`);
    }
  }
  const rate = rule.creditRate ? lookup(rule.creditRate[c.filing], agi, true) : 0;
  if (rate > 0) {
    w.notes.push(`less the ${pct(rate)} personal tax credit (${money(rate * w.tax)})`);
    w.tax -= rate * w.tax;
  }
}

/** No tax below a threshold (Ohio, Kansas, New Jersey); Vermont's minimum. */
function floors(w: Working): void {
  const { rule, c, agi } = w;
  const zero =
    (rule.zeroBelow !== undefined && w.taxable < rule.zeroBelow) ||
    (rule.zeroUpTo !== undefined && w.income <= pick(rule.zeroUpTo, c.filing));
  if (zero) {
    if (w.tax > 0) w.notes.push('no tax at this income');
    w.tax = 0;
  }
  const m = rule.minimum;
  if (m && agi >= m.over && m.rate * agi > w.tax) {
    w.tax = m.rate * agi;
    w.notes.push(`at least ${pct(m.rate)} of ${money(agi)} AGI (over ${money(m.over)})`);
  }
}

/** The credits against the tax (none beyond it), Utah's taxpayer credit among them. */
function credits(w: Working): void {
  const { rule, c, agi } = w;
  for (const credit of rule.credits ?? []) {
    const amount = Math.min(w.tax, creditAmount(credit, c.filing, c.persons, agi));
    if (amount > 0) {
      w.tax -= amount;
      w.notes.push(`less ${money(amount)} ${credit.label}`);
    }
  }
  const u = rule.utCredit;
  if (!u) return;
  if (agi <= c.fed.standard) {
    w.tax = 0;
    return;
  }
  const base = c.fed.itemize ? c.other : c.fed.standard;
  const over = pick(u.over, c.filing);
  const amount = Math.min(
    w.tax,
    Math.max(0, u.rate * base - u.less * Math.max(0, w.taxable - over)),
  );
  if (amount > 0) {
    w.tax -= amount;
    w.notes.push(
      `less ${money(amount)} taxpayer tax credit (${pct(u.rate)} of ${money(base)}, less ${pct(u.less)} of income over ${money(over)})`,
    );
  }
}

/** Surtaxes and fixed taxes after the credits, then the refundable credits. */
function afterCredits(w: Working): void {
  const { rule, c, agi } = w;
  const over = rule.surtax ? pick(rule.surtax.over, c.filing) : Infinity;
  if (rule.surtax && w.taxable > over) {
    w.tax += rule.surtax.rate * (w.taxable - over);
    w.notes.push(
      `plus ${pct(rule.surtax.rate)} ${rule.surtax.label} on ${money(w.taxable - over)} over ${money(over)}`,
    );
  }
  if (rule.extra && w.tax > 0) {
    w.tax += rule.extra.amount;
    w.notes.push(`plus ${money(rule.extra.amount)} ${rule.extra.label}`);
  }
  for (const credit of rule.refunds ?? []) {
    const amount = creditAmount(credit, c.filing, c.persons, agi);
    if (amount > 0) {
      w.tax -= amount;
      w.notes.push(`less ${money(amount)} ${credit.label} (refundable)`);
    }
  }
}

/** The state's income tax, after its credits (negative where refundable credits exceed it). */
export function stateIncomeTax(rule: StateIncomeTax, c: StateContext): StateResult {
  const { income, parts, start } = startingIncome(rule, c);
  const fedTax = federalTaxDeduction(rule, c);
  const fica = rule.fica ? Math.min(rule.fica, c.fica) : 0;
  const ded = deduction(rule, c);
  const ex = exemptions(rule, c);
  const taxable = Math.max(0, income - fedTax - fica - ded.amount - ex);
  const from = chain(start, [
    ...parts,
    [fedTax, 'federal income tax'],
    [fica, 'Social Security and Medicare'],
    [ded.amount, ded.what],
    [ex, 'exemptions'],
  ]);
  const w: Working = { rule, c, agi: c.fed.agi, income, taxable, tax: 0, notes: [] };
  const how = scheduleTax(w);
  connecticut(w);
  floors(w);
  credits(w);
  afterCredits(w);
  const basis = `${how}: ${from}${w.notes.length ? `; ${w.notes.join('; ')}` : ''}`;
  return { amount: w.tax, income, taxable, basis };
}
