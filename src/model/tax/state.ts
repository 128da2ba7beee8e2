// State and local taxes on wages, read from data/tax-states-2026.json. A state's income tax: the
// income it starts from, its deduction and exemptions (with their phase-outs), the brackets, flat
// rate or table, the add-ons and surtaxes, and the credits a wage earner without dependents gets.
// Local wage and income taxes (a city's, a county's, a district's), and the state payroll
// premiums employees pay (disability, family leave, unemployment).
import { money } from '../format.js';
import { bracketOf, bracketSpan, bracketTax, chain, cut, lookup, pct, personal } from './math.js';
import { pick, ratesFor, type FederalResult } from './math.js';
import type { Credit, Earner, Filing, LocalPart, Premium } from './types.js';
import type { StateIncomeTax, StateTables } from './types.js';

/** `stateTax`: the state's tax as last worked out (what itemising deducted); `fica` paid. */
type StateContext = Earner & { fed: FederalResult; stateTax: number; fica: number };

/** Credits off `tax`, each named in `words`: at most the tax, unless `refund` (a word to add). */
function takeCredits(
  credits: readonly Credit[] | undefined,
  tax: number,
  c: { filing: Filing; agi: number; taxable: number },
  words: string[],
  refund?: string,
): number {
  for (const k of credits ?? []) {
    let x = k.byAgi
      ? lookup(k.byAgi[c.filing], c.agi, k.byAgi.right) * (k.perPerson ? persons(c.filing) : 1)
      : k.rates
        ? c.taxable <= (k.taxableUpTo ?? Infinity)
          ? bracketTax(ratesFor(k.rates, c.filing), c.taxable)
          : 0
        : personal(k.each ?? 0, k.phase, c.agi, c.filing);
    if (refund === undefined) x = Math.min(Math.max(0, tax), x);
    if (x > 0) {
      tax -= x;
      words.push(`less ${money(x)} ${k.label}${refund ?? ''}`);
    }
  }
  return tax;
}

const persons = (filing: Filing): number => (filing === 'married' ? 2 : 1);

/** The state's income tax among the state and local taxes the federal return itemised. */
const taxInSalt = ({ stateTax, fed: f }: StateContext): number =>
  Math.min(stateTax, f.salt, Math.max(0, f.itemizedBefore - f.standard));

/** Where wages are taxed with the 401(k) deferrals in them, the words say so when there are some. */
const deferralsTaxed = (c: { pretax: number }): string =>
  c.pretax > 0 ? ' (401(k) deferrals taxed)' : '';

/** The state's income before deductions: [income, what comes off it, its words]. */
function startingIncome(r: StateIncomeTax, c: StateContext): [number, [number, string][], string] {
  const f = c.fed;
  const wages = `${money(c.gross)} wages`;
  if (r.base === 'pay') return [c.gross - c.hsa, [[c.hsa, 'HSA']], wages + deferralsTaxed(c)];
  const hsa = r.hsa ? c.hsa : 0; // taxed
  const off: [number, string][] = [
    [c.pretax, '401(k)'],
    [c.hsa - hsa, 'HSA'],
  ];
  if (r.base !== 'fti')
    return [f.agi + hsa, off, `${wages}${hsa > 0 ? ' (HSA contributions taxed)' : ''}`];
  let income = f.taxable;
  const words = [`${money(f.taxable)} federal taxable income`];
  if (r.addBack && f.agi >= r.addBack.over) {
    const back = Math.max(0, f.deduction - pick(r.addBack.keep, c.filing));
    income += back;
    const at = `AGI ${money(r.addBack.over)} or more`;
    words.push(`${money(back)} federal deductions added back (${at})`);
  }
  const salt = r.saltBack && f.itemize ? taxInSalt(c) : 0;
  income += salt;
  if (salt > 0) words.push(`${money(salt)} state income tax deducted federally, added back`);
  return [income, [], words.join(' + ')];
}

/** The deduction, standard (after its phase-out) or itemised, by the state's rule. */
function deduction(r: StateIncomeTax, c: StateContext): [number, string] {
  const { fed: f, filing } = c;
  if (r.std === undefined && r.itemize === undefined) return [0, ''];
  const given = r.std === 'federal' ? f.standard : pick(r.std ?? 0, filing);
  const std = cut(given, r.stdPhase, f.agi, filing);
  let amount = std;
  let what = r.stdLabel ?? `${r.std === 'federal' ? 'federal ' : ''}standard deduction`;
  if (r.itemize === 'federal-salt' && f.itemize) {
    amount = f.itemizedBefore - taxInSalt(c);
    what = 'federal itemised deductions less the state income tax in them';
  } else if (r.itemize === 'federal-only' && f.itemize)
    [amount, what] = [c.other, 'itemised deductions (as on the federal return)'];
  else if ((r.itemize === 'free' || (r.itemize && f.itemize)) && c.other > std)
    [amount, what] = [c.other, 'itemised deductions'];
  return [cut(amount, r.dedPhase, f.agi, filing), what];
}

/** The federal income tax a state lets you deduct. */
function federalTaxDeduction({ fedTax }: StateIncomeTax, c: StateContext): number {
  const f = c.fed;
  const tax = Math.max(0, f.afterCredits);
  if (!fedTax) return 0;
  if (fedTax === 'full') return Math.max(0, f.afterCredits - f.eitc);
  if ('share' in fedTax)
    return Math.min(tax * lookup(fedTax.share, f.agi), pick(fedTax.cap, c.filing));
  return Math.min(tax, lookup(fedTax.capByAgi[c.filing], f.agi));
}

/** The figures a state's tax is worked from, and the tax and its words so far. */
type W = { r: StateIncomeTax; c: StateContext; words: string[] } & Record<
  'agi' | 'income' | 'taxable' | 'tax',
  number
>;

/**
 * New York's supplemental tax (Tax Law 601(d-1) ff., the IT-201-I worksheets): above NY AGI of
 * `startAgi`, the benefit of the lower brackets is taken back, bracket by bracket, each over
 * `phaseIn` dollars of AGI. With taxable income in bracket k: at or below the bracket holding
 * startAgi, the whole difference between that bracket's rate on all taxable income and the
 * bracket tax, times (AGI - startAgi) / phaseIn; in later brackets, the base already taken,
 * r(k-1) x t(k) - tax(t(k)), plus the fraction (AGI - t(k)) / phaseIn of the rest. The fraction
 * is rounded to four places, as the worksheets say. Above the last bracket's start of AGI all
 * taxable income is taxed at the top rate.
 */
function recapture(w: W, b: readonly (readonly [number, number])[]): void {
  const { agi, taxable } = w;
  const rule = w.r.recapture;
  if (!rule || agi <= rule.startAgi || taxable <= 0) return;
  const ordinary = bracketTax(b, taxable);
  const [lastOver, top] = b[b.length - 1]!;
  const all = (rate: number) => `${pct(rate)} on all ${money(taxable)} taxable`;
  if (agi > lastOver) {
    w.tax += top * taxable - ordinary;
    w.words.push(
      `${money(top * taxable - ordinary)} ${rule.label}: NY AGI over ${money(lastOver)}, so ${all(top)}`,
    );
    return;
  }
  const p = bracketOf(b, rule.startAgi);
  const k = bracketOf(b, taxable);
  const start = k <= p ? rule.startAgi : b[k]![0];
  const base = k <= p ? 0 : b[k - 1]![1] * start - bracketTax(b, start);
  const rate = b[Math.max(k, p)]![1];
  const rest = Math.max(0, rate * taxable - ordinary - base);
  const share = Math.round(Math.min(1, Math.max(0, (agi - start) / rule.phaseIn)) * 10000) / 10000;
  const amount = base + rest * share;
  const taken = base > 0 ? `${money(base)} already recaptured + ` : '';
  const runs = `as NY AGI runs ${money(start)}-${money(start + rule.phaseIn)}`;
  w.tax += amount;
  w.words.push(
    `${money(amount)} ${rule.label} on NY AGI ${money(agi)} over ${money(rule.startAgi)}: ${taken}${(share * 100).toFixed(2).replace(/\.?0+$/, '')}% of the next ${money(rest)} ${runs}${share >= 1 ? `, so ${all(rate)}` : ''}`,
  );
}

/** The tax by the table, the flat rate or the brackets (with New York's recapture), in words. */
function schedule(w: W): string {
  const { r, taxable } = w;
  const of = `${money(taxable)} taxable`;
  if (r.table) {
    const [, rate, less] = [...r.table].reverse().find(([over]) => taxable >= over) ?? [0, 0, 0];
    w.tax = Math.max(0, rate * taxable - less);
    return `${pct(rate)} of ${of} less ${money(less)}`;
  }
  if (r.flat !== undefined) {
    w.tax = r.flat * taxable;
    return `${pct(r.flat)} of ${of}`;
  }
  const b = ratesFor(r.rates ?? [], w.c.filing);
  w.tax = bracketTax(b, taxable);
  recapture(w, b);
  return taxable > 0 ? `${bracketSpan(b, taxable)} on ${of}` : 'no taxable income';
}

/** Connecticut's add-ons and personal credit; no tax below a line; Vermont's minimum. */
function adjust(w: W): void {
  const { r, agi, words } = w;
  const f = w.c.filing;
  for (const a of r.addOns ?? []) {
    const steps = Math.ceil(Math.max(0, agi - pick(a.start, f)) / pick(a.step, f));
    const add = Math.min(pick(a.max, f), steps * pick(a.amount, f));
    if (add > 0) words.push(`${money(add)} ${a.label}`);
    w.tax += add;
  }
  const rate = r.creditRate ? lookup(r.creditRate[f], agi, true) : 0;
  if (rate > 0) words.push(`less the ${pct(rate)} personal tax credit (${money(rate * w.tax)})`);
  w.tax -= rate * w.tax;
  if ((r.zeroBelow ?? 0) > w.taxable || (r.zeroUpTo && w.income <= pick(r.zeroUpTo, f))) {
    if (w.tax > 0) words.push('no tax at this income');
    w.tax = 0;
  }
  const m = r.minimum;
  if (m && agi >= m.over && m.rate * agi > w.tax) {
    w.tax = m.rate * agi;
    words.push(`at least ${pct(m.rate)} of ${money(agi)} AGI (over ${money(m.over)})`);
  }
}

/** The credits; Utah's taxpayer credit; surtaxes and fixed taxes; then the refundable credits. */
function credits(w: W): void {
  const { r, c, agi, taxable, words } = w;
  const at = { filing: c.filing, agi, taxable };
  w.tax = takeCredits(r.credits, w.tax, at, words);
  const u = r.utCredit;
  const base = c.fed.itemize ? c.other : c.fed.standard;
  const over = u ? pick(u.over, c.filing) : 0;
  const ut = u
    ? Math.min(w.tax, Math.max(0, u.rate * base - u.less * Math.max(0, taxable - over)))
    : 0;
  if (u && agi <= c.fed.standard) w.tax = 0;
  else if (u && ut > 0) {
    w.tax -= ut;
    words.push(
      `less ${money(ut)} taxpayer tax credit (${pct(u.rate)} of ${money(base)}, less ${pct(u.less)} of income over ${money(over)})`,
    );
  }
  const s = r.surtax;
  const from = s ? pick(s.over, c.filing) : Infinity;
  if (s && taxable > from) {
    w.tax += s.rate * (taxable - from);
    words.push(`plus ${pct(s.rate)} ${s.label} on ${money(taxable - from)} over ${money(from)}`);
  }
  if (r.extra && w.tax > 0) {
    w.tax += r.extra.amount;
    words.push(`plus ${money(r.extra.amount)} ${r.extra.label}`);
  }
  w.tax = takeCredits(r.refunds, w.tax, at, words, ' (refundable)');
}

/** The state's income tax (negative where refundable credits exceed it), and its incomes. */
export function stateIncomeTax(r: StateIncomeTax, c: StateContext) {
  const [income, off, start] = startingIncome(r, c);
  const fedTax = federalTaxDeduction(r, c);
  const fica = r.fica ? Math.min(r.fica, c.fica) : 0;
  const [ded, what] = deduction(r, c);
  const [agi, e] = [c.fed.agi, r.exempt ?? 0];
  const ex =
    typeof e === 'object' && 'single' in e
      ? lookup(e[c.filing], agi, e.right) * persons(c.filing)
      : personal(e, r.exemptPhase, agi, c.filing);
  const taxable = Math.max(0, income - fedTax - fica - ded - ex);
  const w: W = { r, c, agi, income, taxable, tax: 0, words: [] };
  const how = schedule(w);
  adjust(w);
  credits(w);
  const from = chain(start, [
    ...off,
    [fedTax, 'federal income tax'],
    [fica, 'Social Security and Medicare'],
    [ded, what],
    [ex, 'exemptions'],
  ]);
  const words = w.words.length ? `; ${w.words.join('; ')}` : '';
  return { amount: w.tax, income, taxable, basis: `${how}: ${from}${words}` };
}

export type StateResult = ReturnType<typeof stateIncomeTax>;

/**
 * The locality `id` (undefined: the state's default county, if any; null or `none`: none): its
 * id, name and the taxes it levies.
 */
export function resolveLocal(s: StateTables, id?: string | null) {
  const want = id === undefined ? s.counties?.default : (id ?? undefined);
  const local = want === undefined || want === 'none' ? undefined : s.locals?.[want];
  if (!local) return undefined;
  const parts = local.parts.map((p) => (typeof p === 'string' ? s.localParts![p]! : p));
  return { id: want!, name: local.name, parts };
}

export type ResolvedLocal = NonNullable<ReturnType<typeof resolveLocal>>;

/** What a local tax is worked out from: federal AGI, the state's taxable income and tax. */
type LocalContext = Earner & { agi: number; stateTaxable: number; stateTax: number };

/** One local tax: its amount (negative only where refundable credits exceed it) and basis. */
export function localTax(p: LocalPart, c: LocalContext): [number, string] {
  if (p.share !== undefined)
    return [p.share * c.stateTax, `${pct(p.share)} of ${money(c.stateTax)} state income tax`];
  if (p.fixed !== undefined)
    return [c.gross >= (p.minWages ?? 0) ? p.fixed : 0, `${money(p.fixed)} a year`];
  if (p.monthly !== undefined)
    return [
      c.gross / 12 >= (p.minMonthly ?? 0) ? 12 * p.monthly : 0,
      `$${p.monthly.toFixed(2)} a month`,
    ];
  const pay = c.gross - c.hsa;
  const payWords = `${money(pay)} wages${c.hsa > 0 ? ' less HSA' : ''}${deferralsTaxed(c)}`;
  const exempt = (p.each ?? 0) * persons(c.filing);
  const onState = p.base === 'state-taxable';
  const base = onState ? c.stateTaxable : Math.max(0, pay - exempt);
  const of = onState
    ? `${money(base)} state taxable income`
    : exempt
      ? `${money(base)} taxable: ${payWords} - ${money(exempt)} exemptions`
      : payWords;
  let amount: number;
  let basis: string;
  if (p.rates) {
    const brackets = ratesFor(p.rates, c.filing);
    amount = bracketTax(brackets, base);
    basis = amount > 0 ? `${bracketSpan(brackets, base)} on ${of}` : `nothing on ${of}`;
  } else if (p.rateByIncome) {
    const rate = lookup(p.rateByIncome[c.filing], base, p.rateByIncome.right);
    amount = rate * base;
    basis = `${pct(rate)} of ${of} (one rate on all of it, by income)`;
  } else {
    amount = (p.rate ?? 0) * base;
    basis = `${pct(p.rate ?? 0)} of ${of}`;
  }
  const words: string[] = [];
  const at = { filing: c.filing, agi: c.agi, taxable: c.stateTaxable };
  amount = takeCredits(p.refunds, takeCredits(p.credits, amount, at, words), at, words, '');
  return [amount, words.length ? `${basis}; ${words.join('; ')}` : basis];
}

/** One payroll premium's amount and basis. */
export function premium(p: Premium, c: Earner, ssWageBase: number): [number, string] {
  const base = p.base ?? 'gross';
  const wages = c.gross - (base === 'gross' ? 0 : c.hsa + (base === 'taxable' ? c.pretax : 0));
  const share = p.share ?? 1;
  const rate = p.rate * share;
  const cap = p.cap === 'ss' ? ssWageBase : (p.cap ?? Infinity);
  const what = { gross: 'wages', fica: 'wages less HSA', taxable: 'wages less 401(k) and HSA' }[
    base
  ];
  const of = `${pct(rate)}${share === 1 ? '' : ` (${pct(share)} of the ${pct(p.rate)} premium)`} of`;
  const basis = Number.isFinite(cap)
    ? wages >= cap
      ? `${of} ${what} up to ${money(cap)}`
      : `${of} ${money(wages)} ${what} (taxed up to ${money(cap)})`
    : p.max !== undefined
      ? `${of} ${money(wages)} ${what}, at most $${p.max.toFixed(2)} a year`
      : `${of} ${money(wages)} ${what} (no cap)`;
  return [Math.min(rate * Math.min(wages, cap), p.max ?? Infinity), basis];
}
