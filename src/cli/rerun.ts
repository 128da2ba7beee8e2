// "To run this again: ...": the command line that gives the same report without a question,
// printed on stderr after an interactive run.
import { shellLine } from './shell.js';
import type { Profile } from '../model/types.js';
import { flagOf, TAKE_HOME_KEYS, type EstimateOptions, type TakeHomeOptions } from './options.js';

/** The flags besides the profile and the terms that shape the report, as they were given. */
function reportFlags(opts: EstimateOptions & TakeHomeOptions): string[] {
  const words: string[] = [];
  if (opts.data !== undefined) words.push('--data', opts.data);
  if (opts.explain) words.push('--explain');
  if (opts.takeHome) {
    words.push('--take-home');
    for (const key of TAKE_HOME_KEYS) {
      const value = opts[key];
      if (typeof value === 'string') words.push(flagOf(key), value);
      else if (value === true) words.push(flagOf(key));
    }
  }
  if (opts.color !== undefined) words.push(opts.color ? '--color' : '--no-color');
  return words;
}

/** Every profile flag, as ids (skills as one comma-separated word, '' for none). */
function profileWords(profile: Profile): string[] {
  return [
    ...['--years', String(profile.years), '--city', profile.city, '--industry', profile.industry],
    ...['--skills', profile.skills.join(','), '--degree', profile.degree],
    ...(profile.level === undefined ? [] : ['--level', profile.level]),
  ];
}

/** The command line that saves these answers as the profile (after an interactive run). */
export function saveProfileLine(profile: Profile): string {
  return shellLine(['ml-salary', 'profile', 'save', ...profileWords(profile)]);
}

/** The estimate's command line: `ml-salary` with every profile flag and the report's flags. */
export function rerunEstimate(profile: Profile, opts: EstimateOptions & TakeHomeOptions): string {
  return shellLine(['ml-salary', ...profileWords(profile), ...reportFlags(opts)]);
}

/** The terms of an offer's command line, in the order it writes them. */
const TERMS = [
  ...['base', 'bonus', 'equity', 'options', 'strike', 'fmv', 'preferred', 'optionType', 'stage'],
  ...['vesting', 'signOn', 'refresh', 'growth', 'leaveAt', 'cliff', 'vestEvery', 'clawback'],
  ...['exerciseWindow', 'exitPrice', 'match', 'espp'],
] as const;

/** An offer's terms as typed or answered (an empty answer is "none" and is left out). */
export type TypedTerms = Partial<Record<(typeof TERMS)[number], string>> & {
  private?: boolean;
  esppLookback?: boolean;
};

/** The offer's command line: `ml-salary offer`, the profile, the terms, the report's flags. */
export function rerunOffer(
  profile: Profile,
  terms: TypedTerms,
  opts: EstimateOptions & TakeHomeOptions,
): string {
  const words = ['ml-salary', 'offer', ...profileWords(profile)];
  for (const key of TERMS) {
    const value = terms[key];
    if (value !== undefined && value.trim() !== '') words.push(flagOf(key), value.trim());
  }
  if (terms.private) words.push('--private');
  if (terms.esppLookback) words.push('--espp-lookback');
  return shellLine([...words, ...reportFlags(opts)]);
}
