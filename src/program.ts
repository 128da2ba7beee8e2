// The command line: commander wiring only. Each command lives in src/commands/; errors become
// output in one place (handleError), which alone chooses exit codes.
import { Command, CommanderError, Option } from 'commander';
import { estimateCommand } from './commands/estimate.js';
import { listCommand } from './commands/list.js';
import {
  choiceOption,
  FORMATS,
  oneFormat,
  refuseProfileFlags,
  type EstimateOptions,
} from './commands/options.js';
import { InputError } from './errors.js';
import { DataError, EXIT, UsageError } from './exit.js';
import type { Io } from './io.js';
import { market as bundledMarket } from './market.js';
import { editDistanceSuggest } from './normalise.js';
import { isPromptCancel } from './prompts.js';
import { LIST_KINDS } from './render/list.js';
import { PROFILE_FIELDS, type Market } from './types.js';
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

Figures come from two salary guides (data/market.json names the phrase behind each one);
see the README section "How the estimate is built".`;

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

/** Build the commander program bound to `io`; `state.code` receives the action's exit code. */
export function createProgram(io: Io, market: Market, state: { code: number }): Command {
  const program = new Command('ml-salary');
  program
    .description(
      "Estimate an ML engineer's base, bonus, equity and total pay, with a range and the reasons.",
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .option(
      '--years <n>',
      `years of experience, 0-${market.experience.maxYears} (decimals allowed)`,
    )
    .option('--city <name>', "city or 'remote' (see: ml-salary list cities)")
    .option('--industry <name>', 'industry / employer type (see: ml-salary list industries)')
    .option(
      '--skills <list>',
      'comma-separated skills, e.g. mlops,nlp; may be repeated (see: ml-salary list skills)',
      // `--skills mlops --skills nlp` means both, not the last one only.
      (value: string, previous?: string) =>
        previous === undefined ? value : `${previous},${value}`,
    )
    .option('--degree <name>', 'highest degree: none, bachelors, masters, phd')
    .addOption(choiceOption('--format <format>', 'output format', FORMATS))
    .option('--json', 'print only the JSON document (same as --format json); never prompts')
    .option('--no-input', 'never prompt; missing values are required or defaulted')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (NO_COLOR=1 works too)')
    .option('--debug', 'show stack traces for unexpected errors')
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
      await estimateCommand(opts, io, market);
    });

  program
    .command('list')
    .description('show the accepted values and aliases for a kind of input')
    // Optional to commander only so that a missing kind gets our message (the kinds) rather
    // than "missing required argument"; the usage shows it as required.
    .argument('[kind]', `one of: ${Object.keys(LIST_KINDS).join(', ')}`)
    .usage('[options] <kind>')
    .option('--json', 'print JSON')
    // --format after the kind means what it means before `list` (json, or a usage error).
    .addOption(new Option('--format <format>').hideHelp())
    .allowExcessArguments(false)
    .action((kind: string | undefined, opts: Partial<EstimateOptions>) => {
      const top = program.opts<EstimateOptions>();
      listCommand(kind, opts, { ...top, ...defined(opts) }, io, market);
    });

  program
    .command('batch')
    .description('estimate many profiles: NDJSON or CSV from a file, - or piped stdin')
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
        },
        cmd: Command,
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
          market,
        );
      },
    );

  // A profile flag after `list` or `batch` gets the message it gets before them, not "unknown
  // option": each is there, hidden, only to be refused.
  for (const sub of program.commands) {
    for (const field of PROFILE_FIELDS) sub.addOption(new Option(`--${field} <value>`).hideHelp());
  }

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
      sub.outputHelp();
    });

  program.exitOverride();
  program.configureOutput({
    writeOut: (s) => void io.stdout.write(s),
    writeErr: (s) => void io.stderr.write(s),
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
  const program = createProgram(io, market, state);
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
    io.stderr.write('Cancelled\n');
    return EXIT.cancelled;
  }
  // A bad value or a misused command line is a usage error (2); a whole input or output that
  // fails is a data error (1).
  if (error instanceof InputError || error instanceof UsageError || error instanceof DataError) {
    io.stderr.write(`ml-salary: error: ${error.message}\n`);
    return error instanceof DataError ? EXIT.data : EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    `ml-salary: internal error: ${oneLine(message)}${debug ? '' : ' (run with --debug for details)'}\n`,
  );
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT.data;
}
