// The offer command's equity, benefit and counter flags, and what it adds to the documents once
// they are built: the tax on exercising options, take-home pay that taxes cash, not paper stock,
// and a counter-offer.
import type { Command } from 'commander';
import { takeHomeFor } from './options.js';
import type { Market } from '../model/types.js';
import type { OfferDocument } from '../documents/offer.js';
import type { OfferTerms, OptionType } from '../model/offer.js';
import { InputError, UsageError } from '../errors.js';
import type { TaxPlace } from '../model/exercise.js';
import type { TakeHomeRequest } from '../model/take-home.js';
import type { RawEquity } from '../input/equity.js';
import { wholeNumber } from '../input/numbers.js';
import { money } from '../model/format.js';

/** These flags as commander gives them (text, parsed by input/equity.ts and input/benefits.ts). */
export interface EquityOptions extends Partial<
  Record<keyof RawEquity | 'horizon' | 'match' | 'espp', string>
> {
  breakEven?: boolean;
  esppLookback?: boolean;
  counter?: boolean;
}

// One flag a line: the flag, then its help after `|`.
const FLAGS = `--options <n>|stock options granted (with --strike and --fmv): 40000 or 40k
--strike <usd>|the price to buy each option share: 1.20
--fmv <usd>|the common stock's value a share today (the 409A; the price if listed)
--preferred <usd>|the last round's preferred price a share, where known: 4.00
--option-type <type>|iso or nso: how exercising is taxed (default iso)
--stage <stage>|seed, a, b, c, d, growth or public: a private company's odds at an exit
--leave-at <months>|leave after this many months: what is kept (cliff, vests, sign-on owed)
--cliff <months>|with --leave-at: months before the first vest (default 12 for a startup, per preset)
--vest-every <months>|with --leave-at: 1, 3, 6 or 12 months (monthly, quarterly)
--clawback <months>|with --leave-at: sign-on paid back if you leave within it: 12 or 12:full
--exercise-window <months>|with --leave-at and --options: months to exercise after leaving (default 3)
--exit-price <usd>|value private stock at this price a share at an exit
--break-even|with two or more offer files: the growth or exit price at which each catches the first
--horizon <years>|with --break-even: over how many years (default 4)
--match <pct@pct,...>|401(k) match: 50%@6% (50% of what you put in, up to 6% of pay), or tiers 100%@3%,50%@2%
--espp <pct[@pct]>|employee stock purchase plan: its discount (15%), and its limit on contributions (15%@10%)
--espp-lookback|with --espp: the price is the lower of the offering start and end
--counter|what to ask for: a target in the upper half of the market for the level, the parts that move, a message (a guide, not a promise)`;

/** Add these flags to the offer command. */
export function addEquityOptions(cmd: Command): Command {
  for (const line of FLAGS.split('\n')) cmd.option(...(line.split('|') as [string, string]));
  return cmd;
}

/** The break-even horizon in years, or undefined without --break-even; a usage error if misused. */
export function breakEvenHorizon(
  opts: EquityOptions,
  files: number,
  years: number[],
): number | undefined {
  if (!opts.breakEven) {
    if (opts.horizon !== undefined)
      throw new UsageError('--horizon is for --break-even: give it too');
    return undefined;
  }
  if (files < 2) throw new UsageError('--break-even compares offer files: give two or more');
  const shortest = Math.min(...years);
  const text = opts.horizon ?? '4';
  const horizon = wholeNumber(text);
  if (horizon === undefined || horizon < 1 || horizon > shortest)
    throw new UsageError(
      opts.horizon === undefined
        ? `--break-even looks 4 years ahead by default, and the shortest offer has ${shortest}: give --horizon 1 to ${shortest}`
        : `--horizon '${text}' must be whole years from 1 to ${shortest} (the shortest offer's years)`,
    );
  return horizon;
}

/**
 * Add the tax on exercising options: for each year whose options have a spread at that year's
 * FMV, and on leaving, where each offer is taxed (`places`, asked for only when some option has
 * a spread).
 */
export async function addExerciseTaxes(
  docs: readonly OfferDocument[],
  places: () => Promise<readonly TaxPlace[]>,
): Promise<void> {
  const spread = (d: OfferDocument): boolean =>
    !!d.equity?.options?.years.some((y) => y.spread > 0) || (d.leave?.exercise?.spread ?? 0) > 0;
  if (!docs.some(spread)) return;
  const [{ exerciseTax }, at] = await Promise.all([import('../model/exercise.js'), places()]);
  docs.forEach((d, i) => {
    const o = d.equity?.options;
    if (!o) return;
    const year = (n?: number) => (n ? d.years.find((r) => r.year === n) : d.years.at(-1));
    const wages = (r?: OfferDocument['years'][number]) => (r ? r.cash + paidBackEarlier(d, r) : 0);
    const tax = (n: number | undefined, t: OptionType, count: number, s: number, v?: number[]) =>
      exerciseTax(t, count, s, o.fmv, wages(year(n)), at[i]!, year(n)?.months, v);
    for (const y of o.years) if (y.spread > 0) y.tax = tax(y.year, o.type, y.vested, y.spread);
    // On leaving, the ISO limit counts the options of each year they vested in (422(d)).
    const x = d.leave?.exercise;
    if (!x || x.spread <= 0) return;
    x.tax = tax(
      undefined,
      x.type,
      x.options,
      x.spread,
      o.years.map((y) => y.vested),
    );
    const kept = d.leave!.kept;
    if (kept.expected !== undefined) kept.expected = Math.max(0, kept.expected - x.tax.amount);
  });
}

/**
 * Where each offer is taxed: --state, over several offers, is for those with no fixed state (as
 * compare does); a file's own `state` (parsed as the flag is, named as its key) for its offer.
 */
export async function taxPlaces(
  judged: readonly { doc: OfferDocument; state?: string }[],
  request: TakeHomeRequest,
  market: Market,
): Promise<TaxPlace[]> {
  const [{ parseState }, { localityIndex }] = await Promise.all([
    import('../input/take-home.js'),
    import('../model/take-home.js'),
  ]);
  const columns = judged.map((j) => ({ label: j.doc.label ?? '', profile: j.doc.profile }));
  const codes = await Promise.all(
    judged.map(({ doc, state }) =>
      labelled(doc.label ?? '', async () => state && parseState(state, 'state')),
    ),
  );
  // --locality goes to the offers whose own state has it (review6 D21), as to compare's columns.
  const l = request.locality;
  const states = l && l !== 'none' ? (localityIndex().get(l) ?? []) : undefined;
  const elsewhere = codes.map((code) => !!code && !!states && !states.includes(code));
  // Where no offer has it, each refuses it as a single offer does ("not in TX: use ...").
  const some = elsewhere.includes(false);
  const shared = (await takeHomeFor(request, columns, market, judged.length > 1))!;
  return Promise.all(
    judged.map(async ({ doc }, i): Promise<TaxPlace> => {
      const code = codes[i];
      if (!code) return { request, taxed: (g, n, c, m) => shared(g, i, n, c, m) };
      const label = doc.label ?? '';
      const note = `--locality ${l} applies only to the offers in a state that has it; ${label}'s state is ${code}.`;
      const asked =
        some && elsewhere[i]
          ? {
              ...request,
              state: code,
              locality: undefined,
              note: [request.note, note].join(' ').trim(),
            }
          : { ...request, state: code };
      const own = await labelled(label, () => takeHomeFor(asked, [columns[i]!], market, false));
      return { request: asked, taxed: (g, n, c, m) => own!(g, 0, n, c, m) };
    }),
  );
}

/**
 * Sign-on paid back in year `r` (the year left) that was paid in an earlier year: not off this
 * year's wages (an employer reduces only the wages of the year it paid), a deduction or credit at
 * filing (IRC 1341) instead, which is not computed.
 */
function paidBackEarlier(doc: OfferDocument, r: { year: number; clawback?: number }): number {
  if (!r.clawback || !doc.leave) return 0;
  return doc.leave.signOn.reduce((n, k) => n + (k.year < r.year ? k.owed : 0), 0);
}

/**
 * Take-home pay on what is taxed as pay each year: cash, and a listed company's RSUs as they vest
 * (not paper stock, not options: a note says why).
 */
export function addTakeHome(
  judged: readonly { doc: OfferDocument; state?: string }[],
  places: readonly TaxPlace[],
): void {
  judged.forEach(({ doc }, i) => {
    const e = doc.equity;
    const note =
      e?.kind === 'options'
        ? 'Options are not taxed when they vest: the net is of cash only; exercising is taxed then (an NSO spread as wages, an ISO spread under the AMT), as the exercise table shows.'
        : e?.private
          ? 'Private-company stock is not taxed here: RSUs of a private company are taxed as wages when they settle, usually at a sale or an IPO; the net is of cash only.'
          : undefined;
    // The note on flat-rate withholding says what the offer pays (N10): listed stock, a bonus, a sign-on.
    const has = (part: 'equity' | 'bonus' | 'signOn') => doc.years.some((y) => y[part] > 0);
    const supplemental = {
      stock: !!e && !note && has('equity'),
      bonus: has('bonus'),
      signOn: has('signOn'),
    };
    for (const year of doc.years) {
      const column = `${judged.length > 1 ? `${doc.label}, ` : ''}year ${year.year}`;
      const back = paidBackEarlier(doc, year);
      const gross = year.cash + back + (e && !note ? year.equity : 0);
      const amount = year.bonus + year.signOn + (supplemental.stock ? year.equity : 0);
      year.takeHome = places[i]!.taxed(gross, column, { ...supplemental, amount }, year.months);
      if (back > 0)
        year.takeHome.notes.push(
          `The ${money(back)} of sign-on paid back of earlier years is not taken off this year's wages (an employer reduces only the wages of the year it paid them) nor off the net: it is a deduction or credit at filing (IRC 1341), not computed here.`,
        );
      if (note) year.takeHome.notes.unshift(note);
    }
  });
}

/** Add a counter-offer to the offer's document (one offer: side by side has none). */
export async function addCounter(
  judged: readonly { doc: OfferDocument; terms: OfferTerms }[],
): Promise<void> {
  if (judged.length > 1) {
    throw new UsageError('--counter is for one offer: give one offer file, or the terms as flags');
  }
  const { counterView } = await import('../documents/counter.js');
  for (const j of judged) j.doc.counter = counterView(j.doc, j.terms);
}

/** Prefix an input error with the offer's label or file (its field kept). */
export async function labelled<T>(label: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InputError)
      throw new InputError(`${label}: ${error.message}`, error.field);
    throw error;
  }
}
