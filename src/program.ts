import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { colorLevel, type ColorChoice } from './color.js';
import { InputError } from './errors.js';
import { DataError, EXIT, UsageError } from './exit.js';
import { estimate } from './estimate.js';
import { market as bundledMarket } from './market.js';
import { catalog, editDistanceSuggest } from './normalise.js';
import { clip } from './numbers.js';
import { flagName, resolveProfile, type RawProfile } from './profile.js';
import { askMissing, isPromptCancel, withoutColour } from './prompts.js';
import { renderCsv } from './render/csv.js';
import { renderJson, toDocument } from './render/document.js';
import { LIST_KINDS, renderList, renderListJson, type ListKind } from './render/list.js';
import { renderMarkdown } from './render/markdown.js';
import type { Market } from './types.js';
import { VERSION } from './version.js';

export interface OutStream {
  write(chunk: string): boolean;
  /**
   * Optional: write a command's whole output, at once. The CLI writes it synchronously without
   * creating process.stdout's stream (start-up time); without it, `write` is used.
   */
  writeAll?(text: string): void;
  isTTY?: boolean;
  columns?: number;
}

/** The world the program talks to; the CLI passes the process's, tests pass fakes. */
export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: OutStream & NodeJS.WritableStream;
  stderr: OutStream & NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  /**
   * Aborted on SIGINT/SIGTERM by the CLI, so long work can stop and say why; the abort reason
   * is the exit code to end with (130 for SIGINT, 143 for SIGTERM).
   */
  signal?: AbortSignal;
  /**
   * The script a worker thread runs to estimate part of a large batch (the CLI's own bundle,
   * which serves as a worker when started as one). Without it a batch runs on one thread.
   */
  batchWorker?: string;
}

export const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

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
  143  terminated (SIGTERM during a batch)

Figures come from two salary guides (data/market.json names the phrase behind each one);
see the README section "How the estimate is built".`;

const BATCH_HELP_AFTER = `
Input: NDJSON, one profile object per line ({"years": 4, "city": "austin", "skills": ["mlops"]}),
or CSV with a header row (years,city,industry,skills,degree; skills separated by ';'). Detected
from the first line. Missing fields default as in non-interactive mode; years is required.

Output: one line per good record, in input order: the --json document plus "line" (NDJSON), or a
CSV row starting with the line number. A bad record is reported on stderr as "line N: ..." and
the run goes on; then a summary line, and exit 1.

Examples:
  $ ml-salary batch profiles.ndjson > estimates.ndjson
  $ ml-salary batch profiles.csv --format csv > estimates.csv
  $ cat profiles.ndjson | ml-salary batch | jq -c '{line, total: .total.mid}'

Exit codes: 0 all estimated; 1 some records bad, or the input is not NDJSON/CSV text; 2 usage
(unknown option, a second file, a profile flag such as --city, --json and --format that
disagree, unreadable file); 130 SIGINT; 143 SIGTERM.`;

interface EstimateOptions {
  years?: string;
  city?: string;
  industry?: string;
  skills?: string;
  degree?: string;
  json?: boolean;
  format?: string;
  input: boolean;
  color?: boolean;
  debug?: boolean;
}

function colorChoice(color: boolean | undefined): ColorChoice {
  return color === true ? 'always' : color === false ? 'never' : 'auto';
}

function chooseFormat(opts: { json?: boolean; format?: string }): Format {
  const asked = oneFormat([
    ['--json', opts.json ? 'json' : undefined],
    [`--format ${opts.format}`, opts.format],
  ]);
  return (asked as Format | undefined) ?? 'table';
}

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
      if (cmd.args[0] === 'help') {
        // `ml-salary help [command]`, as commander offers when the root has no action of its own.
        const sub = cmd.commands.find((c) => c.name() === cmd.args[1]);
        if (cmd.args[1] !== undefined && !sub) {
          throw new UsageError(
            `no help for '${cmd.args[1]}'; commands: ${cmd.commands.map((c) => c.name()).join(', ')}`,
          );
        }
        (sub ?? cmd).outputHelp();
        state.code = EXIT.ok;
        return;
      }
      if (cmd.args.length > 0) {
        const word = cmd.args[0] ?? '';
        const names = cmd.commands.map((c) => c.name());
        const hint = editDistanceSuggest(word, names);
        throw new UsageError(
          `unknown command '${word}'${hint ? ` (did you mean '${hint}'?)` : ''}; commands: ${names.join(', ')}; options start with --`,
        );
      }
      state.code = await estimateCommand(opts, io, market);
    });

  program
    .command('list')
    .description('show the accepted values and aliases for a kind of input')
    // Optional to commander only so that a missing kind gets our message (the kinds) rather
    // than "missing required argument"; the usage shows it as required.
    .argument('[kind]', `one of: ${Object.keys(LIST_KINDS).join(', ')}`)
    .usage('[options] <kind>')
    .option('--json', 'print JSON')
    .allowExcessArguments(false)
    .action((kindText: string | undefined, opts: { json?: boolean }) => {
      const top = program.opts<EstimateOptions>();
      onlyOneEstimateFlags(top, 'list');
      if (top.format !== undefined && top.format !== 'json') {
        throw new UsageError(`list prints a table or --json, not --format ${top.format}`);
      }
      const kind = listKind(kindText);
      const entries = catalog(market, LIST_KINDS[kind].kind);
      const json = opts.json || top.json || top.format === 'json';
      print(
        io,
        json
          ? renderListJson(kind, entries)
          : renderList(kind, entries, io.stdout.isTTY ? (io.stdout.columns ?? 80) : 0),
      );
      state.code = EXIT.ok;
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
    .option(
      '--jobs <n>',
      `worker threads for a large input (default 0: none; each adds about 50 MB; at most ${MAX_JOBS})`,
    )
    .option('--debug', 'show stack traces for unexpected errors')
    .addHelpText('after', BATCH_HELP_AFTER)
    .action(
      async (
        file: string | undefined,
        opts: { inputFormat?: 'ndjson' | 'csv'; format?: string; json?: boolean; jobs?: string },
      ) => {
        const { runBatch } = await import('./batch.js');
        const jobs = opts.jobs === undefined ? undefined : parseJobs(opts.jobs);
        const top = program.opts<EstimateOptions>();
        onlyOneEstimateFlags(top, 'batch');
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
        state.code = await runBatch(
          { file, inputFormat: opts.inputFormat, format, usage: batchUsage(program), jobs },
          io,
          market,
        );
      },
    );

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

/**
 * An option that takes one of `choices` (listed in --help, as commander's `.choices()` does),
 * matched case-insensitively, with a "did you mean" for a near miss.
 */
function choiceOption(flags: string, description: string, choices: readonly string[]): Option {
  return new Option(flags, description).choices(choices).argParser((value: string) => {
    const t = value.trim().toLowerCase();
    if (choices.includes(t)) return t;
    const hint = editDistanceSuggest(t, choices);
    throw new InvalidArgumentError(
      `${hint ? `Did you mean '${hint}'? ` : ''}Allowed choices are ${choices.join(', ')}.`,
    );
  });
}

/** The single-estimate flags that name a profile field. */
const PROFILE_FLAGS = ['years', 'city', 'industry', 'skills', 'degree'] as const;

/**
 * A profile flag before `batch` or `list` would be silently dropped (batch records have their
 * own; a list has no profile): a usage error instead.
 */
function onlyOneEstimateFlags(top: EstimateOptions, command: 'batch' | 'list'): void {
  const given = PROFILE_FLAGS.find((flag) => top[flag] !== undefined);
  if (given === undefined) return;
  throw new UsageError(
    command === 'batch'
      ? `--${given} is for a single estimate; in batch each record gives its own ${given} (see: ml-salary batch --help)`
      : `--${given} is for a single estimate; list takes only a kind, e.g. ml-salary list cities`,
  );
}

/**
 * The one output format asked for, from the places it can be given (each as its flag as typed
 * and the format it asks for); two that disagree are a usage error. `json` and `ndjson` agree:
 * for batch both mean one JSON document per line.
 */
function oneFormat(
  given: readonly [flag: string, format: string | undefined][],
): string | undefined {
  const kind = (format: string): string => (format === 'ndjson' ? 'json' : format);
  let first: [flag: string, format: string] | undefined;
  for (const [flag, format] of given) {
    if (format === undefined) continue;
    if (first === undefined) first = [flag, format];
    else if (kind(first[1]) !== kind(format)) {
      throw new UsageError(`${first[0]} conflicts with ${flag}; use one of them`);
    }
  }
  return first?.[1];
}

/** The most worker threads `batch --jobs` accepts. */
const MAX_JOBS = 16;

/** `--jobs`: a whole number of worker threads, 0 to MAX_JOBS. */
function parseJobs(text: string): number {
  const n = /^[0-9]{1,2}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(n <= MAX_JOBS)) {
    throw new UsageError(
      `--jobs '${clip(text)}' is not a whole number from 0 to ${MAX_JOBS} (worker threads; 0 for none)`,
    );
  }
  return n;
}

function batchUsage(program: Command): string {
  const batch = program.commands.find((c) => c.name() === 'batch');
  return batch ? batch.helpInformation() : '';
}

/** A command's whole output to stdout (not batch's: that streams, with backpressure). */
function print(io: Io, text: string): void {
  if (io.stdout.writeAll) io.stdout.writeAll(text);
  else io.stdout.write(text);
}

function oneLine(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

function listKind(text: string | undefined): ListKind {
  if (text === undefined) {
    throw new UsageError(
      `list what? pass one of: ${Object.keys(LIST_KINDS).join(', ')} (e.g. ml-salary list cities)`,
    );
  }
  const t = text.trim().toLowerCase();
  const singular: Record<string, ListKind> = {
    city: 'cities',
    industry: 'industries',
    skill: 'skills',
    degree: 'degrees',
  };
  if (t in LIST_KINDS) return t as ListKind;
  if (t in singular) return singular[t]!;
  const names = Object.keys(LIST_KINDS);
  const hint = editDistanceSuggest(t, names);
  throw new UsageError(
    `unknown list '${text}'${hint ? ` (did you mean '${hint}'?)` : ''}; accepted: ${names.join(', ')}`,
  );
}

async function estimateCommand(opts: EstimateOptions, io: Io, market: Market): Promise<number> {
  const format = chooseFormat(opts);
  const raw: RawProfile = {
    years: opts.years,
    city: opts.city,
    industry: opts.industry,
    skills: opts.skills,
    degree: opts.degree,
  };
  // Only a table run can prompt. Others (--json, csv, markdown) never look at stdin or stderr:
  // that would create their streams, which a scripted run does not need (start-up time).
  const interactive =
    format === 'table' && opts.input && Boolean(io.stdin.isTTY && io.stderr.isTTY);
  let because: string | undefined;
  let answers = raw;
  if (interactive) {
    // Check what the flags gave before asking for the rest, so a typo fails at once.
    resolveProfile({ ...raw, years: raw.years ?? 0 }, market, flagName);
    const colour = colorLevel(io.stderr, io.env, colorChoice(opts.color)) > 0;
    answers = await askMissing(raw, market, {
      input: io.stdin,
      output: colour ? io.stderr : withoutColour(io.stderr),
      signal: io.signal,
    });
  } else if (raw.years === undefined) {
    const why =
      format === 'json' && opts.json
        ? '--json never prompts'
        : !opts.input
          ? '--no-input was given'
          : format !== 'table'
            ? `--format ${format} never prompts`
            : io.stdin.isTTY
              ? 'stderr is not a terminal, and the questions are drawn there'
              : 'no terminal on stdin';
    throw new UsageError(`--years is required here (${why}); pass e.g. --years 5`);
  } else {
    because = !opts.input
      ? '--no-input'
      : format !== 'table'
        ? `--format ${format}`
        : io.stdin.isTTY
          ? 'stderr is not a terminal'
          : 'no terminal';
  }
  const { profile, defaulted } = resolveProfile(answers, market, flagName);
  const doc = toDocument(estimate(profile, market), defaulted, market.dataVersion);
  switch (format) {
    case 'json':
      print(io, renderJson(doc));
      break;
    case 'csv':
      print(io, renderCsv(doc));
      break;
    case 'markdown':
      print(io, renderMarkdown(doc, market));
      break;
    case 'table': {
      // chalk and cli-table3 load only for the human report, keeping scripted runs lean.
      const [{ painter }, { renderReport }] = await Promise.all([
        import('./paint.js'),
        import('./render/table.js'),
      ]);
      const paint = painter(colorLevel(io.stdout, io.env, colorChoice(opts.color)));
      const width = io.stdout.isTTY ? (io.stdout.columns ?? 80) : 0;
      print(io, renderReport(doc, market, { paint, width, defaultedBecause: because }));
      break;
    }
  }
  return EXIT.ok;
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
  // Exit codes are chosen here, where errors become output: a bad value or a misused command
  // line is a usage error (2), a whole input or output that fails is a data error (1).
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
