// The tax on exercising options at a given spread (FMV - strike, times the options), on top of a
// year's cash pay: an NSO's spread is wages; an ISO's is an AMT adjustment (data/amt-2026.json).
// Loaded with the tax tables, only when some option has a spread to tax.
import amtTables from '../../data/amt-2026.json' with { type: 'json' };
import tables from '../../data/tax-2026.json' with { type: 'json' };
import { amtOn, type AmtTables } from './amt.js';
import type { OptionType } from './options.js';
import type { TaxTables } from './tax.js';
import type { TakeHomeRequest, TakeHomeView } from './take-home.js';

const AMT = amtTables as unknown as AmtTables;
const TAX = tables as unknown as TaxTables;

/** The tax on one exercise. */
export interface Tax {
  type: OptionType;
  /** NSO: income tax, Social Security, Medicare and state taxes the spread adds; ISO: the AMT. */
  amount: number;
  /** NSO: federal income tax withheld at the flat supplemental rate (the rest is due at filing). */
  withheld?: number;
  /** ISO: the AMT figures (AMTI, exemption left, tentative minimum tax, regular tax, room). */
  amti?: number;
  exemption?: number;
  tentative?: number;
  regular?: number;
  /** ISO: the spread these wages could have had with no AMT. */
  room?: number;
  /** ISO: options over the $100,000 yearly ISO limit, taxed as NSOs (their tax is in `amount`). */
  overLimit?: number;
  taxYear: number;
}

/** Where the pay is taxed: the request, and the take-home pay at a gross figure there. */
export interface TaxPlace {
  request: TakeHomeRequest;
  taxed: (gross: number, name: string) => TakeHomeView;
}

/** The taxes on `gross` wages (before pre-tax contributions) at `place`. */
function taxesOn(gross: number, place: TaxPlace): number {
  return gross - place.request.pretax - place.taxed(gross, 'the exercise').net;
}

/** The tax an NSO spread adds to `cash` wages, and the federal withholding it gets. */
function nsoTax(
  spread: number,
  cash: number,
  place: TaxPlace,
): { amount: number; withheld: number } {
  const flat = TAX.federal.supplementalWithholding;
  return {
    amount: taxesOn(cash + spread, place) - taxesOn(cash, place),
    withheld: Math.round(spread * (flat?.rate ?? 0)),
  };
}

/**
 * The tax on exercising `options` options with a spread of `spread` dollars in a year with
 * `cash` wages. NSO: the spread is wages (federal and state income tax, Social Security,
 * Medicare, state payroll premiums); ISO: the spread is added to AMTI and the AMT is what the
 * tentative minimum tax exceeds the regular federal income tax by. ISOs whose grant-date value
 * (`grantFmv` a share) passes $100,000 in the year are NSOs (26 U.S.C. 422(d)).
 */
export function exerciseTax(
  type: OptionType,
  options: number,
  spread: number,
  grantFmv: number,
  cash: number,
  place: TaxPlace,
): Tax {
  if (type === 'nso') return { type, ...nsoTax(spread, cash, place), taxYear: TAX.taxYear };
  const limit = grantFmv > 0 ? Math.floor(AMT.iso.yearlyLimit / grantFmv) : options;
  const over = Math.max(0, options - limit);
  const nsoSpread = options > 0 ? Math.round((spread * over) / options) : 0;
  const wages = cash + nsoSpread;
  const view = place.taxed(wages, 'the exercise');
  const regular = view.taxes.find((t) => t.id === 'federal')?.amount ?? 0;
  const a = amtOn(
    wages - place.request.pretax,
    spread - nsoSpread,
    regular,
    place.request.filing,
    AMT,
  );
  const out: Tax = {
    type,
    amount: a.amt + (over > 0 ? taxesOn(wages, place) - taxesOn(cash, place) : 0),
    amti: a.amti,
    exemption: a.exemption,
    tentative: a.tentative,
    regular: a.regular,
    room: a.room,
    taxYear: AMT.taxYear,
  };
  if (over > 0) out.overLimit = over;
  return out;
}
