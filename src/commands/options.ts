// What more than one command shares: output formats, the profile flags, colour choice.
import { InvalidArgumentError, Option } from 'commander';
import type { ColorChoice } from '../color.js';
import { UsageError } from '../exit.js';
import { editDistanceSuggest } from '../normalise.js';
import { PROFILE_FIELDS, type ProfileField } from '../types.js';

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
export function refuseProfileFlags(top: EstimateOptions, command: 'batch' | 'list'): void {
  const given = PROFILE_FIELDS.find((flag: ProfileField) => top[flag] !== undefined);
  if (given === undefined) return;
  throw new UsageError(
    command === 'batch'
      ? `--${given} is for a single estimate; in batch each record gives its own ${given} (see: ml-salary batch --help)`
      : `--${given} is for a single estimate; list takes only a kind, e.g. ml-salary list cities`,
  );
}
