// Steps shared by the commands that estimate several columns (compare's scenarios, career's
// lines): the start profile from the flags, and take-home pay per column.
import { flagName, resolveProfile, type RawProfile } from '../input/profile.js';
import type { TakeHomeView } from '../model/take-home.js';
import type { Market, Profile } from '../model/types.js';
import { takeHomeRequest, type EstimateOptions, type TakeHomeOptions } from './flags.js';

export function startProfile(opts: EstimateOptions, market: Market, years: unknown) {
  const raw: RawProfile = {
    years,
    city: opts.city,
    industry: opts.industry,
    skills: opts.skills,
    degree: opts.degree,
  };
  return resolveProfile(raw, market, flagName);
}

/**
 * Take-home pay for the columns of a run (compare's scenarios, career's lines: each a label and
 * a profile), or undefined without --take-home. --state applies to the columns whose location
 * has no fixed state (stateScope). A --pretax too large for a figure is refused naming the column.
 */
export async function takeHomeFor(
  opts: TakeHomeOptions,
  columns: readonly { label: string; profile: Profile }[],
  market: Market,
): Promise<((gross: number, column: number, at?: string) => TakeHomeView) | undefined> {
  const asked = await takeHomeRequest(opts);
  if (!asked) return undefined;
  const { stateScope, takeHomeAt } = await import('../model/take-home.js');
  const labelOf = (id: string) => market.locations.find((l) => l.id === id)?.label ?? id;
  const taxed = columns.map((c) => ({
    label: c.label,
    locationId: c.profile.city,
    locationLabel: labelOf(c.profile.city),
  }));
  const request = stateScope(taxed, asked);
  return (gross, i, at) => {
    const c = taxed[i]!;
    return takeHomeAt(
      gross,
      c.locationId,
      c.locationLabel,
      request,
      at ? `${c.label}, ${at}` : c.label,
    );
  };
}
