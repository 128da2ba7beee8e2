// What more than one command shares: output formats, the profile flags, colour choice.
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ColorChoice } from './color.js';
import { UsageError } from '../errors.js';
import { editDistanceSuggest } from '../input/names.js';
import { clip } from '../input/numbers.js';
import { PROFILE_FIELDS, type Market, type ProfileField } from '../model/types.js';
import type { Io } from './io.js';

/** What every command's definition (commands/*.ts) gets from the program. */
export interface CommandContext {
  io: Io;
  /** The action's exit code, when it is not 0 (batch: 1 for bad records). */
  state: { code: number };
  /** The options given before the subcommand (the root command's). */
  top(): EstimateOptions;
  /** The market: the --data file (after the command, or before it), read and checked, or the bundled one. */
  market(opts: { data?: string }): Promise<Market>;
  maxYears: number;
}

export const DATA_HELP =
  'use this market file instead of the bundled one (start from: ml-salary market --json)';

/** A repeatable option's values, in order. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The options commander set (it leaves the others undefined), to lay over the root's. */
export function defined<T extends object>(opts: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(opts).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/**
 * A profile flag after `list`, `batch` or `market` gets the message it gets before them, not
 * "unknown option": each is there, hidden, only to be refused (refuseProfileFlags).
 */
export function hideProfileFlags(cmd: Command): void {
  for (const field of PROFILE_FIELDS) cmd.addOption(new Option(`--${field} <value>`).hideHelp());
}

export const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** The options of the root command (a single estimate) as commander gives them. */
export interface EstimateOptions {
  years?: string;
  city?: string;
  industry?: string;
  skills?: string;
  degree?: string;
  json?: boolean;
  format?: string;
  input: boolean;
  explain?: boolean;
  data?: string;
  color?: boolean;
  debug?: boolean;
}

export function colorChoice(color: boolean | undefined): ColorChoice {
  return color === true ? 'always' : color === false ? 'never' : 'auto';
}

/**
 * An option that takes one of `choices` (listed in --help, as commander's `.choices()` does),
 * matched case-insensitively, with a "did you mean" for a near miss.
 */
export function choiceOption(
  flags: string,
  description: string,
  choices: readonly string[],
): Option {
  return new Option(flags, description).choices(choices).argParser((value: string) => {
    const t = value.trim().toLowerCase();
    if (choices.includes(t)) return t;
    const hint = editDistanceSuggest(t, choices);
    throw new InvalidArgumentError(
      `${hint ? `Did you mean '${hint}'? ` : ''}Allowed choices are ${choices.join(', ')}.`,
    );
  });
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

/** The format of a single estimate: --json or --format, table by default. */
export function estimateFormat(opts: { json?: boolean; format?: string }): Format {
  const asked = oneFormat([
    ['--json', opts.json ? 'json' : undefined],
    [`--format ${opts.format}`, opts.format],
  ]);
  return (asked as Format | undefined) ?? 'table';
}

/**
 * A profile flag given before a command that has no profile (batch records bring their own; a
 * list has none) would be silently dropped: a usage error instead.
 */
export function refuseProfileFlags(
  top: EstimateOptions,
  command: 'batch' | 'list' | 'offer' | 'compare' | 'career' | 'market',
): void {
  const given = PROFILE_FIELDS.find((flag: ProfileField) => top[flag] !== undefined);
  if (given === undefined) return;
  throw new UsageError(
    command === 'batch'
      ? `--${given} is for a single estimate; in batch each record gives its own ${given} (see: ml-salary batch --help)`
      : command === 'list'
        ? `--${given} is for a single estimate; list takes only a kind, e.g. ml-salary list cities`
        : command === 'market'
          ? `--${given} is for a single estimate; market takes no profile (see: ml-salary market --help)`
          : `--${given} goes after '${command}': ml-salary ${command} --${given} ...`,
  );
}

/** Options of a command that takes take-home flags (--take-home, --filing, --state, ...). */
export interface TakeHomeOptions {
  takeHome?: boolean;
  filing?: 'single' | 'married';
  state?: string;
  locality?: string;
  pretax?: string;
  hsa?: string;
  hsaFamily?: boolean;
  age?: string;
  itemized?: string;
}

/** The take-home flags, for a command that prints pay after tax. */
export function addTakeHomeOptions(cmd: Command): Command {
  return cmd
    .option('--take-home', 'also show pay after US taxes, and what it buys (docs/take-home.md)')
    .addOption(
      choiceOption('--filing <status>', 'with --take-home: single (default) or married (joint)', [
        'single',
        'married',
      ]),
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

/** The take-home request from the flags (all parsed here, once). */
export interface TakeHomeAsked {
  filing: 'single' | 'married';
  state: string | undefined;
  locality: string | undefined;
  pretax: number;
  hsa: number;
  hsaFamily: boolean;
  age: number | undefined;
  itemized: number;
}

/**
 * The take-home request, or undefined without --take-home (its other flags need it). The amount
 * parser loads only for the money flags: it brings the offer model and its data files along.
 */
export async function takeHomeRequest(opts: TakeHomeOptions): Promise<TakeHomeAsked | undefined> {
  const flags = [
    'filing',
    'state',
    'locality',
    'pretax',
    'hsa',
    'hsaFamily',
    'age',
    'itemized',
  ] as const;
  const flag = (k: (typeof flags)[number]): string =>
    `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  if (!opts.takeHome) {
    const stray = flags.find((k) => opts[k] !== undefined);
    if (stray) throw new UsageError(`${flag(stray)} is for pay after tax: add --take-home`);
    return undefined;
  }
  if (opts.hsaFamily && opts.hsa === undefined)
    throw new UsageError('--hsa-family is for --hsa: add the amount, e.g. --hsa 8750');
  const money = async (text: string | undefined, field: string): Promise<number> =>
    text === undefined ? 0 : (await import('../input/amounts.js')).parseAmount(text, field);
  const locality = opts.locality === undefined ? undefined : await checkLocality(opts.locality);
  return {
    filing: opts.filing ?? 'single',
    state: opts.state,
    locality,
    pretax: await money(opts.pretax, '--pretax'),
    hsa: await money(opts.hsa, '--hsa'),
    hsaFamily: opts.hsaFamily === true,
    age: opts.age === undefined ? undefined : parseAge(opts.age),
    itemized: await money(opts.itemized, '--itemized'),
  };
}

/** A whole number of years, 14-120. */
function parseAge(text: string): number {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t) || Number(t) < 14 || Number(t) > 120)
    throw new UsageError(
      `--age '${clip(text)}' is not an age: a whole number of years from 14 to 120`,
    );
  return Number(t);
}

/** A locality id some state has (or none), with a did-you-mean for a typo. */
async function checkLocality(text: string): Promise<string> {
  const id = text.trim().toLowerCase();
  if (id === 'none') return id;
  const { localityIndex } = await import('../model/take-home.js');
  const index = localityIndex();
  if (index.has(id)) return id;
  const hint = editDistanceSuggest(id, [...index.keys(), 'none']);
  throw new UsageError(
    `unknown locality '${clip(text)}' for --locality${hint ? ` (did you mean '${hint}'?)` : ''}; see: ml-salary list localities`,
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
      'comma-separated skills, e.g. mlops,nlp; may be repeated (see: ml-salary list skills)',
      // `--skills mlops --skills nlp` means both, not the last one only.
      (value: string, previous?: string) =>
        previous === undefined ? value : `${previous},${value}`,
    )
    .option('--degree <name>', 'highest degree: none, bachelors, masters, phd');
}

/** The output flags of a command that prints a report (a table, JSON, CSV or markdown). */
export function addOutputOptions(cmd: Command, jsonWhat: string): Command {
  return cmd
    .addOption(choiceOption('--format <format>', 'output format', FORMATS))
    .option(
      '--json',
      `print only the JSON document (${jsonWhat}; same as --format json); never prompts`,
    )
    .option('--no-input', 'never prompt; missing values are required or defaulted')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (NO_COLOR=1 works too)')
    .option('--debug', 'show stack traces for unexpected errors');
}
