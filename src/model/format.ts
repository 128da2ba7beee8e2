// How figures are written, in one place: the estimator's reasons, every renderer and every message
// use these, so "$1,234", "17.5%" and "6 years" read the same everywhere.

/**
 * The largest figure ml-salary takes or prints, in dollars a year (a --data market, an offer's
 * year): far below 2^53, where JSON numbers stop being exact.
 */
export const MAX_FIGURE = 1_000_000_000;

/**
 * A whole number with its digits grouped in threes by commas, as `toLocaleString('en-US')`
 * writes it (done by hand: the first toLocaleString call loads locale data, ~15 ms). A number
 * past 2^53 (only ever in a message refusing it) is written with all its digits.
 */
export function groupThousands(n: number): string {
  if (n === 0) return '0'; // and -0, which toLocaleString writes "-0"
  if (!Number.isFinite(n)) return String(n);
  const whole = Math.round(n < 0 ? -n : n);
  if (whole === 0) return '0';
  const digits = Number.isSafeInteger(whole) ? String(whole) : BigInt(whole).toString();
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}

/** Whole dollars: 123456.4 -> "$123,456"; -5 -> "-$5"; -0 and -0.4 -> "$0". */
export function money(n: number): string {
  const whole = Math.round(n);
  return whole < 0 ? `-$${groupThousands(-whole)}` : `$${groupThousands(whole)}`;
}

/** A signed dollar change: "+$1,234", "-$1,234", "+$0". */
export function signedMoney(n: number): string {
  return Math.round(n) < 0 ? money(n) : `+${money(n)}`;
}

/** Thousands of dollars: 123456 -> "$123K"; nothing is "$0", not "$0K". */
export function moneyK(n: number): string {
  const k = Math.round(n / 1000);
  return k === 0 ? '$0' : `$${groupThousands(k)}K`;
}

/** A share as a percentage with at most one decimal: 0.175 -> "17.5%", 0.4 -> "40%". */
export function percent(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** A multiplier with at most three decimals: 1.245 -> "x1.245", 1 -> "x1". */
export function multiplier(x: number): string {
  return `x${x.toFixed(3).replace(/0+$/, '').replace(/\.$/, '')}`;
}

/** "1 year", "2.5 years": a count and its noun, singular only for exactly 1. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Years of experience: "1 year", "6 years", "2.5 years". */
export function yearsText(years: number): string {
  return plural(years, 'year');
}
