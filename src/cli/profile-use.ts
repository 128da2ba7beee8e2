// The saved profile in use: where it lives, and filling what a command's flags leave out. Loaded
// with every run, so it stays small: without a profile file, a run costs one stat() more.
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { printErr, type Io } from './io.js';
import { profilePath } from './profile-path.js';
import type { Market } from '../model/types.js';

/** Whether `path` is a plain file (not stdin, a pipe or a folder, which are read once). */
function plainFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

/** Whether `path` exists (a broken one is the reader's to explain). */
function exists(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true;
  }
}

/**
 * Marks of a value taken from the profile: the saved state is where the user lives (it applies
 * where the location has none of its own or its metro spans it: savedState); a saved level's
 * notes name the profile.
 */
const MARKS = new Map([
  ['--state', 'stateWhereNone'],
  ['--level', 'levelSaved'],
]);

/**
 * The cities a run taxes (the start's, compare's and career's --vs ones, or those of the offer
 * files that give no state of their own), as ids; undefined where they are not all known yet
 * (asked in a terminal, stdin or a file not read yet, a name to be refused).
 */
async function citiesOf(cmd: Command, market: Market, io: Io): Promise<string[] | undefined> {
  const { lookup } = await import('../input/names.js');
  const { parseScenario } = await import('../input/scenario.js');
  const { city, vs } = cmd.opts<{ city?: string; vs?: string[] }>();
  if (cmd.name() === 'offer' && cmd.args.length > 0) {
    // Read as the command reads them (read again there): only plain files, never stdin.
    const { readOfferFile } = await import('./run/offer.js');
    const ids: (string | undefined)[] = [];
    for (const path of cmd.args) {
      if (!plainFile(path)) return undefined;
      const file = await readOfferFile(path, io).catch(() => undefined);
      const named = file?.profile.city ?? city;
      if (file?.state === undefined)
        ids.push(typeof named === 'string' ? lookup(market, 'city', named) : undefined);
    }
    return ids.every((id) => id !== undefined) ? (ids as string[]) : undefined;
  }
  const ids = [city === undefined ? undefined : lookup(market, 'city', city)];
  try {
    for (const v of vs ?? [])
      for (const c of parseScenario(v, market).changes) if (c.field === 'city') ids.push(c.set);
  } catch {
    return undefined; // the command refuses it, in its own words
  }
  return ids.every((id) => id !== undefined) ? (ids as string[]) : undefined;
}

/**
 * The saved state is where the user lives: it applies where the location has none of its own or
 * its metro spans it; where no column can take it, it is not used, nor named in `used`.
 */
async function savedState(
  cmd: Command,
  market: () => Promise<Market>,
  takes: ((id: string, state: string) => boolean) | undefined,
  used: string[],
  io: Io,
): Promise<void> {
  if (!takes || cmd.getOptionValueSource('state') !== 'config') return;
  const state = cmd.getOptionValue('state') as string;
  const cities = await citiesOf(cmd, await market(), io);
  if (cities && !cities.some((id) => takes(id, state))) {
    cmd.setOptionValueWithSource('state', undefined, 'default');
    cmd.setOptionValueWithSource('stateWhereNone', undefined, 'default');
    used.splice(used.indexOf(`--state ${state}`), 1);
  }
}

/**
 * Fill the options `cmd` was not given from the saved profile, with commander's source 'config',
 * and say so on stderr. Only for a command with --no-profile (the estimate, offer, compare,
 * career); `--no-profile` there or before the command skips it. The state and filing status
 * apply only with --take-home, and a command whose option is hidden (career's --years) keeps it
 * unset.
 */
export async function applySavedProfile(
  cmd: Command,
  program: Command,
  io: Io,
  market: () => Promise<Market>,
): Promise<void> {
  if (cmd !== program && cmd.parent !== program) return;
  if (!cmd.options.some((o) => o.long === '--no-profile')) return;
  if (cmd.opts().profile === false || program.opts().profile === false) return;
  const path = profilePath(io.env);
  if (path === undefined || !exists(path)) return;
  const { readSavedProfile, savedProfileFlags } = await import('./profile-file.js');
  const takeHome = cmd.opts().takeHome === true;
  // With --take-home the tax tables load anyway: the saved state is checked against them.
  const tax = takeHome ? await import('../model/take-home.js') : undefined;
  const saved = await readSavedProfile(path, await market(), io, tax?.stateCodes());
  const used: string[] = [];
  for (const [flag, value] of savedProfileFlags(saved)) {
    if ((flag === '--state' || flag === '--filing') && !takeHome) continue;
    const option = cmd.options.find((o) => o.long === flag && !o.hidden);
    if (option === undefined || cmd.getOptionValue(option.attributeName()) !== undefined) continue;
    cmd.setOptionValueWithSource(option.attributeName(), value, 'config');
    const mark = MARKS.get(flag);
    if (mark !== undefined) cmd.setOptionValueWithSource(mark, true, 'config');
    used.push(`${flag} ${value === '' ? "''" : value}`);
  }
  await savedState(cmd, market, tax?.takesState, used, io);
  if (used.length > 0) sayUsed(cmd, io, used);
}

/** Say on stderr what the saved profile gave. */
function sayUsed(cmd: Command, io: Io, used: readonly string[]): void {
  // Offer files: each file's own value wins (run/offer.ts), so the profile fills only the rest.
  const where =
    cmd.name() === 'offer' && cmd.args.length > 0 ? ', where an offer file gives none' : '';
  printErr(
    io,
    `ml-salary: from your saved profile${where}: ${used.join(' ')} (flags override it; --no-profile ignores it)\n`,
  );
}
