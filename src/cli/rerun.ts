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

/**
 * Every profile flag, as ids (skills as one comma-separated word, `none` for none, which reads
 * the same in every shell); `--level years`
 * where it was typed (`level`), so that a saved level does not come back.
 */
function profileWords(profile: Profile, level?: string): string[] {
  const years = level === undefined ? [] : ['--level', 'years'];
  return [
    ...['--years', String(profile.years), '--city', profile.city, '--industry', profile.industry],
    ...['--skills', profile.skills.join(',') || 'none', '--degree', profile.degree],
    ...(profile.level === undefined ? years : ['--level', profile.level]),
  ];
}

/**
 * The command line that saves these answers as the profile (after an interactive run), with the
 * --data file they were checked against (its names may be only that file's: review2 R4, R10).
 */
export function saveProfileLine(profile: Profile, level?: string, data?: string): string {
  const file = data === undefined ? [] : ['--data', data];
  return shellLine(['ml-salary', 'profile', 'save', ...file, ...profileWords(profile, level)]);
}

/** The estimate's command line: `ml-salary` with every profile flag and the report's flags. */
export function rerunEstimate(profile: Profile, opts: EstimateOptions & TakeHomeOptions): string {
  return shellLine(['ml-salary', ...profileWords(profile, opts.level), ...reportFlags(opts)]);
}

/** The terms of an offer's command line, in the order it writes them. */
const TERMS = [
  ...['base', 'bonus', 'equity', 'options', 'strike', 'fmv', 'preferred', 'optionType', 'stage'],
  ...['vesting', 'signOn', 'refresh', 'growth', 'leaveAt', 'cliff', 'vestEvery', 'clawback'],
  ...['exerciseWindow', 'exitPrice', 'match', 'espp'],
] as const;

/** An offer's terms as typed or answered (an empty answer, "none", is not there). */
export type TypedTerms = Partial<Record<(typeof TERMS)[number], string>> & {
  private?: boolean;
  esppLookback?: boolean;
};

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

/**
 * The offer's command line: `ml-salary offer`, the profile, the terms, the report's flags. Every
 * question was answered: an answer of "none" is written with its flag's 0 (no bonus, no stock,
 * no sign-on), so the line asks nothing; an answer no flag can give (no preferred price known,
 * a round not known) adds --no-input, which leaves it unknown as the answer did.
 */
export function rerunOffer(
  profile: Profile,
  terms: TypedTerms,
  opts: EstimateOptions & TakeHomeOptions,
): string {
  const options = !blank(terms.options);
  const none = blank(terms.equity) && !options ? { equity: '0' } : {};
  const given: TypedTerms = { bonus: '0', signOn: '0', ...none };
  const words = ['ml-salary', 'offer', ...profileWords(profile, opts.level)];
  for (const key of TERMS) {
    const value = blank(terms[key]) ? given[key] : terms[key];
    if (value !== undefined) words.push(flagOf(key), value.trim());
  }
  if (terms.private) words.push('--private');
  if (terms.esppLookback) words.push('--espp-lookback');
  const roundAsked = terms.private === true || (options && !blank(terms.preferred));
  const unknown = (options && blank(terms.preferred)) || (roundAsked && blank(terms.stage));
  if (unknown) words.push('--no-input');
  return shellLine([...words, ...reportFlags(opts)]);
}
