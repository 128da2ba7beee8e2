// The flags several commands share: what they mean as typed values (output format, colour, the
// profile flags a command refuses, take-home and its columns) and their commander definitions.
// Only commander's types are imported here (options are made with `cmd.createOption`): the
// commands' work (cli/run/, loaded when a command runs) imports this module too, and a value
// import of commander would bundle it a second time there (scripts/build.mjs warns if so).
import type { Command, Option } from 'commander';
import { charsetFor, colorLevel, type ColorChoice } from './color.js';
import { InputError, UsageError } from '../errors.js';
import { didYouMean, lookup } from '../input/names.js';
import { clip } from '../input/numbers.js';
import { flagName, resolveProfile } from '../input/profile.js';
import type { TakeHomeGiven } from '../input/take-home.js';
import { type Market, type Profile, type ProfileField } from '../model/types.js';
import { outputWidth, type Io } from './io.js';
import type { Look } from '../render/text.js';
import type { Supplemental, TakeHomeRequest, TakeHomeView } from '../model/take-home.js';
import type { OfferFieldNames } from '../model/offer.js';

/** What every command's definition (commands/*.ts) gets from the program. */
export interface CommandContext {
  io: Io;
  /** The action's exit code, when it is not 0 (batch: 1 for bad records). */
  state: { code: number };
  /** The market: the --data file (after the command, or before it), read and checked, or the bundled one. */
  market(opts: { data?: string }): Promise<Market>;
  maxYears: number;
}

/** A term's flag: its key in kebab case (signOn: --sign-on). */
export const flagOf = (key: string): string =>
  `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export { meant } from '../input/names.js';
export const DATA_HELP =
  'use this market file instead of the bundled one (start from: ml-salary market --json)';

/** A repeatable option's values, in order. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** The options of the root command (a single estimate) as commander gives them. */
export type EstimateOptions = Partial<Record<ProfileField, string>> & {
  json?: boolean;
  /** The fields after --json (json-fields.ts moves them here), e.g. `total,level`. */
  jsonFields?: string;
  format?: string;
  input: boolean;
  explain?: boolean;
  data?: string;
  color?: boolean;
  debug?: boolean;
  /** false with --no-profile. */
  profile?: boolean;
  /** The level is the saved profile's (cli/profile-use.ts). */
  levelSaved?: boolean;
};

export function colorChoice(color: boolean | undefined): ColorChoice {
  return color === true ? 'always' : color === false ? 'never' : 'auto';
}

/** How a table report looks on this stdout: its colour (--color/--no-color), width, glyphs. */
export async function tableLook(io: Io, color: boolean | undefined): Promise<Look> {
  const { painter } = await import('./paint.js');
  const paint = painter(colorLevel(io.stdout, io.env, colorChoice(color)));
  return { paint, width: outputWidth(io), charset: charsetFor(io.env) };
}

/**
 * The one output format asked for, from the places it can be given (each as its flag as typed
 * and the format it asks for); two that disagree are a usage error. `json` and `ndjson` agree:
 * for batch both mean one JSON document per line.
 */
export function oneFormat(
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

/**
 * The format of a single estimate: --json or --format, table by default. --explain is the table
 * report's: with another format it would do nothing, so it is a usage error.
 */
export function estimateFormat(opts: {
  json?: boolean;
  format?: string;
  explain?: boolean;
}): Format {
  const asked = oneFormat([
    ['--json', opts.json ? 'json' : undefined],
    [`--format ${opts.format}`, opts.format],
  ]);
  const format = (asked as Format | undefined) ?? 'table';
  if (opts.explain && format !== 'table') {
    const has = format === 'csv' ? 'has the figures only' : 'has the reasons and sources already';
    throw new UsageError(
      `--explain is for the table report; ${opts.json ? '--json' : `--format ${format}`} ${has}: drop one of them`,
    );
  }
  return format;
}

/**
 * A word after a command that takes only options is refused, never dropped (`career sf` would
 * otherwise draw the national figures): when the word is a name, the flag that takes it.
 */
export function refuseStrayWords(words: readonly string[], command: string, market: Market): void {
  const word = words[0];
  if (word === undefined) return;
  const kind = (['city', 'industry', 'skill', 'degree'] as const).find((k) =>
    lookup(market, k, word),
  );
  const hint = kind ? ` (did you mean --${kind === 'skill' ? 'skills' : kind} ${word}?)` : '';
  throw new UsageError(
    `${command} takes options only, and '${clip(word)}' is not one${hint}; see: ml-salary ${command} --help`,
  );
}

/** A word past a command's arguments, refused naming both (commander: "too many arguments"). */
export function exactArguments(cmd: Command): Command {
  return cmd.allowExcessArguments(true).hook('preAction', (_, action) => {
    const [takes] = action.registeredArguments.map((a) => a.name());
    const word = action.args[takes === undefined ? 0 : 1];
    if (action !== cmd || word === undefined) return;
    const path = cmd.parent?.parent ? `${cmd.parent.name()} ${cmd.name()}` : cmd.name();
    const what = takes ? `one argument (${takes}), and '${clip(word)}' is one too many` : '';
    throw new UsageError(
      `${path} takes ${what || `options only, and '${clip(word)}' is not one`}; see: ml-salary ${path} --help`,
    );
  });
}

/** The profile compare and career start from: the profile flags, with `years` as given. */
export const startProfile = (opts: EstimateOptions, market: Market, years: unknown) =>
  resolveProfile({ ...opts, years }, market, flagName);

/** A given level as the notes that say it pins the figures name it (as typed), and the undo. */
export const heldLevel = (opts: EstimateOptions, level: string): [who: string, undo: string] =>
  opts.levelSaved
    ? [`your saved profile's level ${level}`, 'pass --level years']
    : [`--level ${opts.level?.includes(' ') ? `'${opts.level}'` : level}`, 'drop --level'];

/**
 * Options of a command that takes take-home flags (--take-home, --filing, --state, ...);
 * `stateWhereNone`: the state is the saved profile's, for a location without one of its own.
 */
export type TakeHomeOptions = TakeHomeGiven & { takeHome?: boolean; stateWhereNone?: boolean };

/** The keys of TakeHomeOptions that need --take-home, in the order a command line gives them. */
export const TAKE_HOME_KEYS = [
  ...['filing', 'state', 'locality', 'pretax', 'hsa', 'hsaFamily', 'age', 'itemized'],
] as const;
const TAKE_HOME_FLAGS = Object.fromEntries(TAKE_HOME_KEYS.map((k) => [k, flagOf(k)])) as Record<
  (typeof TAKE_HOME_KEYS)[number],
  string
>;

/**
 * The take-home request, parsed and checked before anything is estimated (or asked), or
 * undefined without --take-home (its other flags need it). The parser loads only with
 * --take-home: it brings the tax tables along.
 */
export async function takeHomeRequest(opts: TakeHomeOptions): Promise<TakeHomeRequest | undefined> {
  if (!opts.takeHome) {
    const stray = TAKE_HOME_KEYS.find((k) => opts[k] !== undefined);
    if (stray)
      throw new UsageError(`${TAKE_HOME_FLAGS[stray]} is for pay after tax: add --take-home`);
    return undefined;
  }
  if (opts.hsaFamily && opts.hsa === undefined)
    throw new UsageError('--hsa-family is for --hsa: add the amount, e.g. --hsa 8750');
  const { parseTakeHome } = await import('../input/take-home.js');
  const request = parseTakeHome(opts, TAKE_HOME_FLAGS);
  // The saved profile's state is where the user lives: only for a location without its own.
  return opts.stateWhereNone === true ? { ...request, stateWhereNone: true } : request;
}

/**
 * Take-home pay for the columns of a run (a label and a profile each), or undefined without a
 * request. Where each column is taxed is worked out once, first: with `scoped` (several columns)
 * the state applies where it can (stateScope), else a state not the location's or its metro's is
 * refused. It taxes a figure of column `i` (`n`: what a refused --pretax names; `m`: months).
 */
export async function takeHomeFor(
  request: TakeHomeRequest | undefined,
  columns: readonly { label: string; profile: Profile }[],
  market: Market,
  scoped = columns.length > 1,
): Promise<
  ((gross: number, i: number, n: string, s?: Supplemental, m?: number) => TakeHomeView) | undefined
> {
  if (!request) return undefined;
  const { jurisdiction, stateScope, takeHomeAt } = await import('../model/take-home.js');
  const labelOf = (id: string) => market.locations.find((l) => l.id === id)?.label ?? id;
  const taxed = columns.map((c) => ({
    label: c.label,
    locationId: c.profile.city,
    locationLabel: labelOf(c.profile.city),
  }));
  const scopes = scoped ? stateScope(taxed, request, flagOf) : taxed.map(() => request);
  const where = taxed.map((c, i) =>
    jurisdiction(c.locationId, c.locationLabel, scopes[i]!, flagOf),
  );
  return (gross, i, name, s, m) => takeHomeAt(gross, where[i]!, scopes[i]!, name, s, m);
}

/**
 * For the city question of a run with --take-home: why a city cannot be taxed as --state and
 * --locality ask ("--state ID": the question leaves it out and says so), else undefined. A
 * city the flags gave is checked at once (the error a later run would give), before any question.
 */
export async function cityCheck(request: TakeHomeRequest | undefined, m: Market, given?: Profile) {
  if (!request) return undefined;
  const { jurisdiction } = await import('../model/take-home.js');
  if (given) jurisdiction(given.city, m.locations.find((l) => l.id === given.city)!.label, request);
  return (id: string): string | undefined => {
    try {
      jurisdiction(id, id, request);
      return undefined;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const field = e.field as 'state' | 'locality';
      return `${flagOf(field)} ${request[field]}`;
    }
  };
}

/** The options of compare (and career, which adds its axis): the profile, --vs, take-home. */
export interface CompareOptions extends EstimateOptions, TakeHomeOptions {
  vs?: string[];
}

/** The offer's terms named by their `ml-salary offer` flags (the model names none). */
export const OFFER_FLAGS = Object.freeze(
  Object.fromEntries(
    [
      ...['base', 'bonus', 'equity', 'vesting', 'signOn', 'refresh', 'growth', 'private'],
      ...['options', 'strike', 'fmv', 'preferred', 'optionType', 'stage', 'cliff', 'vestEvery'],
      ...['leaveAt', 'clawback', 'exerciseWindow', 'exitPrice'],
    ].map((key) => [key, flagOf(key)]),
  ),
) as OfferFieldNames;

// The commander definitions (types only from commander: see the top of this file).

/**
 * An option of `cmd` that takes one of `choices` (listed in --help, as commander's `.choices()`
 * does), matched case-insensitively; a value not among them gets commander's own refusal
 * ("Allowed choices are ..."), led by a "did you mean" for a near miss.
 */
export function choiceOption(
  cmd: Command,
  flags: string,
  description: string,
  choices: readonly string[],
): Option {
  const option = cmd.createOption(flags, description).choices(choices);
  const refuse = option.parseArg!;
  return option.argParser((value: string) => {
    const t = value.trim().toLowerCase();
    if (choices.includes(t)) return t;
    const hint = didYouMean(t, choices);
    try {
      return refuse(t, undefined);
    } catch (error) {
      if (hint && error instanceof Error)
        error.message = `Did you mean '${hint}'? ${error.message}`;
      throw error;
    }
  });
}

/** The take-home flags, for a command that prints pay after tax. */
export function addTakeHomeOptions(cmd: Command): Command {
  return cmd
    .option('--take-home', 'also show pay after US taxes, and what it buys (docs/take-home.md)')
    .addOption(
      choiceOption(
        cmd,
        '--filing <status>',
        'with --take-home: single (default) or married (joint)',
        ['single', 'married'],
      ),
    )
    .option(
      '--state <code>',
      'with --take-home, for remote and us (or a metro spanning states): the state you live in (a code, or DC; none: federal only)',
    )
    .option(
      '--locality <id>',
      'with --take-home: the city, county or district that taxes you where the city does not tell (e.g. yonkers, montgomery), or none (see: ml-salary list localities)',
    )
    .option(
      '--pretax <usd>',
      'with --take-home: 401(k)-type deferrals a year (2026 limit $24,500; more from 50 with --age)',
    )
    .option(
      '--hsa <usd>',
      'with --take-home: HSA contributions through payroll a year (2026 limit $4,400; $8,750 with --hsa-family)',
    )
    .option('--hsa-family', 'with --hsa: family HSA cover (the higher limit)')
    .option(
      '--age <years>',
      'with --take-home: your age at the end of the year, for the catch-up limits (401(k) from 50, HSA from 55)',
    )
    .option(
      '--itemized <usd>',
      'with --take-home: itemised deductions a year other than state and local taxes (mortgage interest, charity)',
    );
}

/** The profile flags of a command that estimates (the root, offer, compare, career). */
export function addProfileOptions(cmd: Command, maxYears: number, withYears = true): Command {
  if (withYears) {
    cmd.option('--years <n>', `years of experience, 0-${maxYears} (decimals allowed)`);
  }
  return cmd
    .option('--city <name>', "city or 'remote' (see: ml-salary list cities)")
    .option('--industry <name>', 'industry / employer type (see: ml-salary list industries)')
    .option(
      '--skills <list>',
      'comma-separated skills, e.g. mlops,nlp, or none; may be repeated (see: ml-salary list skills)',
      // `--skills mlops --skills nlp` means both, not the last one only.
      (value: string, previous?: string) =>
        previous === undefined ? value : `${previous},${value}`,
    )
    .option('--degree <name>', 'highest degree: none, bachelors, masters, phd')
    .option(
      '--level <name>',
      "your level, if you know it: entry, mid, senior, staff, principal, or a title like 'google l5' (see: ml-salary list levels); overrides the level your years imply (years: let them decide)",
    )
    .option('--no-profile', 'ignore the saved profile (see: ml-salary profile --help)');
}

/** --no-input on a command that never asks: taken, so that a script can pass it to every one. */
export const NEVER_ASKS = 'taken for scripts: this command never prompts';

/**
 * The output flags of a command that prints a report (a table, JSON, CSV or markdown); `asks`:
 * whether the command can prompt for what its flags leave out.
 */
export function addOutputOptions(cmd: Command, jsonWhat: string, asks = true): Command {
  cmd.addOption(choiceOption(cmd, '--format <format>', 'output format', FORMATS));
  const json = `print only the JSON document (${jsonWhat}; same as --format json)`;
  return addJsonOptions(cmd, asks ? `${json}; never prompts` : json)
    .option(
      '--no-input',
      asks ? 'never prompt; missing values are required or defaulted' : NEVER_ASKS,
    )
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (NO_COLOR=1 works too)')
    .option('--debug', 'show stack traces for unexpected errors');
}

/**
 * `--json [fields]` (as --help shows it) and the hidden --json-fields that carries the fields.
 * moveJsonFields writes every --json as `--json=`, so commander never takes the next word as
 * its value; `opts.json` is true, as for a plain flag.
 */
export function addJsonOptions(cmd: Command, description: string): Command {
  return cmd
    .addOption(
      cmd
        .createOption(
          '--json [fields]',
          `${description}; --json a,b prints only those top-level fields`,
        )
        .argParser(() => true),
    )
    .addOption(cmd.createOption('--json-fields <list>').hideHelp());
}
