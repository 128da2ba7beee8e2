// Local wage and income taxes (a city's, a county's, a district's) and the state payroll
// premiums employees pay (disability, family leave, unemployment).
import { InputError } from '../../errors.js';
import { creditAmount } from './state.js';
import { bracketSpan, bracketTax, lookup, pct, pick, ratesFor } from './math.js';
import { money } from '../format.js';
import type { Filing, LocalPart, Premium, Sourced, StateTables } from './types.js';

/** A locality as resolved for one state: its id, name and the taxes it levies. */
export interface ResolvedLocal {
  id: string;
  name: string;
  parts: LocalPart[];
}

/** The ids of a state's localities: named ones, then its counties. */
export function localityIds(state: StateTables): string[] {
  return [...Object.keys(state.locals ?? {}), ...Object.keys(state.counties?.rates ?? {})];
}

/** The name of a locality of the state (a county's from its id where the data gives none). */
export function localName(state: StateTables, id: string): string {
  const local = state.locals?.[id];
  if (local) return local.name;
  return countyName(state, id);
}

function countyName(state: StateTables, id: string): string {
  const named = state.counties?.names?.[id];
  if (named) return named;
  const words = id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return `${words.join(' ')} County`;
}

/**
 * The locality `id` of a state (undefined: the state's default, a county every resident has;
 * null or 'none': no local tax). Unknown ids are refused naming the field.
 */
export function resolveLocal(
  state: StateTables,
  code: string,
  id: string | null | undefined,
): ResolvedLocal | undefined {
  const wanted =
    id === undefined ? state.counties?.default : id === null || id === 'none' ? undefined : id;
  if (wanted === undefined) return undefined;
  if (state.locals && Object.hasOwn(state.locals, wanted)) {
    const local = state.locals[wanted]!;
    const parts = local.parts.map((p) => (typeof p === 'string' ? state.localParts?.[p] : p));
    if (parts.some((p) => p === undefined))
      throw new Error(`${code} ${wanted}: a part is not in localParts`);
    return { id: wanted, name: local.name, parts: parts as LocalPart[] };
  }
  const counties = state.counties;
  if (counties && Object.hasOwn(counties.rates, wanted)) {
    const name = countyName(state, wanted);
    const figures: Sourced = { src: counties.src, year: counties.year };
    if (counties.uncertain) figures.uncertain = true;
    return {
      id: wanted,
      name,
      parts: [
        {
          ...figures,
          id: wanted,
          label: `${name} income tax`,
          base: 'state-taxable',
          rate: counties.rates[wanted]!,
        },
      ],
    };
  }
  throw new InputError(`locality '${wanted}' is not one of ${code}'s`, 'locality');
}

/** What a local tax is worked out from. */
export interface LocalContext {
  filing: Filing;
  persons: number;
  gross: number;
  hsa: number;
  /** Federal AGI (for credits by income). */
  agi: number;
  stateTaxable: number;
  /** The state's income tax after credits. */
  stateTax: number;
}

/** A local tax levied as a fixed amount, a monthly amount or a share of the state's tax. */
function fixedTax(part: LocalPart, c: LocalContext): { amount: number; basis: string } | undefined {
  if (part.share !== undefined)
    return {
      amount: part.share * Math.max(0, c.stateTax),
      basis: `${pct(part.share)} of ${money(c.stateTax)} state income tax`,
    };
  if (part.fixed !== undefined)
    return {
      amount: c.gross >= (part.minWages ?? 0) ? part.fixed : 0,
      basis: `${money(part.fixed)} a year`,
    };
  if (part.monthly !== undefined)
    return {
      amount: c.gross / 12 >= (part.minMonthly ?? 0) ? 12 * part.monthly : 0,
      basis: `$${part.monthly.toFixed(2)} a month`,
    };
  return undefined;
}

/** What a rate-based local tax is levied on, and the words for it. */
function localBase(part: LocalPart, c: LocalContext): { base: number; of: string } {
  if (part.base === 'state-taxable')
    return { base: c.stateTaxable, of: `${money(c.stateTaxable)} state taxable income` };
  const pay = c.gross - c.hsa;
  const payWords = `${money(pay)} wages${c.hsa > 0 ? ' less HSA' : ''} (401(k) deferrals taxed)`;
  if (!part.each) return { base: pay, of: payWords };
  const exempt = part.each * c.persons;
  const base = Math.max(0, pay - exempt);
  return { base, of: `${money(base)} taxable: ${payWords} - ${money(exempt)} exemptions` };
}

/** A local tax's credits (New York City's), taken off `amount`; the words for each. */
function localCredits(part: LocalPart, c: LocalContext, amount: number): [number, string[]] {
  const words: string[] = [];
  for (const credit of part.credits ?? []) {
    let x: number;
    if (credit.rates)
      x =
        c.stateTaxable <= (credit.taxableUpTo ?? Infinity)
          ? bracketTax(ratesFor(credit.rates, c.filing), c.stateTaxable)
          : 0;
    else if (credit.amount)
      x = c.agi <= pick(credit.upTo ?? Infinity, c.filing) ? pick(credit.amount, c.filing) : 0;
    else x = Math.min(Math.max(0, amount), creditAmount(credit, c.filing, c.persons, c.agi));
    if (x > 0) {
      amount -= x;
      words.push(`less ${money(x)} ${credit.label}`);
    }
  }
  return [amount, words];
}

/** One local tax: its amount (negative only where refundable credits exceed it) and basis. */
export function localTax(part: LocalPart, c: LocalContext): { amount: number; basis: string } {
  const fixed = fixedTax(part, c);
  if (fixed) return fixed;
  const { base, of } = localBase(part, c);
  let amount: number;
  let basis: string;
  if (part.rates) {
    const brackets = ratesFor(part.rates, c.filing);
    amount = bracketTax(brackets, base);
    basis = amount > 0 ? `${bracketSpan(brackets, base)} on ${of}` : `nothing on ${of}`;
  } else if (part.rateByIncome) {
    const rate = lookup(part.rateByIncome[c.filing], base, part.rateByIncome.right);
    amount = rate * base;
    basis = `${pct(rate)} of ${of} (one rate on all of it, by income)`;
  } else {
    amount = (part.rate ?? 0) * base;
    basis = `${pct(part.rate ?? 0)} of ${of}`;
  }
  const [net, words] = localCredits(part, c, amount);
  return { amount: net, basis: words.length ? `${basis}; ${words.join('; ')}` : basis };
}

/** One payroll premium's amount and basis. */
export function premium(
  p: Premium,
  c: { gross: number; pretax: number; hsa: number },
  ssWageBase: number,
): { amount: number; basis: string } {
  const base = p.base ?? 'gross';
  const wages =
    base === 'gross' ? c.gross : base === 'fica' ? c.gross - c.hsa : c.gross - c.pretax - c.hsa;
  const share = p.share ?? 1;
  const rate = p.rate * share;
  const cap = p.cap === 'ss' ? ssWageBase : (p.cap ?? Infinity);
  let amount = rate * Math.min(wages, cap);
  const shareText = share === 1 ? '' : ` (${pct(share)} of the ${pct(p.rate)} premium)`;
  const what =
    base === 'gross' ? 'wages' : base === 'fica' ? 'wages less HSA' : 'wages less 401(k) and HSA';
  let basis: string;
  if (Number.isFinite(cap))
    basis =
      wages >= cap
        ? `${pct(rate)}${shareText} of ${what} up to ${money(cap)}`
        : `${pct(rate)}${shareText} of ${money(wages)} ${what} (taxed up to ${money(cap)})`;
  else if (p.max !== undefined)
    basis = `${pct(rate)}${shareText} of ${money(wages)} ${what}, at most $${p.max.toFixed(2)} a year`;
  else basis = `${pct(rate)}${shareText} of ${money(wages)} ${what} (no cap)`;
  if (p.max !== undefined) amount = Math.min(amount, p.max);
  return { amount, basis };
}
