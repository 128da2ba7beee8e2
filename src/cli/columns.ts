// Steps shared by the commands that estimate several columns (compare's scenarios, career's
// lines): the start profile from the flags, and take-home pay per column.
import { UsageError } from '../errors.js';
import { lookup } from '../input/names.js';
import { clip } from '../input/numbers.js';
import { flagName, resolveProfile } from '../input/profile.js';
import type { TakeHomeRequest, TakeHomeView } from '../model/take-home.js';
import type { Market, Profile } from '../model/types.js';
import type { EstimateOptions } from './flags.js';

export const startProfile = (opts: EstimateOptions, market: Market, years: unknown) =>
  resolveProfile({ ...opts, years }, market, flagName);

/**
 * Take-home pay for the columns of a run (an estimate, an offer, compare's scenarios, career's
 * lines: each a label and a profile), or undefined without a request. Where each column is taxed
 * is worked out here, once, before any figure is: with `scoped` (several columns), the request's
 * state applies to the columns whose location has no fixed state (stateScope); otherwise a state
 * that is not the location's own is refused. The function it returns taxes one figure of a
 * column; `name` says which figure a refused --pretax could not come out of.
 */
export async function takeHomeFor(
  request: TakeHomeRequest | undefined,
  columns: readonly { label: string; profile: Profile }[],
  market: Market,
  scoped = columns.length > 1,
): Promise<((gross: number, column: number, name: string) => TakeHomeView) | undefined> {
  if (!request) return undefined;
  const { jurisdiction, stateScope, takeHomeAt } = await import('../model/take-home.js');
  const labelOf = (id: string) => market.locations.find((l) => l.id === id)?.label ?? id;
  const taxed = columns.map((c) => ({
    label: c.label,
    locationId: c.profile.city,
    locationLabel: labelOf(c.profile.city),
  }));
  const scope = scoped ? stateScope(taxed, request) : request;
  const where = taxed.map((c) => jurisdiction(c.locationId, c.locationLabel, scope));
  return (gross, i, name) => takeHomeAt(gross, where[i]!, scope, name);
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
