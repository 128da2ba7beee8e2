// The take-home flags as typed values, checked once and before any estimate: the state a code
// the tax tables hold (upper case) or `none`, the pre-tax contributions an amount. Loaded only
// with --take-home (the tax tables come along).
import { InputError } from '../errors.js';
import {
  checkContributions,
  localityIndex,
  stateCodes,
  stateList,
  type TakeHomeRequest,
} from '../model/take-home.js';
import type { Filing } from '../model/tax/types.js';
import { parseAmount } from './amounts.js';
import { didYouMean, meant } from './names.js';
import { clip, fail, wholeNumber } from './numbers.js';

/** A state as typed (`ca`, ` NY `, `new york`, `none`): its code, or `none` for federal only. */
export function parseState(text: string, field: string): string {
  const typed = text.trim();
  const code = typed.toUpperCase();
  const codes = stateCodes();
  if (code === 'NONE') return 'none';
  if (codes.includes(code)) return code;
  const byName = new Map(stateList().map((s) => [s.name.toLowerCase(), s.code]));
  const name = typed.toLowerCase().replace(/\s+/g, ' ');
  if (byName.has(name)) return byName.get(name)!;
  const near = code.length > 2 ? didYouMean(name, [...byName.keys()]) : undefined;
  const hint = near ? byName.get(near) : didYouMean(code, codes);
  fail(
    field,
    `'${clip(typed)}' is not supported${hint ? ` (did you mean ${hint}?)` : ''}: use one of ${codes.join(', ')}, or none (federal only)`,
  );
}

/** A locality as typed: an id some state has (lower case), or `none`. */
export function parseLocality(text: string, field: string): string {
  const id = text.trim().toLowerCase();
  const ids = [...localityIndex().keys(), 'none'];
  if (ids.includes(id)) return id;
  throw new InputError(
    `unknown locality '${clip(text.trim())}' for ${field}${meant(id, ids)}; see: ml-salary list localities`,
    field,
  );
}

/** An age as typed: a whole number of years, 14-120. */
export function parseAge(text: string, field: string): number {
  const age = wholeNumber(text);
  if (age !== undefined && age >= 14 && age <= 120) return age;
  fail(field, `'${clip(text.trim())}' is not an age: a whole number of years from 14 to 120`);
}

/** The take-home flags as given: text, but --filing (a choice) and --hsa-family (a switch). */
export type TakeHomeGiven = { filing?: Filing; hsaFamily?: boolean } & Partial<
  Record<Text, string>
>;
type Text = 'state' | 'locality' | 'pretax' | 'hsa' | 'age' | 'itemized';

/** The take-home request from its flags' text; `names` are the flags' names for messages. */
export function parseTakeHome(given: TakeHomeGiven, names: Record<Text, string>): TakeHomeRequest {
  const read = <T>(key: Text, parse: (text: string, field: string) => T): T | undefined =>
    given[key] === undefined ? undefined : parse(given[key], names[key]);
  const request = {
    filing: given.filing ?? 'single',
    state: read('state', parseState),
    locality: read('locality', parseLocality),
    pretax: read('pretax', parseAmount) ?? 0,
    hsa: read('hsa', parseAmount) ?? 0,
    hsaFamily: given.hsaFamily === true,
    age: read('age', parseAge),
    itemized: read('itemized', parseAmount) ?? 0,
  };
  checkContributions(request); // the limits hold whatever the wages: once, here
  return request;
}
