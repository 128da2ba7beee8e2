// "To run this again: ...": the command line that gives the same report without a question,
// printed on stderr after an interactive run.
import { shellLine } from './shell.js';
import type { Profile } from '../model/types.js';
import type { EstimateOptions, TakeHomeOptions } from './flags.js';

/** The flags besides the profile and the terms that shape the report, as they were given. */
function reportFlags(opts: EstimateOptions & TakeHomeOptions): string[] {
  const words: string[] = [];
  if (opts.data !== undefined) words.push('--data', opts.data);
  if (opts.explain) words.push('--explain');
  if (opts.takeHome) {
    words.push('--take-home');
    if (opts.filing !== undefined) words.push('--filing', opts.filing);
    if (opts.state !== undefined) words.push('--state', opts.state);
    if (opts.locality !== undefined) words.push('--locality', opts.locality);
    if (opts.pretax !== undefined) words.push('--pretax', opts.pretax);
    if (opts.hsa !== undefined) words.push('--hsa', opts.hsa);
    if (opts.hsaFamily) words.push('--hsa-family');
    if (opts.age !== undefined) words.push('--age', opts.age);
    if (opts.itemized !== undefined) words.push('--itemized', opts.itemized);
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

/** An offer's terms as typed or answered (an empty answer is "none" and is left out). */
export type TypedTerms = Partial<Record<(typeof TERM_FLAGS)[number][0], string>> & {
  private?: boolean;
  esppLookback?: boolean;
};

const TERM_FLAGS = [
  ['base', '--base'],
  ['bonus', '--bonus'],
  ['equity', '--equity'],
  ['options', '--options'],
  ['strike', '--strike'],
  ['fmv', '--fmv'],
  ['preferred', '--preferred'],
  ['optionType', '--option-type'],
  ['stage', '--stage'],
  ['vesting', '--vesting'],
  ['signOn', '--sign-on'],
  ['refresh', '--refresh'],
  ['growth', '--growth'],
  ['leaveAt', '--leave-at'],
  ['cliff', '--cliff'],
  ['vestEvery', '--vest-every'],
  ['clawback', '--clawback'],
  ['exerciseWindow', '--exercise-window'],
  ['exitPrice', '--exit-price'],
  ['match', '--match'],
  ['espp', '--espp'],
] as const;

/** The offer's command line: `ml-salary offer`, the profile, the terms, the report's flags. */
export function rerunOffer(
  profile: Profile,
  terms: TypedTerms,
  opts: EstimateOptions & TakeHomeOptions,
): string {
  const words = ['ml-salary', 'offer', ...profileWords(profile)];
  for (const [key, flag] of TERM_FLAGS) {
    const value = terms[key];
    if (value !== undefined && value.trim() !== '') words.push(flag, value.trim());
  }
  if (terms.private) words.push('--private');
  if (terms.esppLookback) words.push('--espp-lookback');
  return shellLine([...words, ...reportFlags(opts)]);
}
