// A flag given before a command (`ml-salary --json offer a.json`): one rule for every command,
// applied before its action runs, so that no flag is dropped without a word.
import type { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { PROFILE_FIELDS, type ProfileField } from '../model/types.js';

/** Go to the command that has them; given to one that has not, a usage error. */
const OUTPUT = ['json', 'jsonFields', 'format'];
/**
 * Go to the command that has them; a command that has not never asks or colours, or reads
 * --data, --debug and --no-profile from the root (so scripts may pass them to every command).
 */
const QUIET = ['input', 'color', 'profile', 'data', 'debug'];
/** The profile flags that list, batch and market hold, hidden, only to refuse them. */
const REFUSE_ONLY = new WeakSet<Option>();
const isProfileField = (key: string): key is ProfileField =>
  (PROFILE_FIELDS as readonly string[]).includes(key);

/** A profile flag after `list`, `batch` or `market` gets the message it gets before them. */
export function hideProfileFlags(cmd: Command): void {
  for (const field of PROFILE_FIELDS) {
    const option = cmd.createOption(`--${field} <value>`).hideHelp();
    REFUSE_ONLY.add(option);
    cmd.addOption(option);
  }
}

/**
 * Before `action` runs: the root's output flags (and the QUIET ones) go to the command where it
 * has them; any other flag given before the command is a usage error saying where it goes, or
 * that the command has none.
 */
export function placeRootFlags(program: Command, action: Command): void {
  if (action === program || action.name() === 'help') return;
  const top = action.parent === program ? action : (action.parent ?? action);
  const path = action === top ? top.name() : `${top.name()} ${action.name()}`;
  for (const option of program.options) {
    const key = option.attributeName();
    if (program.getOptionValueSource(key) === 'cli')
      place(program, action, key, option.long ?? key, top, path);
  }
  for (const option of action.options) {
    const key = option.attributeName();
    if (REFUSE_ONLY.has(option) && action.getOptionValueSource(key) === 'cli')
      throw new UsageError(whereItGoes(option.long ?? key, key, option, top, path));
  }
}

function place(
  program: Command,
  action: Command,
  key: string,
  long: string,
  top: Command,
  path: string,
): void {
  const own = action.options.find((o) => o.attributeName() === key);
  if (OUTPUT.includes(key) || QUIET.includes(key) || (own?.hidden && !REFUSE_ONLY.has(own))) {
    if (own !== undefined) carry(program, action, key, long);
    else if (!QUIET.includes(key)) throw notAnOption(long, path);
  } else throw new UsageError(whereItGoes(long, key, own, top, path));
}

/** The root's value to the command, unless the command was given a different one. */
function carry(program: Command, action: Command, key: string, long: string): void {
  const value: unknown = program.getOptionValue(key);
  if (action.getOptionValueSource(key) !== 'cli')
    return void action.setOptionValueWithSource(key, value, 'cli');
  const after: unknown = action.getOptionValue(key);
  if (after !== value) {
    const flag = key === 'jsonFields' ? '--json' : long.replace(/^--no-/, '--');
    const shown = (v: unknown): string =>
      typeof v === 'string' ? `${flag} ${v}` : v === false ? flag.replace('--', '--no-') : flag;
    throw new UsageError(`${shown(after)} conflicts with ${shown(value)}; use one of them`);
  }
}

const notAnOption = (long: string, path: string): UsageError =>
  new UsageError(`${long} is not an option of '${path}' (see: ml-salary ${path} --help)`);

function whereItGoes(
  long: string,
  key: string,
  own: Option | undefined,
  top: Command,
  path: string,
): string {
  if (own !== undefined && !own.hidden)
    return `${long} goes after '${path}': ml-salary ${path} ${long} ...`;
  const save = top.name() === 'profile' ? top.commands.find((c) => c.name() === 'save') : undefined;
  if (save?.options.some((o) => o.long === long))
    return `${long} goes after 'profile save': ml-salary profile save ${long} ...`;
  if (top.name() === 'profile' || top.name() === 'completion')
    return notAnOption(long, path).message;
  const help = `(see: ml-salary ${path} --help)`;
  if (isProfileField(key)) {
    if (path === 'batch')
      return `${long} is for a single estimate; in batch each record gives its own ${key} ${help}`;
    if (path === 'list')
      return `${long} is for a single estimate; list takes only a kind, e.g. ml-salary list cities`;
    return `${long} is for a single estimate; ${path} takes no profile ${help}`;
  }
  if (key === 'explain')
    return `--explain is for a single estimate's table; ${path} has no --explain ${help}`;
  return `${long} is for pay after tax in a single estimate, offer, compare or career; ${path} has none ${help}`;
}
