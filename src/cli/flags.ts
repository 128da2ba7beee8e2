// What the flags several commands share mean, as typed values: output format, colour, the
// profile flags a command refuses, take-home. No commander here: the commands' work (cli/run/,
// loaded when a command runs) reads these without loading the command-line parser again.
import type { ColorChoice } from './color.js';
import { UsageError } from '../errors.js';
import { didYouMean } from '../input/names.js';
import { PROFILE_FIELDS, type Market, type ProfileField } from '../model/types.js';
import type { Io } from './io.js';
import type { TakeHomeRequest } from '../model/take-home.js';
import type { OfferFieldNames } from '../model/offer.js';

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

/** A term's flag: its key in kebab case (signOn: --sign-on). */
export const flagOf = (key: string): string =>
  `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** ` (did you mean 'x'?)` for a near miss among `names`, else ''. */
export function meant(word: string, names: readonly string[]): string {
  const hint = didYouMean(word, names);
  return hint ? ` (did you mean '${hint}'?)` : '';
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

export const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** The options of the root command (a single estimate) as commander gives them. */
export interface EstimateOptions {
  years?: string;
  city?: string;
  industry?: string;
  skills?: string;
  degree?: string;
  level?: string;
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
}

export function colorChoice(color: boolean | undefined): ColorChoice {
  return color === true ? 'always' : color === false ? 'never' : 'auto';
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
  /** Set when the state is the saved profile's: it applies where a location has none. */
  stateWhereNone?: boolean;
}

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
