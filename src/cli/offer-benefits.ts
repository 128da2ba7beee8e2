// The offer command's benefit flags (--match, --espp, --espp-lookback): their definitions and the
// raw values they carry (parsed by input/benefits.ts). Light: the command definition loads it.
import type { Command } from 'commander';

/** The benefit flags, as commander gives them. */
export interface BenefitOptions {
  match?: string;
  espp?: string;
  esppLookback?: boolean;
}

/** Add the benefit flags to the offer command. */
export function addBenefitOptions(cmd: Command): Command {
  return cmd
    .option(
      '--match <pct@pct,...>',
      '401(k) match: 50%@6% (50% of what you put in, up to 6% of pay), or tiers 100%@3%,50%@2%',
    )
    .option(
      '--espp <pct[@pct]>',
      'employee stock purchase plan: its discount (15%), and its limit on contributions (15%@10%)',
    )
    .option('--espp-lookback', 'with --espp: the price is the lower of the offering start and end');
}
