// The command line: commander wiring only. Each command lives in src/commands/; errors become
// output in one place (handleError), which alone chooses exit codes.
import { Command, CommanderError, Option } from 'commander';
import { estimateCommand } from './commands/estimate.js';
import { listCommand } from './commands/list.js';
import type { CareerOptions } from './commands/career.js';
import type { CompareOptions } from './commands/compare.js';
import type { OfferOptions } from './commands/offer.js';
import { addEquityOptions } from './offer-equity.js';
import {
  addOutputOptions,
  addProfileOptions,
  addTakeHomeOptions,
  choiceOption,
  oneFormat,
  refuseProfileFlags,
  type EstimateOptions,
} from './options.js';
import { InputError } from '../errors.js';
import { EXIT } from './exit.js';
import { DataError, UsageError } from '../errors.js';
import { print, printErr, type Io } from './io.js';
import { market as bundledMarket } from '../model/market.js';
import { editDistanceSuggest } from '../input/names.js';
import { isPromptCancel } from './prompts.js';
import { LIST_KINDS } from '../render/list.js';
import { PROFILE_FIELDS, type Market } from '../model/types.js';
import { VERSION } from './version.js';

const HELP_AFTER = `
Examples:
  $ ml-salary                                   answer five questions in a terminal
  $ ml-salary --years 6 --city sf --industry faang --skills mlops,nlp --degree masters
  $ ml-salary --years 4 --city austin --json | jq .total.mid
  $ ml-salary --years 4 --city austin --format csv
  $ ml-salary list cities                       accepted names and aliases
  $ ml-salary batch profiles.ndjson > estimates.ndjson

Without a terminal on stdin (or with --json / --no-input) it never prompts: --years is
required and the other inputs default to a typical profile (other US, enterprise employer,
no specialist skills, bachelor's), which the output lists as defaulted.

Exit codes:
  0    success
  1    data error: some batch records were invalid (each reported as "line N: ..."),
       the output could not be written (e.g. a full disk), or an unexpected internal error
  2    usage error: unknown flag or name, bad number, missing --years without a terminal
  130  cancelled (Ctrl+C at a prompt, SIGINT during a batch)
  143  terminated (SIGTERM)

Figures come from two salary guides and an open salary dataset (aijobs.net, CC0);
data/market.json names the phrase or statistic behind each one (ml-salary market lists
the sources), and the README section "How the estimate is built" explains the model.`;

const BATCH_HELP_AFTER = `
Input: NDJSON, one profile object per line ({"years": 4, "city": "austin", "skills": ["mlops"]}),
or CSV with a header row (years,city,industry,skills,degree; skills separated by ';'). Detected
from the first line. Missing fields default as in non-interactive mode; years is required.

Output: one line per good record, in input order: a compact JSON record (line, profile,
defaulted, level, base, bonus, equity, total; --explain: the whole --json document plus "line"),
or a CSV row starting with the line number. A bad record is reported on stderr as "line N: ..."
and the run goes on; then a summary line, and exit 1.

Examples:
  $ ml-salary batch profiles.ndjson > estimates.ndjson
  $ ml-salary batch profiles.csv --format csv > estimates.csv
  $ cat profiles.ndjson | ml-salary batch | jq -c '{line, total: .total.mid}'

Exit codes: 0 all estimated; 1 some records bad, or the input is not NDJSON/CSV text; 2 usage
(unknown option, a second file, a profile flag such as --city, --json and --format that
disagree, unreadable file); 130 SIGINT; 143 SIGTERM.`;

const OFFER_HELP_AFTER = `
Prints the offer year by year (base, bonus, stock vested, sign-on, total), the first-year total,
the annualized total in levels.fyi's convention (base + grant / vesting years + target bonus +
sign-on / 4), and where each part sits against the market estimate for the profile (an
approximate percentile, a verdict and the dollars to the typical figure).

Examples:
  $ ml-salary offer --years 5 --city seattle --industry faang --base 185000 --bonus 15% \\
      --equity 400000 --vesting amazon --sign-on 50000,30000
  $ ml-salary offer --years 5 --city austin --base 200k --take-home --json
  $ ml-salary offer acme.json globex.json          offer files side by side

Without a terminal it never prompts: --years and --base are required. Exit codes: 0 ok;
2 usage (a bad amount, a schedule that does not add up to 100, an unknown preset, more sign-on
years than vesting years, --refresh without --equity, a bonus over 200%, a bad offer file).`;

const COMPARE_HELP_AFTER = `
Each --vs is one scenario: field=value pairs separated by commas, with the flags' names and
aliases. skills=+nlp adds a skill and skills=-mlops removes one; skills=mlops,nlp replaces them;
years=+3 and years=-2 move the years. Prints one column per scenario (the start first), with
each one's difference from the start in dollars and percent.

Examples:
  $ ml-salary compare --years 5 --city austin --vs city=seattle --vs skills=+nlp
  $ ml-salary compare --years 6 --city seattle --vs city=sf --take-home
  $ ml-salary compare --years 8 --industry faang --vs industry=ai-startup,city=remote --json`;

const CAREER_HELP_AFTER = `
One row per point (years, level, base and total with their ranges; a new level is marked) and a
chart of the total: the typical line inside its low-high band, each --vs as a line of its own.

Examples:
  $ ml-salary career --city sf --industry faang --to 15
  $ ml-salary career --city austin --vs city=seattle --vs skills=+nlp --json`;

const DATA_HELP =
  'use this market file instead of the bundled one (start from: ml-salary market --json)';

/**
 * The market a command uses: the file given with --data (after the command, or before it), read
 * and checked, or the bundled one.
 */
async function marketFor(
  opts: { data?: string },
  top: { data?: string },
  market: Market,
): Promise<Market> {
  const file = opts.data ?? top.data;
  if (file === undefined) return market;
  const { readMarketFile } = await import('../input/market-file.js');
  return readMarketFile(file);
}

/** Build the commander program bound to `io`; `state.code` receives the action's exit code. */
export function createProgram(
  io: Io,
  market: Market,
  state: { code: number },
  argv: readonly string[] = [],
): Command {
  const program = new Command('ml-salary');
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
    .configureHelp({ subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}` })
    // Options after a subcommand belong to it (`batch --format csv` is batch's, not the table's).
    .enablePositionalOptions()
    .addHelpText('after', HELP_AFTER)
    .action(async (opts: EstimateOptions, cmd: Command) => {
      if (cmd.args.length > 0) {
        const word = cmd.args[0] ?? '';
        const names = cmd.commands.map((c) => c.name()).filter((name) => name !== 'help');
        if (word.startsWith('-') && word !== '-') {
          // Only after `--` does an option-like word reach here (else it is an unknown option).
          throw new UsageError(
            `'${word}' comes after '--', which ends the options, so it is read as a command name and there is no such command; drop the '--' (commands: ${names.join(', ')})`,
          );
        }
        const hint = editDistanceSuggest(word, names);
        throw new UsageError(
          `unknown command '${word}'${hint ? ` (did you mean '${hint}'?)` : ''}; commands: ${names.join(', ')}; options start with --`,
        );
      }
      await estimateCommand(opts, io, await marketFor(opts, {}, market));
    });

  // The subcommands are named now (for help and "unknown command") and defined when one is run:
  // their options are most of the time it takes to build the program, and a run uses one.
  const definitions = new Map<Command, () => void>();
  const later = (name: string, description: string, define: (cmd: Command) => unknown): void => {
    const cmd = program.command(name).description(description);
    definitions.set(cmd, () => {
      define(cmd);
      // A profile flag after `list`, `batch` or `market` gets the message it gets before them,
      // not "unknown option": each is there, hidden, only to be refused. (offer, compare and
      // career take the profile flags themselves.)
      if (['list', 'batch', 'market'].includes(name)) {
        for (const field of PROFILE_FIELDS) {
          cmd.addOption(new Option(`--${field} <value>`).hideHelp());
        }
      }
    });
  };
  const define = (cmd: Command): void => {
    definitions.get(cmd)?.();
    definitions.delete(cmd);
  };
  const defineAll = (): void => {
    for (const cmd of [...definitions.keys()]) define(cmd);
  };
  program.hook('preSubcommand', (_program, cmd) => define(cmd));

  later('list', 'show the accepted values and aliases for a kind of input', (cmd) =>
    cmd
      // Optional to commander only so that a missing kind gets our message (the kinds) rather
      // than "missing required argument"; the usage shows it as required.
      .argument('[kind]', `one of: ${Object.keys(LIST_KINDS).join(', ')}`)
      .usage('[options] <kind>')
      .option('--json', 'print JSON')
      .option('--data <file>', DATA_HELP)
      // --format after the kind means what it means before `list` (json, or a usage error).
      .addOption(new Option('--format <format>').hideHelp())
      .allowExcessArguments(false)
      .action(async (kind: string | undefined, opts: Partial<EstimateOptions>) => {
        const top = program.opts<EstimateOptions>();
        listCommand(
          kind,
          opts,
          { ...top, ...defined(opts) },
          io,
          await marketFor(opts, top, market),
        );
      }),
  );

  later('batch', 'estimate many profiles: NDJSON or CSV from a file, - or piped stdin', (cmd) =>
    cmd
      .argument('[file]', "input file, or '-' for stdin (default: stdin when piped)")
      .allowExcessArguments(false)
      .addOption(
        choiceOption('--input-format <format>', 'input format (default: detected)', [
          'ndjson',
          'csv',
        ]),
      )
      .addOption(
        choiceOption('--format <format>', 'output format (default: ndjson)', [
          'ndjson',
          'json',
          'csv',
        ]),
      )
      .option('--json', 'same as --format ndjson')
      .option('--explain', 'NDJSON: the whole --json document per record, with its reasons')
      .option('--data <file>', DATA_HELP)
      .option('--debug', 'show stack traces for unexpected errors')
      .addHelpText('after', BATCH_HELP_AFTER)
      .action(
        async (
          file: string | undefined,
          opts: {
            inputFormat?: 'ndjson' | 'csv';
            format?: string;
            json?: boolean;
            explain?: boolean;
            data?: string;
          },
        ) => {
          const top = program.opts<EstimateOptions>();
          refuseProfileFlags({ ...top, ...defined(opts) }, 'batch');
          // `ml-salary --json batch` / `--format csv batch` (before the subcommand) count too.
          const asked = oneFormat([
            [`--format ${opts.format}`, opts.format],
            ['--json', opts.json ? 'json' : undefined],
            [`--format ${top.format}`, top.format],
            ['--json', top.json ? 'json' : undefined],
          ]);
          if (asked === 'table' || asked === 'markdown') {
            throw new UsageError(
              `batch writes ndjson or csv, not ${asked}; pass --format ndjson or csv`,
            );
          }
          const format = asked === 'csv' ? 'csv' : 'ndjson';
          if (opts.explain && format === 'csv') {
            throw new UsageError(
              '--explain adds the reasons to NDJSON records; CSV has only the figures',
            );
          }
          const { runBatch } = await import('./commands/batch.js');
          state.code = await runBatch(
            {
              file,
              inputFormat: opts.inputFormat,
              format,
              explain: opts.explain === true,
              usage: cmd.helpInformation(),
            },
            io,
            await marketFor(opts, top, market),
          );
        },
      ),
  );

  later(
    'offer',
    'judge an offer year by year against the market (or compare offer files)',
    (offer) => {
      offer.argument(
        '[files...]',
        'offer files (JSON: schemas/offer-file.schema.json) to compare side by side',
      );
      addProfileOptions(offer, market.experience.maxYears)
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
        .addHelpText('after', OFFER_HELP_AFTER)
        .action(async (files: string[], opts: OfferOptions) => {
          refuseProfileFlags(program.opts<EstimateOptions>(), 'offer');
          const { offerCommand } = await import('./commands/offer.js');
          await offerCommand(files, opts, io, await marketFor(opts, program.opts(), market));
        });
    },
  );

  const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
  const vsHelp =
    'a scenario: field=value pairs, e.g. city=austin, skills=+nlp, years=+3, industry=ai-startup,city=remote (repeatable)';
  const careerVsHelp =
    'a scenario drawn as its own line: field=value pairs, e.g. city=austin, skills=+nlp, industry=ai-startup (repeatable; years is the axis)';
  later('compare', 'what if: the estimate against scenarios (--vs), side by side', (compare) => {
    addProfileOptions(compare, market.experience.maxYears).option(
      '--vs <changes>',
      vsHelp,
      collect,
    );
    addOutputOptions(compare, 'the scenarios');
    addTakeHomeOptions(compare)
      .option('--data <file>', DATA_HELP)
      .addHelpText('after', COMPARE_HELP_AFTER)
      .action(async (opts: CompareOptions) => {
        refuseProfileFlags(program.opts<EstimateOptions>(), 'compare');
        const { compareCommand } = await import('./commands/compare.js');
        await compareCommand(opts, io, await marketFor(opts, program.opts(), market));
      });
  });

  later(
    'career',
    'pay across a career: the estimate from --from to --to years, with a chart',
    (career) => {
      addProfileOptions(career, market.experience.maxYears, false)
        .option('--from <years>', 'the first point (default 0)')
        .option('--to <years>', 'the last point (default 20)')
        .option('--step <years>', 'years between points (default 1; at most 200 points)')
        .option('--vs <changes>', careerVsHelp, collect)
        // Only so that --years gets its own message (the years are the axis), not "unknown option".
        .addOption(new Option('--years <n>').hideHelp());
      addOutputOptions(career, 'the points');
      addTakeHomeOptions(career)
        .option('--data <file>', DATA_HELP)
        .addHelpText('after', CAREER_HELP_AFTER)
        .action(async (opts: CareerOptions) => {
          refuseProfileFlags(program.opts<EstimateOptions>(), 'career');
          const { careerCommand } = await import('./commands/career.js');
          await careerCommand(opts, io, await marketFor(opts, program.opts(), market));
        });
    },
  );

  later(
    'market',
    'the market data the estimate reads: a summary, or --json to start your own file',
    (cmd) =>
      cmd
        .option('--json', 'print the whole market file (data/market.json, or --data) as JSON')
        .option('--data <file>', 'check this market file and print it (with --json) or its summary')
        .allowExcessArguments(false)
        .action(async (opts: Partial<EstimateOptions>) => {
          const top = program.opts<EstimateOptions>();
          refuseProfileFlags({ ...top, ...defined(opts) }, 'market');
          const { marketCommand } = await import('./commands/market.js');
          marketCommand(
            opts.json === true || top.json === true,
            await marketFor(opts, top, market),
            io,
          );
        }),
  );

  const commands = (): string[] =>
    program.commands.map((c) => c.name()).filter((name) => name !== 'help');
  program
    .command('help')
    .description('show help for a command')
    .argument('[command]', `one of: ${commands().join(', ')}`)
    .allowExcessArguments(false)
    .action((name: string | undefined) => {
      const sub = name === undefined ? program : program.commands.find((c) => c.name() === name);
      if (sub === undefined || sub.name() === 'help') {
        const hint = editDistanceSuggest(name ?? '', commands());
        throw new UsageError(
          `no help for '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}; commands: ${commands().join(', ')}`,
        );
      }
      defineAll();
      sub.outputHelp();
    });

  // Help lists every command with its usage: a help flag anywhere defines them all first.
  if (argv.some((a) => a === '--help' || a === '-h')) defineAll();

  program.exitOverride();
  program.configureOutput({
    writeOut: (s) => print(io, s),
    writeErr: (s) => printErr(io, s),
    outputError: (s, write) => write(`ml-salary: ${oneLine(s)}\n`),
  });
  for (const sub of program.commands) {
    sub.exitOverride();
    sub.configureOutput(program.configureOutput());
  }
  return program;
}

/** The options commander set (it leaves the others undefined), to lay over the root's. */
function defined<T extends object>(opts: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(opts).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
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
  const program = createProgram(io, market, state, argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return state.code;
  } catch (error) {
    return handleError(error, io, argv.includes('--debug'));
  }
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
  if (isPromptCancel(error)) {
    printErr(io, 'Cancelled\n');
    return EXIT.cancelled;
  }
  // A bad value or a misused command line is a usage error (2); a whole input or output that
  // fails is a data error (1).
  if (error instanceof InputError || error instanceof UsageError || error instanceof DataError) {
    printErr(io, `ml-salary: error: ${error.message}\n`);
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
