// The federal alternative minimum tax an ISO exercise triggers (data/amt-2026.json). Pure: the
// tables and the regular federal income tax come in; wage income, the ISO spread and the
// standard deduction only (no other AMT adjustment, no state AMT).
import type { Filing } from './tax.js';

export interface AmtTables {
  taxYear: number;
  exemption: Record<Filing, number> & { source: string; year: number };
  phaseOut: { start: Record<Filing, number>; rate: number; source: string; year: number };
  rates: {
    brackets: { over: number; rate: number }[];
    source: string;
    year: number;
    uncertain?: boolean;
    note?: string;
  };
  iso: { yearlyLimit: number; windowMonths: number; source: string; year: number };
}

export interface Amt {
  /** Alternative minimum taxable income: wages less pre-tax contributions, plus the ISO spread. */
  amti: number;
  /** The exemption left after the phase-out. */
  exemption: number;
  /** The tentative minimum tax (26% / 28% of AMTI over the exemption). */
  tentative: number;
  /** The regular federal income tax it is compared with. */
  regular: number;
  /** The AMT owed: tentative minimum tax above the regular tax, else 0. Whole dollars. */
  amt: number;
  /** The ISO spread that could be exercised this year without AMT (the rest of the room). */
  room: number;
}

function tentative(tables: AmtTables, filing: Filing, amti: number): [number, number] {
  const p = tables.phaseOut;
  const exemption = Math.max(
    0,
    tables.exemption[filing] - p.rate * Math.max(0, amti - p.start[filing]),
  );
  const base = Math.max(0, amti - exemption);
  const b = tables.rates.brackets;
  let tax = 0;
  b.forEach((r, i) => {
    const up = b[i + 1]?.over ?? Infinity;
    if (base > r.over) tax += (Math.min(base, up) - r.over) * r.rate;
  });
  return [tax, exemption];
}

/**
 * The AMT on wages `wages` (after pre-tax contributions) with an ISO spread of `spread`, given
 * the regular federal income tax on the wages: AMTI = wages + spread (the standard deduction
 * is not allowed), less the exemption (which falls by `phaseOut.rate` of AMTI over the
 * threshold), taxed 26% then 28%; AMT is what that exceeds the regular tax by. `room` is the
 * largest spread (whole dollars) with no AMT at these wages, found by bisection.
 */
export function amtOn(
  wages: number,
  spread: number,
  regular: number,
  filing: Filing,
  tables: AmtTables,
): Amt {
  const amti = wages + spread;
  const [tmt, exemption] = tentative(tables, filing, amti);
  let lo = 0;
  let hi = 1;
  const owes = (s: number): boolean => tentative(tables, filing, wages + s)[0] > regular;
  if (owes(0)) hi = 0;
  else {
    while (!owes(hi) && hi < 1e12) hi *= 2;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (owes(mid)) hi = mid;
      else lo = mid;
    }
  }
  return {
    amti,
    exemption: Math.round(exemption),
    tentative: Math.round(tmt),
    regular: Math.round(regular),
    amt: Math.max(0, Math.round(tmt - regular)),
    room: hi === 0 ? 0 : lo,
  };
}
