// The command line: commander wiring only. Each command defines itself in cli/commands/ (its
// flags and help; the heavier work is in cli/run/, loaded when the command runs); errors become
// output in one place (handleError), which alone chooses exit codes.
import { Command, CommanderError } from 'commander';
import { estimateCommand } from './commands/estimate.js';
import { defineList } from './commands/list.js';
import { defineBatch } from './commands/batch.js';
import { defineCareer } from './commands/career.js';
import { defineCompare } from './commands/compare.js';
import { defineMarket } from './commands/market.js';
import { defineOffer } from './commands/offer.js';
import { defineProfile } from './commands/profile.js';
import { defineCompletion } from './commands/completion.js';
import {
  addOutputOptions,
  addProfileOptions,
  addTakeHomeOptions,
  DATA_HELP,
  meant,
  type CommandContext,
  type EstimateOptions,
} from './options.js';
import { DataError, InputError, StoppedError, UsageError } from '../errors.js';
import { EXIT } from './exit.js';
import { outputWidth, print, printErr, type Io } from './io.js';
import { market as bundledMarket } from '../model/market.js';
import { isPromptCancel } from './prompts.js';
import type { Market } from '../model/types.js';
import { VERSION } from './version.js';
import { moveJsonFields } from './json-fields.js';
import { applySavedProfile } from './profile-use.js';
import { placeRootFlags } from './root-flags.js';
import { statSync } from 'node:fs';

/** Whether `path` names a file (a word after --json that is an offer or batch file). */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const HELP_AFTER = `
Examples:
  $ ml-salary                          in a terminal: answer its questions
  $ ml-salary --years 6 --city sf --industry faang --skills mlops,nlp \\
      --degree masters
  $ ml-salary --years 4 --city austin --json | jq .total.mid
  $ ml-salary --years 4 --city austin --format csv
  $ ml-salary list cities             accepted names and aliases
  $ ml-salary batch profiles.ndjson > estimates.ndjson

Without a terminal on stdin (or with --json / --no-input) it never prompts:
--years is required and the other inputs default to a typical profile (other US,
enterprise employer, no specialist skills, bachelor's), which the output lists
as defaulted.

Exit codes:
  0    success
  1    data error: some batch records were invalid (each reported as
       "line N: ..."), the output could not be written (e.g. a full disk), or an
       unexpected internal error
  2    usage error: unknown flag or name, bad number, missing --years without a
       terminal
  130  cancelled (Ctrl+C at a prompt, SIGINT during a batch)
  143  terminated (SIGTERM)

Figures come from 1,110 levels.fyi pay records, federal wage data by metro, two
salary guides and an open salary dataset (aijobs.net, CC0); data/market.json
names the source behind each one (ml-salary market lists them), and
docs/methodology.md explains the model.`;

/** Build the commander program bound to `io`; `state.code` receives the action's exit code. */
export function createProgram(io: Io, market: Market, state: { code: number }): Command {
  const program = new Command('ml-salary');
  const commands = (): string[] =>
    program.commands.map((c) => c.name()).filter((name) => name !== 'help');
  const ctx: CommandContext = {
    io,
    state,
    maxYears: market.experience.maxYears,
    async market(opts) {
      const file = opts.data ?? program.opts<EstimateOptions>().data;
      if (file === undefined) return market;
      const { readMarketFile } = await import('../input/market-file.js');
      return readMarketFile(file, io, market);
    },
  };
  program
    .description(
      "Estimate an ML engineer's base, bonus, equity and total pay, with a range and the reasons.",
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help');
  addProfileOptions(program, market.experience.maxYears);
  addOutputOptions(program, 'the estimate');
  program.option(
    '--explain',
    'the table report in full: every reason, what each guide says, the sources',
  );
  addTakeHomeOptions(program);
  program.option('--data <file>', DATA_HELP);
  program
    .allowExcessArguments(true)
    .showSuggestionAfterError(true)
    // Commands listed by their own usage (`list [options] <kind>`), not rebuilt from arguments.
    .configureHelp({ subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}`, minWidthToWrap: 20 })
    // Options after a subcommand belong to it (`batch --format csv` is batch's, not the table's).
    .enablePositionalOptions()
    .addHelpText('after', HELP_AFTER)
    .action(async (opts: EstimateOptions, cmd: Command) => {
      if (cmd.args.length > 0) {
        const word = cmd.args[0] ?? '';
        const names = commands();
        if (word.startsWith('-') && word !== '-') {
          // Only after `--` does an option-like word reach here (else it is an unknown option).
          throw new UsageError(
            `'${word}' comes after '--', which ends the options, so it is read as a command name and there is no such command; drop the '--' (commands: ${names.join(', ')})`,
          );
        }
        throw new UsageError(
          `unknown command '${word}'${meant(word, names)}; commands: ${names.join(', ')}; options start with --`,
        );
      }
      await estimateCommand(opts, io, await ctx.market(opts));
    });

  for (const define of [
    defineList,
    defineBatch,
    defineOffer,
    defineCompare,
    defineCareer,
    defineMarket,
    defineProfile,
    defineCompletion,
  ]) {
    define(program, ctx);
  }

  program
    .command('help')
    .description('show help for a command')
    .argument('[command...]', `one of: ${commands().join(', ')}; then a subcommand (profile save)`)
    .action((names: string[]) => {
      let sub = program;
      for (const name of names) {
        const next = sub.commands.find((c) => c.name() === name);
        if (next === undefined) {
          const which = sub === program ? commands() : sub.commands.map((c) => c.name());
          const whose = sub === program ? 'commands: ' : `${sub.name()}'s commands: `;
          const list = which.length ? whose + which.join(', ') : `${sub.name()} has no commands`;
          throw new UsageError(`no help for '${names.join(' ')}'${meant(name, which)}; ${list}`);
        }
        sub = next;
      }
      sub.outputHelp();
    });

  program.hook('preAction', async (_program, action) => {
    placeRootFlags(program, action);
    await applySavedProfile(action, program, io, () => ctx.market(action.opts()));
  });

  program.exitOverride();
  program.configureOutput({
    writeOut: (s) => print(io, s),
    writeErr: (s) => printErr(io, s),
    // The help wraps to this terminal (80 when piped); below 80 columns commander's own
    // minimum (40 for the description column) left option text unwrapped (review7 T6).
    getOutHelpWidth: () => outputWidth(io) || 80,
    outputError: (s, write) => write(`ml-salary: ${oneLine(s)}\n`),
  });
  // Every command below the root too (profile's save, show and clear): a usage error is one
  // line and exit 2 wherever it happens, not commander's own exit 1.
  const below = [...program.commands];
  for (const sub of below) {
    sub.exitOverride();
    sub.configureOutput(program.configureOutput());
    below.push(...sub.commands);
  }
  return program;
}

function oneLine(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

/**
 * Run the program on `argv` (the user's arguments, without node and the script) and return the
 * exit code. Expected errors become one stderr line; nothing here calls process.exit.
 */
export async function run(
  argv: readonly string[],
  io: Io,
  market: Market = bundledMarket,
): Promise<number> {
  const state = { code: EXIT.ok as number };
  const program = createProgram(io, market, state);
  try {
    await program.parseAsync(moveJsonFields(argv, program, isFile), { from: 'user' });
    return state.code;
  } catch (error) {
    return handleError(error, io, argv.includes('--debug'));
  }
}

/**
 * The fields the model names in its errors (it knows no flags) that a flag of the same name
 * gives. A model error's message starts with its field ("pretax $100,000 is more than ..."):
 * the user reads the flag they typed there instead.
 */
const FLAG_FIELDS = ['state', 'pretax', 'filing', 'hsa', 'age', 'itemized', 'locality'];

function asFlag(error: InputError): string {
  return FLAG_FIELDS.includes(error.field) && error.message.startsWith(`${error.field} `)
    ? `--${error.message}`
    : error.message;
}

/** The one place errors become output: a line on stderr and an exit code. */
export function handleError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    ) {
      return EXIT.ok;
    }
    return EXIT.usage; // commander already printed the message through outputError
  }
  if (error instanceof StoppedError) {
    // SIGINT or SIGTERM while a file or pipe was read: end with the code the signal asks for.
    const code = io.signal?.reason === EXIT.terminated ? EXIT.terminated : EXIT.cancelled;
    printErr(io, `ml-salary: ${code === EXIT.terminated ? 'terminated' : 'interrupted'}\n`);
    return code;
  }
  if (isPromptCancel(error)) {
    printErr(io, 'Cancelled\n');
    return EXIT.cancelled;
  }
  // A bad value or a misused command line is a usage error (2); a whole input or output that
  // fails is a data error (1).
  if (error instanceof InputError || error instanceof UsageError || error instanceof DataError) {
    const message = error instanceof InputError ? asFlag(error) : error.message;
    printErr(io, `ml-salary: error: ${message}\n`);
    return error instanceof DataError ? EXIT.data : EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  printErr(
    io,
    `ml-salary: internal error: ${oneLine(message)}${debug ? '' : ' (run with --debug for details)'}\n`,
  );
  if (debug && error instanceof Error && error.stack) printErr(io, `${error.stack}\n`);
  return EXIT.data;
}
