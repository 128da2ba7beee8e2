// `ml-salary compare --vs ...`: what-if scenarios side by side (the work: run/compare.ts).
import type { Command } from 'commander';
import {
  addOutputOptions,
  addProfileOptions,
  addTakeHomeOptions,
  collect,
  DATA_HELP,
  type CommandContext,
  type CompareOptions,
} from '../options.js';

const HELP_AFTER = `
Each --vs is one scenario: field=value pairs separated by commas, with the
flags' names and aliases. skills=+nlp adds a skill and skills=-mlops removes
one; skills=mlops,nlp replaces them; years=+3 and years=-2 move the years.
Prints one column per scenario (the start first), with each one's difference
from the start in dollars and percent.

Examples:
  $ ml-salary compare --years 5 --city austin --vs city=seattle --vs skills=+nlp
  $ ml-salary compare --years 6 --city seattle --vs city=sf --take-home
  $ ml-salary compare --years 8 --industry faang \\
      --vs industry=ai-startup,city=remote --json`;

export function defineCompare(program: Command, ctx: CommandContext): void {
  const compare = program
    .command('compare')
    .description('what if: the estimate against scenarios (--vs), side by side');
  addProfileOptions(compare, ctx.maxYears).option(
    '--vs <changes>',
    'a scenario: field=value pairs, e.g. city=austin, skills=+nlp, years=+3, industry=ai-startup,city=remote (repeatable)',
    collect,
  );
  addOutputOptions(compare, 'the scenarios', false);
  addTakeHomeOptions(compare)
    .option('--data <file>', DATA_HELP)
    .addHelpText('after', HELP_AFTER)
    .action(async (opts: CompareOptions, cmd: Command) => {
      const { compareCommand } = await import('../run/compare.js');
      await compareCommand(opts, ctx.io, await ctx.market(opts), cmd.args);
    });
}
