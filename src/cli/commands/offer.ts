// `ml-salary offer`: an offer year by year against the market (the work: run/offer.ts).
import type { Command } from 'commander';
import {
  addOutputOptions,
  addProfileOptions,
  addTakeHomeOptions,
  DATA_HELP,
  type CommandContext,
} from '../options.js';
import type { OfferOptions } from '../run/offer.js';
import { addEquityOptions } from '../offer-equity.js';
import { PROFILE_FIELDS } from '../../model/types.js';

const HELP_AFTER = `
Prints the offer year by year (base, bonus, stock vested, sign-on, total), the
first-year total, the annualized total in levels.fyi's convention (base + grant
/ vesting years + target bonus + sign-on / 4), and where each part sits against
the market estimate for the profile (an approximate percentile, a verdict and
the dollars to the typical figure).

Examples:
  $ ml-salary offer --years 5 --city seattle --industry faang --base 185000 \\
      --bonus 15% --equity 400000 --vesting amazon --sign-on 50000,30000
  $ ml-salary offer --years 5 --city austin --base 200k --take-home --json
  $ ml-salary offer --years 5 --city sf --base 160k --options 40000 \\
      --strike 1.20 --fmv 1.20 --preferred 4.00 --stage seed --leave-at 18
  $ ml-salary offer acme.json globex.json          offer files side by side
  $ ml-salary offer bigtech.json seed.json --break-even
  $ ml-salary offer --years 5 --base 185k --match 50%@6% --espp 15% \\
      --espp-lookback
  $ ml-salary offer --years 5 --city seattle --base 185k --equity 400k \\
      --vesting amazon --counter

Benefits (--match, --espp) get their own rows, before tax and within the 2026
limits: they are not in the totals or the market comparison (docs/offers.md:
benefits).

Options: ISO (AMT on exercise) unless --option-type nso (the spread is wages).
--stage gives a private company's odds at an exit (data/startup.json): the
chance of nothing, the median, the expected value (risk-adjusted) and a good
outcome, beside paper (at the preferred price) and cash. docs/offers.md has the
model and worked examples.

Without a terminal it never prompts: --years and --base are required. Exit
codes: 0 ok; 2 usage (a bad amount, a schedule that does not add up to 100, an
unknown preset, more sign-on years than vesting years, --refresh without
--equity, a bonus over 200%, a bad offer file, --strike without --options,
--clawback without --leave-at, --stage without stock).`;

export function defineOffer(program: Command, ctx: CommandContext): void {
  const offer = program
    .command('offer')
    .description('judge an offer year by year against the market (or compare offer files)')
    .argument(
      '[files...]',
      'offer files (JSON: schemas/offer-file.schema.json) to compare side by side',
    );
  addProfileOptions(offer, ctx.maxYears)
    .option('--base <usd>', 'base salary a year: 185000, 185,000, 185k or $185K (required)')
    .option('--bonus <pct|usd>', 'target bonus: a share of base (15%) or an amount (30000)')
    .option('--equity <usd>', "the whole stock grant's value at grant")
    .option(
      '--vesting <schedule>',
      'even, amazon, google, google-2023, nvidia, or yearly percentages like 10/20/30/40 (default even)',
    )
    .option('--sign-on <usd,...>', 'sign-on bonus paid in year 1, year 2, ...: 50000,30000')
    .option('--refresh <usd>', 'a refresher grant each year, vesting on the same schedule')
    .option('--growth <pct>', 'yearly change of the stock price, e.g. 10% or -5% (default 0%)')
    .option('--private', 'the stock is in a private company: paper value, cash judged apart');
  addEquityOptions(offer);
  addOutputOptions(offer, 'the offer');
  addTakeHomeOptions(offer)
    .option('--data <file>', DATA_HELP)
    .addHelpText('after', HELP_AFTER)
    .action(async (files: string[], opts: OfferOptions) => {
      const { offerCommand } = await import('../run/offer.js');
      // What the saved profile filled yields to an offer file's own value (a flag may not).
      const fromProfile = [...PROFILE_FIELDS, 'state'].filter(
        (k) => offer.getOptionValueSource(k) === 'config',
      );
      await offerCommand(files, { ...opts, fromProfile }, ctx.io, await ctx.market(opts));
    });
}
