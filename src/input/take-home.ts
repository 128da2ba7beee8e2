// The take-home flags as typed values, checked once and before any estimate: the state a code
// the tax tables hold (upper case) or `none`, the pre-tax contributions an amount. Loaded only
// with --take-home (the tax tables come along).
import { InputError } from '../errors.js';
import { stateCodes, type TakeHomeRequest } from '../model/take-home.js';
import type { Filing } from '../model/tax.js';
import { parseAmount } from './amounts.js';
import { didYouMean } from './names.js';
import { clip } from './numbers.js';

/** A state as typed (`ca`, ` NY `, `none`): its code, or `none` for federal only. */
export function parseState(text: string, field: string): string {
  const typed = text.trim();
  if (typed.toLowerCase() === 'none') return 'none';
  const codes = stateCodes();
  const code = typed.toUpperCase();
  if (codes.includes(code)) return code;
  const hint = didYouMean(code, codes);
  throw new InputError(
    `${field} '${clip(typed)}' is not supported${hint ? ` (did you mean ${hint}?)` : ''}: use one of ${codes.join(', ')}, or none (federal only)`,
    field,
  );
}

/** The take-home request from its flags' text; `names` are the flags' names for messages. */
export function parseTakeHome(
  given: { filing?: Filing; state?: string; pretax?: string },
  names: { state: string; pretax: string },
): TakeHomeRequest {
  return {
    filing: given.filing ?? 'single',
    state: given.state === undefined ? undefined : parseState(given.state, names.state),
    pretax: given.pretax === undefined ? 0 : parseAmount(given.pretax, names.pretax),
  };
}
