// `ml-salary profile save|show|clear`: the answers given every time, kept in the config folder
// and used by every command for what its flags leave out (the work: run/profile.ts).
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import {
  addJsonOptions,
  addProfileOptions,
  choiceOption,
  DATA_HELP,
  meant,
  NEVER_ASKS,
  exactArguments,
} from '../options.js';
import type { CommandContext } from '../options.js';
import type { SaveOptions } from '../run/profile.js';

const HELP_AFTER = `
The profile lives in $XDG_CONFIG_HOME/ml-salary/profile.json (else
~/.config/ml-salary/; %APPDATA%\\ml-salary\\ on Windows). The estimate, offer,
compare and career take from it what their flags leave out (career: all but
years), say so on stderr, and --no-profile ignores it; the state and filing
status count only with --take-home, the state only for a location without its
own (remote, us).

Examples:
  $ ml-salary profile save --years 6 --city seattle --industry big-tech \\
      --skills mlops
  $ ml-salary profile save              in a terminal: asks what flags leave out
  $ ml-salary profile save --city nyc   change one answer, keep the others
  $ ml-salary profile show
  $ ml-salary --json                    the estimate for the saved profile
  $ ml-salary profile clear

Exit codes: 0 ok; 2 usage (a bad value, nothing to save without a terminal, a
broken profile file, no config folder: HOME or XDG_CONFIG_HOME unset).`;

export function defineProfile(program: Command, ctx: CommandContext): void {
  const profile = program
    .command('profile')
    .description(
      'save your usual answers (years, city, ...) for the estimate, offer, compare, career',
    )
    .argument('[command...]', 'save, show (default) or clear; help [command]')
    .usage('[options] [command]')
    .addHelpText('after', HELP_AFTER)
    .action(async (words: string[], opts: { json?: boolean; data?: string }) => {
      const [word, name, ...more] = words;
      const names = ['save', 'show', 'clear'];
      // `profile help save` (git's order) as `help profile save` (review3 A19).
      if (word === 'help' && more.length === 0) {
        const sub = name === undefined ? profile : profile.commands.find((c) => c.name() === name);
        if (sub) return sub.outputHelp();
        throw new UsageError(
          `no help for 'profile ${name}'${meant(name!, names)}; profile's commands: save, show, clear`,
        );
      }
      if (word !== undefined) {
        throw new UsageError(
          `unknown profile command '${words.join(' ')}'${meant(word, names)}; use save, show or clear`,
        );
      }
      const { showProfile } = await import('../run/profile.js');
      await showProfile(opts, ctx.io, await ctx.market(opts));
    });
  addJsonOptions(profile, 'print the saved profile as JSON')
    .option('--data <file>', DATA_HELP)
    .option('--no-input', NEVER_ASKS);

  const save = exactArguments(profile.command('save')).description(
    'save the profile: flags, and in a terminal the answers to what they leave out',
  );
  addProfileOptions(save, ctx.maxYears)
    .addOption(
      choiceOption(save, '--filing <status>', 'filing status for --take-home: single or married', [
        'single',
        'married',
      ]),
    )
    .option(
      '--state <code>',
      "the state you live in, for --take-home at remote or us (e.g. CA or 'new york')",
    )
    .option('--no-input', 'never prompt: save only what the flags give')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (NO_COLOR=1 works too)')
    .option('--data <file>', DATA_HELP)
    .option('--debug', 'show stack traces for unexpected errors')
    .action(async (opts: SaveOptions) => {
      const { saveProfile } = await import('../run/profile.js');
      await saveProfile(opts, ctx.io, await ctx.market(opts));
    });

  const show = exactArguments(profile.command('show')).description(
    'print the saved profile and where it is',
  );
  addJsonOptions(show, 'print the saved profile as JSON')
    .option('--data <file>', DATA_HELP)
    .option('--no-input', NEVER_ASKS)
    .action(async (opts: { json?: boolean; jsonFields?: string; data?: string }) => {
      const { showProfile } = await import('../run/profile.js');
      await showProfile(opts, ctx.io, await ctx.market(opts));
    });

  exactArguments(profile.command('clear'))
    .description('remove the saved profile')
    .option('--no-input', NEVER_ASKS)
    .action(async () => {
      const { clearProfile } = await import('../run/profile.js');
      clearProfile(ctx.io);
    });
}
