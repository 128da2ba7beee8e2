// `ml-salary career`: pay across a career, with a chart (the work: run/career.ts).
import { Option, type Command } from 'commander';
import {
  addOutputOptions,
  addProfileOptions,
  addTakeHomeOptions,
  collect,
  DATA_HELP,
  type CommandContext,
} from '../options.js';
import type { CareerOptions } from '../run/career.js';

const HELP_AFTER = `
One row per point (years, level, base and total with their ranges; a new level
is marked) and a chart of the total: the typical line inside its low-high band,
each --vs as a line of its own.

Examples:
  $ ml-salary career --city sf --industry faang --to 15
  $ ml-salary career --city austin --vs city=seattle --vs skills=+nlp --json`;

export function defineCareer(program: Command, ctx: CommandContext): void {
  const career = program
    .command('career')
    .description('pay across a career: the estimate from --from to --to years, with a chart');
  addProfileOptions(career, ctx.maxYears, false)
    .option('--from <years>', 'the first point (default 0)')
    .option('--to <years>', 'the last point (default 20)')
    .option(
      '--step <years>',
      'years between points (default 1; the last step is shorter where it must be, to end at --to; at most 200 points)',
    )
    .option(
      '--vs <changes>',
      'a scenario drawn as its own line: field=value pairs, e.g. city=austin, skills=+nlp, industry=ai-startup (repeatable; years is the axis)',
      collect,
    )
    // Only so that --years gets its own message (the years are the axis), not "unknown option".
    .addOption(new Option('--years <n>').hideHelp());
  addOutputOptions(career, 'the points', false);
  addTakeHomeOptions(career)
    .option('--data <file>', DATA_HELP)
    .addHelpText('after', HELP_AFTER)
    .action(async (opts: CareerOptions, cmd: Command) => {
      const { careerCommand } = await import('../run/career.js');
      await careerCommand(opts, ctx.io, await ctx.market(opts), cmd.args);
    });
}
