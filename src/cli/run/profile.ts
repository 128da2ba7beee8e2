// The work of `ml-salary profile save|show|clear` (the command: commands/profile.ts).
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../../errors.js';
import { catalog, type CatalogKind } from '../../input/names.js';
import { fsReason } from '../../input/files.js';
import { readSavedProfile } from '../profile-file.js';
import {
  checkSavedProfile,
  SAVED_FIELDS,
  savedProfileFlags,
  savedProfileText,
  type SavedField,
  type SavedProfile,
} from '../../input/saved-profile.js';
import type { Market, ProfileField } from '../../model/types.js';
import { pickFields } from '../json-fields.js';
import { print, printErr, type Io } from '../io.js';
import type { EstimateOptions } from '../options.js';
import { profilePath, shownPath } from '../profile-path.js';
import { askMissing, promptContext, promptPlan, PROFILE_ASKED } from '../prompts.js';
import { shellLine } from '../shell.js';

export interface SaveOptions extends Pick<
  EstimateOptions,
  ProfileField | 'input' | 'color' | 'data'
> {
  state?: string;
  filing?: string;
  /** false with --no-profile: start from nothing rather than the saved profile. */
  profile: boolean;
}

/** The saved profile's path, and that path as messages show it. */
function where(io: Io): { path: string; shown: string } {
  const path = profilePath(io.env);
  if (path === undefined) {
    throw new UsageError(
      process.platform === 'win32'
        ? 'no config folder: APPDATA is not set'
        : 'no config folder: set HOME or XDG_CONFIG_HOME',
    );
  }
  return { path, shown: shownPath(path, io.env) };
}

const exists = (path: string): boolean => statSync(path, { throwIfNoEntry: false }) !== undefined;

/** The saved profile at `path`, or undefined when there is none. */
const saved = (
  path: string,
  market: Market,
  io: Io,
): Promise<SavedProfile | undefined> | undefined =>
  exists(path) ? readSavedProfile(path, market, io) : undefined;

export async function saveProfile(opts: SaveOptions, io: Io, market: Market): Promise<void> {
  const { path, shown } = where(io);
  const before = opts.profile === false ? {} : ((await saved(path, market, io)) ?? {});
  const raw: Partial<Record<SavedField, unknown>> = { ...before };
  for (const k of SAVED_FIELDS) if (opts[k] !== undefined) raw[k] = opts[k];
  // --state as --take-home reads it (a code or a name, with its did-you-mean), saved as its code.
  const stateOf = async (text: string): Promise<string> =>
    (await import('../../input/take-home.js')).parseState(text, '--state');
  if (opts.state !== undefined) raw.state = await stateOf(opts.state);
  // The flags on their own first, so that a typo fails before any question.
  checkSavedProfile(raw, market);
  if (promptPlan(opts, 'table', io).ask && PROFILE_ASKED.some((k) => raw[k] === undefined)) {
    const answers = await askMissing(raw, market, promptContext(io, opts.color));
    for (const k of PROFILE_ASKED) raw[k] = answers[k];
    if (raw.level === undefined) raw.level = answers.level;
  }
  // `--level years` removes a saved level (checkSavedProfile leaves it out).
  const profile = checkSavedProfile(raw, market);
  if (SAVED_FIELDS.every((k) => profile[k] === undefined)) {
    throw new UsageError(
      'nothing to save: pass the answers as flags, e.g. ml-salary profile save --years 5 --city sf (in a terminal it asks for them)',
    );
  }
  // A state kept from the file before: the tax tables' codes (read above without them).
  if (opts.state === undefined && profile.state !== undefined) await stateOf(profile.state);
  try {
    mkdirSync(dirname(path), { recursive: true });
    // A new file renamed over the old: a profile is never left half written.
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, savedProfileText(profile));
    renameSync(temporary, path);
  } catch (error) {
    throw new UsageError(`cannot save the profile to ${shown}: ${fsReason(error)}`);
  }
  const flags = savedProfileFlags(profile).flat();
  print(io, `Saved your profile to ${shown}:\n  ${shellLine(flags)}\n`);
  printErr(io, 'The estimate, offer, compare and career now use it; --no-profile ignores it.\n');
}

/** The fields named by a catalogue of the same name (shown with its label). */
const KINDS: readonly SavedField[] = ['city', 'industry', 'degree', 'level'];

export async function showProfile(
  opts: { json?: boolean; jsonFields?: string },
  io: Io,
  market: Market,
): Promise<void> {
  const { path, shown } = where(io);
  const profile = await saved(path, market, io);
  if (opts.json) {
    const doc = { path, profile: profile ?? null };
    return print(io, `${JSON.stringify(pickFields(doc, opts.jsonFields))}\n`);
  }
  if (profile === undefined) {
    return print(
      io,
      `No saved profile (it would be ${shown}).\nSave one: ml-salary profile save --years 5 --city sf\n`,
    );
  }
  const label = (k: SavedField, id: string): string => {
    const entry = KINDS.includes(k) && catalog(market, k as CatalogKind).find((e) => e.id === id);
    return entry ? `${id} (${entry.label})` : id;
  };
  const lines = SAVED_FIELDS.filter((k) => profile[k] !== undefined).map((k) => {
    const value = profile[k]!;
    const text = Array.isArray(value)
      ? value.join(', ') || 'none'
      : typeof value === 'string'
        ? label(k, value)
        : String(value);
    return `  ${k.padEnd(9)}${text}`;
  });
  print(io, `Saved profile (${shown}):\n${lines.join('\n')}\n`);
}

export function clearProfile(io: Io): void {
  const { path, shown } = where(io);
  if (!exists(path)) return print(io, `No saved profile at ${shown}\n`);
  try {
    rmSync(path);
  } catch (error) {
    throw new UsageError(`cannot remove ${shown}: ${fsReason(error)}`);
  }
  print(io, `Removed ${shown}\n`);
}
