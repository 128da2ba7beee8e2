// The tax on exercising options at a spread (FMV - strike, times the options) on top of a year's
// cash pay: an NSO's spread is wages; an ISO's an adjustment to the federal alternative minimum
// tax (data/amt-2026.json: wages, the spread and no standard deduction; no other adjustment, no
// state AMT). Loaded with the tax tables, only when some option has a spread to tax.
import AMT from '../../data/amt-2026.json' with { type: 'json' };
import TAX from '../../data/tax-2026.json' with { type: 'json' };
import type { OptionType } from './offer.js';
import { bracketTax } from './tax/math.js';
import type { Bracket, Filing, Supplemental } from './tax/types.js';
import type { TakeHomeRequest, TakeHomeView } from './take-home.js';

/** The AMT figures of a year (whole dollars): AMTI, the exemption left, the tentative minimum tax, the regular tax. */
export interface Amt {
  amti: number;
  exemption: number;
  tentative: number;
  regular: number;
  /** The AMT owed: the tentative minimum tax above the regular tax, else 0. */
  amt: number;
  /** The ISO spread these wages could have with no AMT. */
  room: number;
}

/** The tax on one exercise: NSO: the taxes the spread adds as wages; ISO: the AMT. */
export interface Tax extends Partial<Omit<Amt, 'amt'>> {
  type: OptionType;
  amount: number;
  /** NSO: federal income tax withheld at the flat supplemental rate (the rest is due at filing). */
  withheld?: number;
  /** ISO: options over the $100,000 yearly ISO limit, taxed as NSOs, and that tax as wages. */
  overLimit?: number;
  /** ISO over the limit: those options' spread, and the tax on it as wages (in `amount` with any AMT). */
  wagesSpread?: number;
  wagesTax?: number;
  /** ISO: true where the AMT's base reaches its 28% rate, whose 2026 start is an estimate; NSO: the withholding rates are 2025's. */
  uncertain?: boolean;
  taxYear: number;
}

/** Where the pay is taxed: the request, and the take-home pay at a gross figure there. */
export interface TaxPlace {
  request: TakeHomeRequest;
  /** `supplemental`: what of the pay is withheld at the flat rate (for the note on it); `months`: a year cut short. */
  taxed: (
    gross: number,
    name: string,
    supplemental?: Supplemental,
    months?: number,
  ) => TakeHomeView;
}

const flat = TAX.federal.supplementalWithholding;
const BRACKETS = AMT.rates.brackets.map((b): Bracket => [b.over, b.rate]);

/** The tentative minimum tax on `amti` and the exemption left after its phase-out. */
function tentative(filing: Filing, amti: number): [number, number] {
  const p = AMT.phaseOut;
  const exemption = Math.max(
    0,
    AMT.exemption[filing] - p.rate * Math.max(0, amti - p.start[filing]),
  );
  return [bracketTax(BRACKETS, Math.max(0, amti - exemption)), exemption];
}

/**
 * The AMT on `wages` (after pre-tax contributions) with an ISO spread of `spread`, given the
 * regular federal income tax: AMTI = wages + spread, less the exemption (falling by
 * `phaseOut.rate` of AMTI over the threshold), taxed 26% then 28%; the AMT is what that exceeds
 * the regular tax by. `room`: the largest spread with no AMT at these wages (bisection).
 */
export function amtOn(wages: number, spread: number, regular: number, filing: Filing): Amt {
  const [tmt, exemption] = tentative(filing, wages + spread);
  const owes = (s: number): boolean => tentative(filing, wages + s)[0] > regular;
  let lo = 0;
  let hi = owes(0) ? 0 : 1;
  if (hi) {
    while (!owes(hi) && hi < 1e12) hi *= 2;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (owes(mid)) hi = mid;
      else lo = mid;
    }
  }
  return {
    amti: wages + spread,
    exemption: Math.round(exemption),
    tentative: Math.round(tmt),
    regular: Math.round(regular),
    amt: Math.max(0, Math.round(tmt - regular)),
    room: lo,
  };
}

/**
 * The tax on exercising `options` options with a spread of `spread` dollars in a year with
 * `cash` wages, where `place` taxes them. ISOs whose grant-date value (`grantFmv` a share) passes
 * $100,000 in the year they first vest are NSOs (26 U.S.C. 422(d)): `vests`, the options by the
 * year they vested (default: all in one year). An NSO's federal tax is withheld at the flat
 * supplemental rate, the mandatory rate on the spread over its threshold. `months`: a year cut
 * short by leaving.
 */
export function exerciseTax(
  type: OptionType,
  options: number,
  spread: number,
  grantFmv: number,
  cash: number,
  place: TaxPlace,
  months?: number,
  vests: readonly number[] = [options],
): Tax {
  const at = (gross: number) => place.taxed(gross, 'the exercise', undefined, months);
  const taxes = (gross: number): number => gross - at(gross).pretax - at(gross).net;
  if (type === 'nso')
    return {
      type,
      amount: taxes(cash + spread) - taxes(cash),
      withheld: Math.round(
        flat.rate * Math.min(spread, flat.mandatoryRateOver) +
          flat.mandatoryRate * Math.max(0, spread - flat.mandatoryRateOver),
      ),
      ...(flat.uncertain && { uncertain: true }),
      taxYear: TAX.taxYear,
    };
  const limit = grantFmv > 0 ? Math.floor(AMT.iso.yearlyLimit / grantFmv) : options;
  const over = vests.reduce((n, v) => n + Math.max(0, v - limit), 0);
  const nsoSpread = options > 0 ? Math.round((spread * over) / options) : 0;
  const wages = cash + nsoSpread;
  const w = at(wages);
  const regular = w.taxes.find((t) => t.id === 'federal')?.amount ?? 0;
  // AMTI starts from the wages the regular tax sees: less the 401(k) and the payroll HSA.
  const { amt, ...a } = amtOn(wages - w.pretax - w.hsa, spread - nsoSpread, regular, w.filing);
  const wagesTax = over > 0 ? taxes(wages) - taxes(cash) : 0;
  const out: Tax = { type, amount: amt + wagesTax, ...a, taxYear: AMT.taxYear };
  if (over > 0) Object.assign(out, { overLimit: over, wagesSpread: nsoSpread, wagesTax });
  if (AMT.rates.uncertain && a.amti - a.exemption > BRACKETS[1]![0]) out.uncertain = true;
  return out;
}
